package main

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGoroutineIDs(t *testing.T) {
	t.Run("a goroutine keeps its id", func(t *testing.T) {
		assert.Equal(t, goroutineID(), goroutineID())
	})
	t.Run("each goroutine has its own", func(t *testing.T) {
		const n = 100
		ids := make(chan uint64, n)
		var wg sync.WaitGroup
		for range n {
			wg.Go(func() { ids <- goroutineID() })
		}
		wg.Wait()
		close(ids)
		seen := map[uint64]bool{goroutineID(): true}
		for id := range ids {
			assert.False(t, seen[id], "id %d seen twice", id)
			seen[id] = true
		}
	})
}

func TestEachMethodLooksUpTheGoroutineAtMostOnce(t *testing.T) {
	var l Local
	defer l.Release()
	for _, tt := range []struct {
		method string
		call   func()
		want   int64
	}{
		{"Set", func() { l.Set("request", "GET /") }, 1},
		{"Get", func() { l.Get("request") }, 1},
		{"Delete", func() { l.Delete("request") }, 1},
		{"Release", func() { l.Release() }, 1},
		{"Len", func() { l.Len() }, 0},
	} {
		t.Run(tt.method, func(t *testing.T) {
			assert.Equal(t, tt.want, countLookups(tt.call))
		})
	}
}

// countLookups returns how many times f looked up its goroutine's id.
// Nothing else may look ids up meanwhile: the tests of this package do
// not run in parallel.
func countLookups(f func()) int64 {
	before := lookups.Load()
	f()
	return lookups.Load() - before
}

func TestEachGoroutineSeesOnlyItsOwnValues(t *testing.T) {
	const goroutines, rounds = 50, 100
	var l Local
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			defer l.Release()
			<-start // all at once, so that they interleave
			for i := range rounds {
				l.Set("goroutine", g)
				l.Set("round", i)
				got, _ := l.Get("goroutine")
				assert.Equal(t, g, got)
				got, _ = l.Get("round")
				assert.Equal(t, i, got)
			}
		})
	}
	close(start)
	wg.Wait()
	assert.Zero(t, l.Len())
}

func TestGet(t *testing.T) {
	var l Local
	t.Run("a name never set is absent", func(t *testing.T) {
		value, ok := l.Get("request")
		assert.Nil(t, value)
		assert.False(t, ok)
	})
	t.Run("a value set is there", func(t *testing.T) {
		defer l.Release()
		l.Set("request", "GET /")
		value, ok := l.Get("request")
		assert.Equal(t, "GET /", value)
		assert.True(t, ok)
	})
	t.Run("a nil value set is there too", func(t *testing.T) {
		defer l.Release()
		l.Set("request", nil)
		value, ok := l.Get("request")
		assert.Nil(t, value)
		assert.True(t, ok)
	})
}

func TestDelete(t *testing.T) {
	var l Local
	l.Set("request", "GET /")
	l.Set("user", "ann")

	l.Delete("request")
	_, ok := l.Get("request")
	assert.False(t, ok)
	user, _ := l.Get("user")
	assert.Equal(t, "ann", user, "other names stay")
	assert.Equal(t, 1, l.Len())

	l.Delete("user")
	assert.Zero(t, l.Len(), "a goroutine with no values left is gone")
	l.Delete("user") // again: nothing happens
}

func TestReleaseDropsOnlyTheCallersValues(t *testing.T) {
	var l Local
	other := make(chan struct{})
	released := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer l.Release()
		l.Set("request", "theirs")
		close(other)
		<-released
		value, ok := l.Get("request")
		assert.True(t, ok, "the other goroutine keeps its value")
		assert.Equal(t, "theirs", value)
	}()
	<-other
	l.Set("request", "mine")
	l.Set("user", "ann")
	assert.Equal(t, 2, l.Len())

	l.Release()
	_, ok := l.Get("request")
	assert.False(t, ok)
	_, ok = l.Get("user")
	assert.False(t, ok)
	assert.Equal(t, 1, l.Len())

	close(released)
	<-done
	assert.Zero(t, l.Len())
}

// TestValuesNotReleasedStayForever is the leak that Release prevents:
// goroutines that end without it leave their values behind, and since Go
// never reuses a goroutine id, no later goroutine will ever see them,
// nor free them.
func TestValuesNotReleasedStayForever(t *testing.T) {
	var l Local
	for want := 1; want <= 3; want++ {
		var wg sync.WaitGroup
		wg.Go(func() { l.Set("request", want) }) // and no Release
		wg.Wait()
		assert.Equal(t, want, l.Len(), "one more each time")
	}

	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			_, ok := l.Get("request")
			assert.False(t, ok, "a new goroutine never finds them")
		})
	}
	wg.Wait()
	assert.Equal(t, 3, l.Len(), "and there they stay")
}
