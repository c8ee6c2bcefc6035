package main

// parse reads a request line: the method before the first "/", the
// argument up to the last "/" (what follows, "status", is ignored), and in
// a POST, the id up to the first "=", so a value may hold "=" and "/".
func parse(line string) (command, error) {
	// TODO: the table parseTests in todo_test.go says what to return.
	return command{}, errFields
}
