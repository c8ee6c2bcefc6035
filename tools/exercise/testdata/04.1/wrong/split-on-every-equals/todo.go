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
	first := strings.IndexByte(line, '/')
	last := strings.LastIndexByte(line, '/')
	if first == last {
		return command{}, errFields
	}
	method, arg := line[:first], line[first+1:last]
	switch method {
	case "GET":
		if arg == "" {
			return command{}, errGetID
		}
		return command{method: method, id: arg}, nil
	case "POST":
		parts := strings.Split(arg, "=")
		switch {
		case len(parts) != 2:
			return command{}, errPostEqual
		case parts[0] == "":
			return command{}, errPostID
		case parts[1] == "":
			return command{}, errPostValue
		}
		return command{method: method, id: parts[0], value: parts[1]}, nil
	}
	return command{}, errMethod
}
