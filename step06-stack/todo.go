package main

import (
	"bytes"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// A store is the TODO list that every request shares. net/http serves
// each connection in its own goroutine, so every access to the map holds
// mu: Go maps are not safe for concurrent use.
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

// A task is one entry of the list, as the page shows it.
type task struct{ ID, Value string }

// All returns every task, sorted by id.
func (s *store) All() []task {
	s.mu.Lock()
	defer s.mu.Unlock()
	all := make([]task, 0, len(s.tasks))
	for id, value := range s.tasks {
		all = append(all, task{id, value})
	}
	slices.SortFunc(all, func(a, b task) int {
		return strings.Compare(a.ID, b.ID)
	})
	return all
}

// todoApp maps the paths of the TODO app to its views, as Flask's
// @app.route does. Each view runs inside a request context, which binds the
// request for it. A path that no pattern matches gets 404, and a method
// that its patterns do not name gets 405.
func todoApp(s *store) *App {
	app := NewApp("todo")
	handle := func(pattern string, v view) {
		app.Handle(pattern, v)
	}
	handle("GET /{$}", s.index)
	handle("POST /tasks", s.addTask)
	handle("GET /tasks/{id}", s.getTask)
	handle("POST /tasks/{id}", s.setTask)
	handle("GET /index", appName)
	return app
}

// index shows the tasks, sorted by id, and a form that adds one.
func (s *store) index() response {
	var buf bytes.Buffer
	if err := page.Execute(&buf, s.All()); err != nil {
		return text(http.StatusInternalServerError, "error: "+err.Error())
	}
	return response{http.StatusOK, "text/html; charset=utf-8", buf.String(), ""}
}

// addTask stores the form's value under the form's id, and sends the
// browser back to the list.
func (s *store) addTask() response {
	fields, refusal, ok := form("id", "value")
	if !ok {
		return refusal
	}
	s.Set(fields[0], fields[1])
	return seeOther("/")
}

// getTask answers with the value of the task in the path.
func (s *store) getTask() response {
	return s.task(request().PathValue("id")) // Flask: request.view_args
}

// task answers with the value of the task id.
func (s *store) task(id string) response {
	if !utf8.ValidString(id) {
		return text(http.StatusBadRequest, "error: id is not UTF-8")
	}
	if value, ok := s.Get(id); ok {
		return text(http.StatusOK, value)
	}
	return text(http.StatusNotFound, "no key match")
}

// setTask stores the form's value under the id in the path.
func (s *store) setTask() response {
	id := request().PathValue("id")
	if !utf8.ValidString(id) {
		return text(http.StatusBadRequest, "error: id is not UTF-8")
	}
	fields, refusal, ok := form("value")
	if !ok {
		return refusal
	}
	s.Set(id, fields[0])
	return text(http.StatusOK, "submit success")
}

// form returns the named fields of the current request's form body, as
// Flask's request.form. If the body is too large or malformed, or a field
// is missing, empty or not UTF-8, ok is false and refusal says why.
func form(names ...string) (fields []string, refusal response, ok bool) {
	r := request()
	if err := r.ParseForm(); err != nil {
		if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
			return nil, text(http.StatusRequestEntityTooLarge,
				"error: body too large, expected at most 64 KiB"), false
		}
		return nil, text(http.StatusBadRequest, "error: "+err.Error()), false
	}
	for _, name := range names {
		value := r.PostForm.Get(name)
		switch {
		case value == "":
			return nil, text(http.StatusBadRequest,
				"error: expected a non-empty "+name), false
		case !utf8.ValidString(value):
			return nil, text(http.StatusBadRequest,
				"error: "+name+" is not UTF-8"), false
		}
		fields = append(fields, value)
	}
	return fields, response{}, true
}

// page is the home page. html/template escapes each id and value for the
// place where it stands, so that a task cannot add markup to the page.
var page = template.Must(template.New("page").
	Funcs(template.FuncMap{"path": url.PathEscape}).
	Parse(`<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>TODO</title>
<h1>TODO</h1>
<ul id="tasks">
{{- range .}}
  <li><a href="/tasks/{{path .ID}}">{{.ID}}</a>: {{.Value}}</li>
{{- end}}
</ul>
<form method="post" action="/tasks">
  <label>id <input name="id" required></label>
  <label>value <input name="value" required></label>
  <button>Add</button>
</form>
`))
