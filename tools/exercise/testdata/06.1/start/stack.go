package main

// pop is Pop for the goroutine id, which the caller has looked up.
func (s *Stack[T]) pop(id uint64) (T, bool) {
	// TODO: this returns the top, but leaves it on the stack.
	return s.top(id)
}
