package main

import "fmt"

// admit keeps the store from taking all our memory (TestTheStoreIsBounded):
// past maxTasks tasks or maxBytes bytes of ids and values, it refuses
// what would grow the store, and counts what it admits (s.mu held).
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
