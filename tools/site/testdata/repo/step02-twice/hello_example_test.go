package main

import "fmt"

// Example_hello prints what python/hello.py prints.
func Example_hello() {
	fmt.Println(greet())
	// Output: hello hello
}
