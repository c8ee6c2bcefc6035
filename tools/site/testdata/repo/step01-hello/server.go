package main

// greet returns what the server says.
func greet() string {
	return "hello"
}
