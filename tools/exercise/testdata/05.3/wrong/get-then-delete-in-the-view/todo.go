package main

// Delete removes the task stored under id.
func (s *store) Delete(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bytes -= len(id) + len(s.tasks[id])
	delete(s.tasks, id)
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

// deleteTask deletes the task in the path, if there is one.
func (s *store) deleteTask() response {
	id := request().PathValue("id")
	if _, ok := s.Get(id); !ok {
		return text(http.StatusNotFound, "no key match")
	}
	s.Delete(id)
	return text(http.StatusOK, "delete success")
}
