package main

// Stack is a stack of values per goroutine, as werkzeug's LocalStack is
// per thread: a goroutine sees only what it pushed itself. The zero
// Stack is empty. Each method looks the calling goroutine up once.
type Stack[T any] struct {
	local Local // holds one name, "stack": the goroutine's items
}

// Push puts v on top of the calling goroutine's stack.
func (s *Stack[T]) Push(v T) {
	id := goroutineID()
	s.local.set(id, "stack", append(s.items(id), v))
}

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

// Top returns the top of the calling goroutine's stack without removing
// it, or the zero value and false when the stack is empty.
func (s *Stack[T]) Top() (top T, ok bool) {
	if items := s.items(goroutineID()); len(items) > 0 {
		top, ok = items[len(items)-1], true
	}
	return top, ok
}

// items returns the stack of goroutine id, bottom first.
func (s *Stack[T]) items(id uint64) []T {
	v, _ := s.local.get(id, "stack")
	items, _ := v.([]T) // nil if there is none
	return items
}

// keep makes items the stack of goroutine id. An empty stack releases
// the goroutine's entry, as in werkzeug, so that nothing stays behind.
func (s *Stack[T]) keep(id uint64, items []T) {
	if len(items) == 0 {
		s.local.release(id)
		return
	}
	s.local.set(id, "stack", items)
}
