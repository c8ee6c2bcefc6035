package main

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
			assertTop(t, &s, 42)
			s.Push(23)
			assertTop(t, &s, 23)
			assertTop(t, &s, 23) // still there

			assertPop(t, &s, 23)
			assertTop(t, &s, 42)
			assertPop(t, &s, 42)

			_, ok := s.Top()
			assert.False(t, ok, "the stack should be empty again")
			_, ok = s.Pop()
			assert.False(t, ok, "popping an empty stack twice is no error")
			_, ok = s.Pop()
			assert.False(t, ok)
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
			assert.Zero(t, stored(&s.local), "nothing may stay behind")
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
			assert.NoError(t, err)
		}
		assertTop(t, &s, "parent")
	})
}

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
		t.Run(tt.method, func(t *testing.T) {
			assert.Equal(t, int64(1), countLookups(tt.call))
		})
	}
}

// countLookups returns how many times f looked up its goroutine's id.
// Nothing else may look ids up meanwhile: the tests that count do not
// run in parallel, so Go runs them before the tests that do.
func countLookups(f func()) int64 {
	before := lookups.Load()
	f()
	return lookups.Load() - before
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

func assertTop[T any](t *testing.T, s *Stack[T], want T) {
	t.Helper()
	assert.Equal(t, want, mustTop(t, s))
}

func assertPop[T any](t *testing.T, s *Stack[T], want T) {
	t.Helper()
	got, ok := s.Pop()
	require.True(t, ok, "the stack is empty")
	assert.Equal(t, want, got)
}
