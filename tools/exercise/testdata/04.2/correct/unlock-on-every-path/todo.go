package main

import "sync"

// A store is the TODO list that every connection shares.
type store struct {
	mu                        sync.Mutex
	tasks                     map[string]string
	maxTasks, maxBytes, bytes int // bound.go
}

// reply carries out one request line and returns the reply.
func (s *store) reply(line string) string {
	cmd, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	if cmd.method == "POST" {
		s.mu.Lock()
		err := s.admit(cmd.id, cmd.value) // bound.go
		if err == nil {
			s.tasks[cmd.id] = cmd.value
		}
		s.mu.Unlock()
		if err != nil {
			return "error: " + err.Error()
		}
		return "submit success"
	}
	s.mu.Lock()
	value, ok := s.tasks[cmd.id]
	s.mu.Unlock()
	if !ok {
		return "no key match"
	}
	return value
}
