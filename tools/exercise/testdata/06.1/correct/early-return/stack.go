package main

// Pop removes the top of the calling goroutine's stack and returns it,
// or returns the zero value and false when the stack is empty.
func (s *Stack[T]) Pop() (T, bool) {
	id := goroutineID()
	items := s.items(id)
	if len(items) == 0 {
		var zero T
		return zero, false
	}
	n := len(items) - 1
	top := items[n]
	var zero T
	items[n] = zero // so that the popped value can be collected
	s.keep(id, items[:n])
	return top, true
}

// keep makes items the stack of goroutine id. Once it is empty, keep
// releases the goroutine's entry, as werkzeug's LocalStack does, so that
// a goroutine that pops all it pushed leaves nothing behind.
func (s *Stack[T]) keep(id uint64, items []T) {
	if len(items) == 0 {
		s.local.release(id)
		return
	}
	s.local.set(id, "stack", items)
}
