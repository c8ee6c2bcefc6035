package main

import (
	_ "embed"
	"html/template"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
)

// A store is the TODO list that every request shares, under a mutex as
// in step04: net/http serves each connection in its own goroutine.
type store struct {
	mu                 sync.Mutex
	tasks              map[string]string
	maxTasks, maxBytes int // see limits.go
	bytes              int // len(id) + len(value) of every task
}

// newStore returns a store of at most maxTasks tasks and maxBytes bytes,
// holding the original's three tasks if they fit.
func newStore(maxTasks, maxBytes int) *store {
	s := &store{tasks: map[string]string{}, maxTasks: maxTasks, maxBytes: maxBytes}
	s.Set("task_01", "see someone")
	s.Set("task_02", "read book")
	s.Set("task_03", "play basketball")
	return s
}

// Get returns the task stored under id, and whether there is one.
func (s *store) Get(id string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	value, ok := s.tasks[id]
	return value, ok
}

// Set stores value under id, unless the store is full: then it says so.
func (s *store) Set(id, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.reserve(id, value); err != nil {
		return err
	}
	s.tasks[id] = value
	return nil
}

// A page is tasks sorted by id, and the id to start the next page after.
type page struct {
	Tasks []task
	Next  string
}

type task struct{ ID, Value string }

// Page returns the first n tasks whose ids sort after after.
func (s *store) Page(after string, n int) (p page) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := slices.Sorted(maps.Keys(s.tasks))
	ids = slices.DeleteFunc(ids, func(id string) bool { return id <= after })
	if len(ids) > n {
		ids, p.Next = ids[:n], ids[n-1]
	}
	for _, id := range ids {
		p.Tasks = append(p.Tasks, task{id, s.tasks[id]})
	}
	return p
}

// todoApp routes requests to views, as Flask's @app.route, each inside
// bindRequest. The mux answers 404, and 405 to a method it has no route for.
func todoApp(s *store) http.Handler {
	mux := http.NewServeMux()
	handle := func(pattern string, v view) { mux.Handle(pattern, bindRequest(v)) }
	handle("GET /{$}", s.index)
	handle("POST /tasks", s.setTask) // the page's form
	handle("GET /tasks/{id}", s.getTask)
	handle("POST /tasks/{id}", s.setTask)
	return mux
}

// index shows 100 tasks (?after=ID: the next ones) and a form to add one.
func (s *store) index() response {
	var html strings.Builder
	// NOTE: ignoring errors: a strings.Builder takes every write
	home.Execute(&html, s.Page(request().URL.Query().Get("after"), 100))
	header := http.Header{"Content-Type": {"text/html; charset=utf-8"}}
	return response{http.StatusOK, header, html.String()}
}

// getTask answers with the value of the task in the path.
func (s *store) getTask() response {
	value, ok := s.Get(request().PathValue("id")) // Flask: request.view_args
	if !ok {
		return text(http.StatusNotFound, "no key match")
	}
	return text(http.StatusOK, value)
}

// setTask stores the value under the id, from the form or the path.
func (s *store) setTask() response {
	fields, refusal, ok := form("id", "value") // see form.go
	if !ok {
		return refusal
	}
	if err := s.Set(fields[0], fields[1]); err != nil {
		return text(http.StatusInsufficientStorage, "error: "+err.Error())
	}
	if request().PathValue("id") == "" { // the page's form: back to the list
		return response{http.StatusSeeOther, http.Header{"Location": {"/"}}, ""}
	}
	return text(http.StatusOK, "submit success")
}

// home is page.html. html/template escapes each id and value for where it
// stands, so that a task cannot add markup to the page.
//
//go:embed page.html
var homeHTML string
var home = template.Must(template.New("home").
	Funcs(template.FuncMap{"path": url.PathEscape}).Parse(homeHTML))
