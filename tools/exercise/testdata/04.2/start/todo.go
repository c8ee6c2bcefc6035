package main

// A store is the TODO list that every connection shares.
type store struct {
	tasks map[string]string
}

// Get returns the task stored under id, and whether there was one.
func (s *store) Get(id string) (string, bool) {
	value, ok := s.tasks[id]
	return value, ok
}

// Set stores value under id.
func (s *store) Set(id, value string) {
	s.tasks[id] = value
}
