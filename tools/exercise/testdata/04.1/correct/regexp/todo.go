package main

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// requestParts splits a request line into its method, up to the first
// "/", and its argument, up to the last: (.*) takes all it can, and the
// last field holds no "/". (?s) lets . match any byte, newlines too.
var requestParts = regexp.MustCompile(`(?s)^([^/]*)/(.*)/[^/]*$`)

// parse reads a request line: the method before the first "/", the
// argument up to the last "/" (what follows, "status", is ignored), and in
// a POST, the id up to the first "=", so a value may hold "=" and "/".
func parse(line string) (command, error) {
	if !utf8.ValidString(line) {
		return command{}, errNotUTF8
	}
	m := requestParts.FindStringSubmatch(line)
	if m == nil {
		return command{}, errFields
	}
	method, arg := m[1], m[2]
	switch method {
	case "GET":
		if arg == "" {
			return command{}, errGetID
		}
		return command{method: method, id: arg}, nil
	case "POST":
		id, value, ok := strings.Cut(arg, "=")
		switch {
		case !ok:
			return command{}, errPostEqual
		case id == "":
			return command{}, errPostID
		case value == "":
			return command{}, errPostValue
		}
		return command{method: method, id: id, value: value}, nil
	}
	return command{}, errMethod
}
