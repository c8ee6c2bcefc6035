package main

// forget deletes the task id (s.mu held) and gives its room in the bound
// back, len(id)+len(value) as admit counted it. It reports whether there
// was such a task.
func (s *store) forget(id string) bool {
	value, ok := s.tasks[id]
	if ok {
		delete(s.tasks, id)
		s.bytes -= len(id) + len(value)
	}
	return ok
}
