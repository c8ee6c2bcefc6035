package main

import "sync"

// A store is the TODO list that every connection shares.
type store struct {
	tasks                     map[string]string
	maxTasks, maxBytes, bytes int // bound.go
}

// reply carries out one request line and returns the reply.
func (s *store) reply(line string) string {
	cmd, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	if cmd.method == "POST" {
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
