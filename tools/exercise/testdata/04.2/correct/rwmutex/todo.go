package main

import "sync"

// A store is the TODO list that every connection shares.
type store struct {
	mu                        sync.RWMutex
	tasks                     map[string]string
	maxTasks, maxBytes, bytes int // bound.go
}

// reply carries out one request line and returns the reply. A GET only
// reads the map, so GETs may share the lock; a POST writes, alone.
func (s *store) reply(line string) string {
	cmd, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	if cmd.method == "POST" {
		s.mu.Lock()
		defer s.mu.Unlock()
		if err := s.admit(cmd.id, cmd.value); err != nil { // bound.go
			return "error: " + err.Error()
		}
		s.tasks[cmd.id] = cmd.value
		return "submit success"
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if value, ok := s.tasks[cmd.id]; ok {
		return value
	}
	return "no key match"
}
