package main

// Stack is a stack of values per goroutine, as werkzeug's LocalStack is
// per thread: a goroutine sees only what it pushed itself. Flask keeps
// its app and request contexts on two of them. The zero Stack is empty
// and ready to use.
//
// Each method looks the calling goroutine up once: see goroutineID.
type Stack[T any] struct {
	local Local // holds one name, "stack": the goroutine's items
}

// Push puts v on top of the calling goroutine's stack.
func (s *Stack[T]) Push(v T) {
	s.push(goroutineID(), v)
}

// Pop removes the top of the calling goroutine's stack and returns it.
// On an empty stack it returns the zero value and false. Popping the last
// item releases the goroutine's entry, so that a goroutine that is done
// with its stack leaves nothing behind.
func (s *Stack[T]) Pop() (T, bool) {
	return s.pop(goroutineID())
}

// Top returns the top of the calling goroutine's stack without removing
// it, or the zero value and false when the stack is empty.
func (s *Stack[T]) Top() (T, bool) {
	return s.top(goroutineID())
}

// push, pop and top are Push, Pop and Top for the goroutine id, which the
// caller has looked up: code that uses a stack several times in a row, as
// a context's Pop does, looks the goroutine up once for all of them.
func (s *Stack[T]) push(id uint64, v T) {
	s.local.set(id, "stack", append(s.items(id), v))
}

func (s *Stack[T]) pop(id uint64) (T, bool) {
	items := s.items(id)
	if len(items) == 0 {
		var zero T
		return zero, false
	}
	top := items[len(items)-1]
	if len(items) == 1 {
		s.local.release(id)
	} else {
		s.local.set(id, "stack", items[:len(items)-1])
	}
	return top, true
}

func (s *Stack[T]) top(id uint64) (T, bool) {
	items := s.items(id)
	if len(items) == 0 {
		var zero T
		return zero, false
	}
	return items[len(items)-1], true
}

// items returns the stack of goroutine id, bottom first.
func (s *Stack[T]) items(id uint64) []T {
	v, _ := s.local.get(id, "stack")
	items, _ := v.([]T)
	return items
}
