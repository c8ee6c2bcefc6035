package main

// Delete removes the task stored under id, and reports whether there was
// one.
func (s *store) Delete(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	value, ok := s.tasks[id]
	if ok {
		delete(s.tasks, id)
		s.bytes -= len(id) + len(value)
	}
	return ok
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
	handle("DELETE /tasks/{id}", s.deleteTask)
	return mux
}

// deleteTask deletes the task in the path.
func (s *store) deleteTask() response {
	if !s.Delete(request().PathValue("id")) {
		return text(http.StatusNotFound, "no key match")
	}
	return text(http.StatusOK, "delete success")
}
