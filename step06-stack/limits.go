package main

import "fmt"

// reserve keeps the store from filling the machine's memory: a POST that
// would take it past maxTasks tasks or maxBytes bytes stores nothing and
// gets 507 (TestAFullStoreRefusesWhatWouldGrowIt). A value that does not
// grow the store always fits. The caller holds s.mu.
func (s *store) reserve(id, value string) error {
	old, replaces := s.tasks[id]
	grow := len(value) - len(old)
	if !replaces {
		grow += len(id)
		if len(s.tasks) >= s.maxTasks {
			return fmt.Errorf("store full: at most %d tasks", s.maxTasks)
		}
	}
	if grow > 0 && s.bytes+grow > s.maxBytes {
		return fmt.Errorf("store full: at most %d bytes", s.maxBytes)
	}
	s.bytes += grow
	return nil
}
