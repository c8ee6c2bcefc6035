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
	fields := strings.Split(line, "/")
	if len(fields) < 3 {
		return command{}, errFields
	}
	// The argument is every field between the first and the last, with
	// the "/" that stood between them.
	method := fields[0]
	arg := strings.Join(fields[1:len(fields)-1], "/")
	switch method {
	case "GET":
		if arg == "" {
			return command{}, errGetID
		}
		return command{method: method, id: arg}, nil
	case "POST":
		i := strings.IndexByte(arg, '=')
		switch {
		case i < 0:
			return command{}, errPostEqual
		case i == 0:
			return command{}, errPostID
		case i == len(arg)-1:
			return command{}, errPostValue
		}
		return command{method: method, id: arg[:i], value: arg[i+1:]}, nil
	}
	return command{}, errMethod
}
