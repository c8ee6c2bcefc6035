package main

// This file keeps the stacks right when a context is popped out of
// order, as when a view forgets one that the next request on the
// goroutine would find. As in Flask 2.2, the pop takes the stack back to
// before the push, and says so. TestPoppingOutOfOrder and
// TestAViewThatBreaksTheStackIsCleanedUp prove it.

import (
	"fmt"
	"slices"
)

// popTo removes v, and whatever was pushed above it and left there, from
// the calling goroutine's stack s, and says if there was any. If v is not
// on s, it changes nothing.
func popTo[T comparable](s *Stack[T], v T) error {
	id := goroutineID()
	items := s.items(id)
	i := slices.Index(items, v)
	if i < 0 {
		return fmt.Errorf("pop %v: not pushed on this goroutine", v)
	}
	s.keep(id, items[:i])
	if top := items[len(items)-1]; top != v {
		return fmt.Errorf("popped wrong context: %v is on top, not %v",
			top, v)
	}
	return nil
}
