package main

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// The errors of parse. A client gets their text after "error: ", so each
// one says what was expected.
var (
	errNotUTF8 = errors.New("not UTF-8, expected text")
	errFields  = errors.New(
		"expected GET/<id>/status or POST/<id>=<value>/status")
	errMethod = errors.New(
		"unknown method, expected GET, POST or DELETE")
	errGetID     = errors.New("empty id, expected GET/<id>/status")
	errDeleteID  = errors.New("empty id, expected DELETE/<id>/status")
	errPostEqual = errors.New("no =, expected POST/<id>=<value>/status")
	errPostID    = errors.New("empty id, expected POST/<id>=<value>/status")
	errPostValue = errors.New(
		"empty value, expected POST/<id>=<value>/status")
)

// parse reads one request line, without its line ending. The method is
// what stands before the first "/", the last field (conventionally
// "status") follows the last "/" and is ignored, and the argument is
// everything between. A POST's argument is split at its first "=", so the
// value may contain "=" and "/". parse never panics: any other line is an
// error that says what was expected.
func parse(line string) (request, error) {
	if !utf8.ValidString(line) {
		return request{}, errNotUTF8
	}
	first := strings.IndexByte(line, '/')
	last := strings.LastIndexByte(line, '/')
	if first == last { // no "/" at all, or a single one
		return request{}, errFields
	}
	method, arg := line[:first], line[first+1:last]
	switch method {
	case "GET":
		if arg == "" {
			return request{}, errGetID
		}
		return request{method: method, id: arg}, nil
	case "DELETE":
		if arg == "" {
			return request{}, errDeleteID
		}
		return request{method: method, id: arg}, nil
	case "POST":
		id, value, ok := strings.Cut(arg, "=")
		switch {
		case !ok:
			return request{}, errPostEqual
		case id == "":
			return request{}, errPostID
		case value == "":
			return request{}, errPostValue
		}
		return request{method: method, id: id, value: value}, nil
	}
	return request{}, errMethod
}

// Delete removes the task stored under id, and reports whether there was
// one.
func (s *store) Delete(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.tasks[id]
	delete(s.tasks, id)
	return ok
}

// reply carries out one request line and returns the reply, without its
// line ending.
func (s *store) reply(line string) string {
	req, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	switch req.method {
	case "POST":
		s.Set(req.id, req.value)
		return "submit success"
	case "DELETE":
		if s.Delete(req.id) {
			return "delete success"
		}
		return "no key match"
	}
	if value, ok := s.Get(req.id); ok {
		return value
	}
	return "no key match"
}
