module example.com/e2e

go 1.26

require (
	github.com/aws/aws-lambda-go v1.55.1
	github.com/go-chi/chi/v5 v5.5.0
)
