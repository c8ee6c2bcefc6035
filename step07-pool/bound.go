package main

import "fmt"

// admit counts value stored under id (s.mu held), or refuses it past
// maxTasks tasks or maxBytes bytes, len(id)+len(value) each, only growth
// counted: the store cannot take all our memory. Proved by TestTheStoreIsBounded.
func (s *store) admit(id, value string) error {
	old, ok := s.tasks[id]
	grow := len(value) - len(old)
	if !ok {
		if len(s.tasks) >= s.maxTasks {
			return fmt.Errorf("store full: at most %d tasks", s.maxTasks)
		}
		grow += len(id)
	}
	if grow > 0 && s.bytes+grow > s.maxBytes {
		return fmt.Errorf("store full: at most %d bytes", s.maxBytes)
	}
	s.bytes += grow
	return nil
}
