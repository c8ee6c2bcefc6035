package main

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// The errors of parse, each sent to the client after "error: ".
var (
	errNotUTF8   = errors.New("not UTF-8, expected text")
	errFields    = errors.New("expected GET/<id>/status or POST/<id>=<value>/status")
	errMethod    = errors.New("unknown method, expected GET, POST or DELETE")
	errGetID     = errors.New("empty id, expected GET/<id>/status")
	errDeleteID  = errors.New("empty id, expected DELETE/<id>/status")
	errPostEqual = errors.New("no =, expected POST/<id>=<value>/status")
	errPostID    = errors.New("empty id, expected POST/<id>=<value>/status")
	errPostValue = errors.New("empty value, expected POST/<id>=<value>/status")
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
	if first == last { // no "/" at all, or a single one
		return command{}, errFields
	}
	method, arg := line[:first], line[first+1:last]
	switch method {
	case "GET":
		if arg == "" {
			return command{}, errGetID
		}
		return command{method: method, id: arg}, nil
	case "DELETE":
		if arg == "" {
			return command{}, errDeleteID
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

// reply carries out one request line and returns the reply.
func (s *store) reply(line string) string {
	cmd, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	if cmd.method == "DELETE" {
		value := s.reply("GET/" + cmd.id + "/status")
		if value == "no key match" {
			return "no key match"
		}
		s.mu.Lock()
		delete(s.tasks, cmd.id)
		s.bytes -= len(cmd.id) + len(value) // bound.go: its room is free
		s.mu.Unlock()
		return "delete success"
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch cmd.method {
	case "POST":
		if err := s.admit(cmd.id, cmd.value); err != nil { // bound.go
			return "error: " + err.Error()
		}
		s.tasks[cmd.id] = cmd.value
		return "submit success"
	}
	if value, ok := s.tasks[cmd.id]; ok {
		return value
	}
	return "no key match"
}
