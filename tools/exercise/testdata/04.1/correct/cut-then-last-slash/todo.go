package main

import (
	"strings"
	"unicode/utf8"
)

// parse reads a request line: the method before the first "/", the
// argument up to the last "/" (what follows, "status", is ignored), and in
// a POST, the id up to the first "=", so a value may hold "=" and "/".
func parse(line string) (command, error) {
	if !utf8.ValidString(line) {
		return command{}, errNotUTF8
	}
	method, rest, ok := strings.Cut(line, "/")
	last := strings.LastIndexByte(rest, '/')
	if !ok || last < 0 {
		return command{}, errFields
	}
	arg := rest[:last]
	if method == "GET" && arg != "" {
		return command{method: method, id: arg}, nil
	}
	if method == "GET" {
		return command{}, errGetID
	}
	if method != "POST" {
		return command{}, errMethod
	}
	id, value, ok := strings.Cut(arg, "=")
	if !ok {
		return command{}, errPostEqual
	}
	if id == "" {
		return command{}, errPostID
	}
	if value == "" {
		return command{}, errPostValue
	}
	return command{method: method, id: id, value: value}, nil
}
