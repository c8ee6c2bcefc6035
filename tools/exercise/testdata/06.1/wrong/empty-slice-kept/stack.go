package main

// Pop removes the top of the calling goroutine's stack and returns it,
// or returns the zero value and false when the stack is empty.
func (s *Stack[T]) Pop() (top T, ok bool) {
	id := goroutineID()
	if items := s.items(id); len(items) > 0 {
		top, ok = items[len(items)-1], true
		s.keep(id, items[:len(items)-1])
	}
	return top, ok
}

// keep makes items the stack of goroutine id. Once it is empty, keep
// releases the goroutine's entry, as werkzeug's LocalStack does, so that
// a goroutine that pops all it pushed leaves nothing behind.
func (s *Stack[T]) keep(id uint64, items []T) {
	s.local.set(id, "stack", items)
}
