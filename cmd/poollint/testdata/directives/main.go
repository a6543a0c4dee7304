// Package main holds poollint:ignore directives that suppress nothing,
// so every analyzer build of poollint reports them, whatever its
// analyzers find: the binary test relies on these findings alone.
package main

import "fmt"

func main() {
	//poollint:ignore perrequest nothing here builds a pool
	fmt.Println("hello")
	fmt.Println("world") //poollint:ignore perreqest a misspelt name
}
