package main

// Stack is a stack of values per goroutine, as werkzeug's LocalStack is
// per thread: a goroutine sees only what it pushed itself. Flask keeps
// its app and request contexts on two of them. The zero Stack is empty
// and ready to use.
type Stack[T any] struct {
	local Local // holds one name, "stack": the goroutine's items
}

// Push puts v on top of the calling goroutine's stack.
func (s *Stack[T]) Push(v T) {
	s.local.Set("stack", append(s.items(), v))
}

// Pop removes the top of the calling goroutine's stack and returns it.
// On an empty stack it returns the zero value and false. Popping the last
// item releases the goroutine's entry, so that a goroutine that is done
// with its stack leaves nothing behind.
func (s *Stack[T]) Pop() (T, bool) {
	items := s.items()
	if len(items) == 0 {
		var zero T
		return zero, false
	}
	top := items[len(items)-1]
	if len(items) == 1 {
		s.local.Release()
	} else {
		s.local.Set("stack", items[:len(items)-1])
	}
	return top, true
}

// Top returns the top of the calling goroutine's stack without removing
// it, or the zero value and false when the stack is empty.
func (s *Stack[T]) Top() (T, bool) {
	items := s.items()
	if len(items) == 0 {
		var zero T
		return zero, false
	}
	return items[len(items)-1], true
}

// items returns the calling goroutine's stack, bottom first.
func (s *Stack[T]) items() []T {
	v, _ := s.local.Get("stack")
	items, _ := v.([]T)
	return items
}
