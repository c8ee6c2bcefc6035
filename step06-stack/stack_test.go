package main

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStack(t *testing.T) {
	t.Parallel()
	t.Run("an empty stack has no top and pops nothing", func(t *testing.T) {
		var s Stack[int]
		_, ok := s.Top()
		assert.False(t, ok)
		v, ok := s.Pop()
		assert.False(t, ok)
		assert.Zero(t, v)
	})

	t.Run("pop returns the last push, and top reads it without removing",
		func(t *testing.T) {
			var s Stack[int]
			s.Push(42)
			assertTop(t, &s, 42, "after Push(42)")
			s.Push(23)
			assertTop(t, &s, 23, "after Push(42), Push(23)")
			assertTop(t, &s, 23, "after Push(42), Push(23), Top()")

			assertPop(t, &s, 23, "after Push(42), Push(23)")
			assertTop(t, &s, 42, "after Push(42), Push(23), Pop()")
			assertPop(t, &s, 42, "after Push(42), Push(23), Pop()")

			const popped = "after Push(42), Push(23), Pop(), Pop()"
			if top, ok := s.Top(); ok {
				t.Errorf("%s: Top() = %v, true; want 0, false", popped, top)
			}
			for range 2 { // popping an empty stack again is no error
				if top, ok := s.Pop(); ok {
					t.Errorf("%s: Pop() = %v, true; want 0, false", popped, top)
				}
			}
		})

	t.Run("popping the last item releases the goroutine's entry",
		func(t *testing.T) {
			var s Stack[string]
			assert.Zero(t, stored(&s.local))
			s.Push("a")
			s.Push("b")
			assert.Equal(t, 1, stored(&s.local))
			s.Pop()
			assert.Equal(t, 1, stored(&s.local), "one item is left")
			s.Pop()
			if n := stored(&s.local); n > 0 {
				t.Errorf("after Push, Push, Pop, Pop: goroutines with an "+
					"entry left: %d, which nobody will ever remove", n)
			}
		})

	t.Run("a goroutine sees only its own items", func(t *testing.T) {
		var s Stack[string]
		s.Push("parent")
		defer s.Pop()

		const n = 50
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() {
				errs <- pushAndPop(&s, fmt.Sprint("child ", i))
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err) // the first is enough
				break
			}
		}
		assertTop(t, &s, "parent", "after the children's pushes and pops")
	})
}

// TestEachStackMethodLooksUpTheGoroutineOnce calls each method in turn,
// all on the test's goroutine, whose stack they share: a subtest would
// run each on a goroutine, and so a stack, of its own.
func TestEachStackMethodLooksUpTheGoroutineOnce(t *testing.T) {
	var s Stack[int]
	for _, tt := range []struct {
		method string
		call   func()
	}{
		{"Push", func() { s.Push(1) }},
		{"Push onto a stack", func() { s.Push(2) }},
		{"Top", func() { s.Top() }},
		{"Pop", func() { s.Pop() }},
		{"Pop of the last item", func() { s.Pop() }},
		{"Pop of an empty stack", func() { s.Pop() }},
	} {
		if n := countLookups(tt.call); n != 1 {
			t.Errorf("%s looked up its goroutine %d times, not once: "+
				"each lookup writes a stack trace", tt.method, n)
		}
	}
}

// pushAndPop checks, on the calling goroutine, that its stack starts
// empty, holds what it pushes, and is released by the last pop.
func pushAndPop(s *Stack[string], item string) error {
	if top, ok := s.Top(); ok {
		return fmt.Errorf("a new goroutine sees %q on its stack", top)
	}
	s.Push(item)
	s.Push(item + " again")
	for _, want := range []string{item + " again", item} {
		if got, ok := s.Pop(); !ok || got != want {
			return fmt.Errorf("popped %q, %v; want %q", got, ok, want)
		}
	}
	if _, ok := s.local.Get("stack"); ok {
		return fmt.Errorf("%q: the last pop left an entry behind", item)
	}
	return nil
}

// assertTop checks that Top, called after what happened says, finds want.
func assertTop[T any](t *testing.T, s *Stack[T], want T, happened string) {
	t.Helper()
	if got, ok := s.Top(); !ok || !assert.ObjectsAreEqual(want, got) {
		t.Errorf("%s: Top() = %v, %v; want %v, true", happened, got, ok, want)
	}
}

// assertPop checks that Pop, called after what happened says, takes
// want off the top.
func assertPop[T any](t *testing.T, s *Stack[T], want T, happened string) {
	t.Helper()
	if got, ok := s.Pop(); !ok || !assert.ObjectsAreEqual(want, got) {
		t.Errorf("%s: Pop() = %v, %v; want %v, true", happened, got, ok, want)
	}
}
