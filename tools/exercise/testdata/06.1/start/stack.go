package main

// Pop removes the top of the calling goroutine's stack and returns it.
// On an empty stack it returns the zero value and false. Popping the last
// item releases the goroutine's entry, so that a goroutine that is done
// with its stack leaves nothing behind.
func (s *Stack[T]) Pop() (T, bool) {
	// TODO: this returns the top, but leaves it on the stack.
	return s.Top()
}
