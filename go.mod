module github.com/poollint/poollint

go 1.26
