package main

import "strings"

// greet returns what the server says, twice.
func greet() string {
	return strings.Repeat("hello ", 2)
}
