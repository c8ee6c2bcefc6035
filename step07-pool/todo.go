package main

import (
	"errors"
	"strings"
	"sync"
	"unicode/utf8"
)

// A request is one parsed request line: GET/<id>/status reads the task id,
// POST/<id>=<value>/status stores value under id.
type request struct {
	method string // "GET" or "POST"
	id     string
	value  string // POST only
}

// The errors of parse. A client gets their text after "error: ", so each
// one says what was expected.
var (
	errNotUTF8 = errors.New("not UTF-8, expected text")
	errFields  = errors.New(
		"expected GET/<id>/status or POST/<id>=<value>/status")
	errMethod    = errors.New("unknown method, expected GET or POST")
	errGetID     = errors.New("empty id, expected GET/<id>/status")
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

// String formats r as a request line, the inverse of parse.
func (r request) String() string {
	if r.method == "POST" {
		return "POST/" + r.id + "=" + r.value + "/status"
	}
	return r.method + "/" + r.id + "/status"
}

// A store is the TODO list that every connection shares. Each handler
// runs in its own goroutine, so every access to the map holds mu: Go
// maps are not safe for concurrent use.
type store struct {
	mu    sync.Mutex
	tasks map[string]string
}

// newStore returns a store holding the original's three tasks.
func newStore() *store {
	return &store{tasks: map[string]string{
		"task_01": "see someone",
		"task_02": "read book",
		"task_03": "play basketball",
	}}
}

// Get returns the task stored under id, and whether there was one.
func (s *store) Get(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	value, ok := s.tasks[id]
	return value, ok
}

// Set stores value under id.
func (s *store) Set(id, value string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tasks[id] = value
}

// reply carries out one request line and returns the reply, without its
// line ending.
func (s *store) reply(line string) string {
	req, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	if req.method == "POST" {
		s.Set(req.id, req.value)
		return "submit success"
	}
	if value, ok := s.Get(req.id); ok {
		return value
	}
	return "no key match"
}
