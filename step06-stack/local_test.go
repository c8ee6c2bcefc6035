package main

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// stored returns the number of goroutines that have values in l.
func stored(l *Local) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.storage)
}

func TestGoroutineIDs(t *testing.T) {
	t.Parallel()
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

func TestEachGoroutineSeesOnlyItsOwnValues(t *testing.T) {
	t.Parallel()
	const goroutines, rounds = 50, 100
	var l Local
	start := make(chan struct{})
	var wg sync.WaitGroup
	var failed sync.Once // the first goroutine to fail tells, and is enough
	for g := range goroutines {
		wg.Go(func() {
			defer l.Release()
			<-start // all at once, so that they interleave
			for i := range rounds {
				l.Set("goroutine", g)
				l.Set("round", i)
				mine, ok1 := l.Get("goroutine")
				round, ok2 := l.Get("round")
				if mine != g || round != i || !ok1 || !ok2 {
					failed.Do(func() {
						t.Errorf("goroutine %d, after Set(\"goroutine\", %d) and "+
							"Set(\"round\", %d): Get(\"goroutine\") = %v, %v; "+
							"Get(\"round\") = %v, %v", g, g, i, mine, ok1, round, ok2)
					})
					return
				}
			}
		})
	}
	close(start)
	wg.Wait()
	assert.Zero(t, stored(&l))
}

func TestGet(t *testing.T) {
	t.Parallel()
	var l Local
	for _, tt := range []struct {
		name string
		set  func()
		want any
		ok   bool
	}{
		{"a name never set is absent", func() {}, nil, false},
		{"a value set is there", func() { l.Set("request", "GET /") },
			"GET /", true},
		{"a nil value set is there too", func() { l.Set("request", nil) },
			nil, true},
		{"another name set does not count",
			func() { l.Set("user", "ann") }, nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			defer l.Release()
			tt.set()
			got, ok := l.Get("request")
			if got != tt.want || ok != tt.ok {
				t.Errorf("%s: Get(\"request\") = %v, %v; want %v, %v",
					tt.name, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestEachMethodLooksUpTheGoroutineOnce counts the stack traces that each
// call writes: one is what it costs to know who calls, and more is waste.
// The calls share the test's goroutine, and so its values.
func TestEachMethodLooksUpTheGoroutineOnce(t *testing.T) {
	var l Local
	for _, tt := range []struct {
		method string
		call   func()
	}{
		{"Set of the first value", func() { l.Set("request", "GET /") }},
		{"Set of another name", func() { l.Set("user", "ann") }},
		{"Get", func() { l.Get("request") }},
		{"Get of a name never set", func() { l.Get("session") }},
		{"Release", func() { l.Release() }},
	} {
		if n := countLookups(tt.call); n != 1 {
			t.Errorf("%s looked up its goroutine %d times, not once: "+
				"each lookup writes a stack trace", tt.method, n)
		}
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

func TestReleaseDropsOnlyTheCallersValues(t *testing.T) {
	t.Parallel()
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
	assert.Equal(t, 2, stored(&l))

	l.Release()
	_, ok := l.Get("request")
	assert.False(t, ok)
	_, ok = l.Get("user")
	assert.False(t, ok)
	assert.Equal(t, 1, stored(&l))

	close(released)
	<-done
	assert.Zero(t, stored(&l))
}

// TestValuesNotReleasedStayForever is the leak that Release prevents:
// goroutines that end without it leave their values behind, and since Go
// never reuses a goroutine id, no later goroutine will ever see them,
// nor free them.
func TestValuesNotReleasedStayForever(t *testing.T) {
	t.Parallel()
	var l Local
	for want := 1; want <= 3; want++ {
		var wg sync.WaitGroup
		wg.Go(func() { l.Set("request", want) }) // and no Release
		wg.Wait()
		assert.Equal(t, want, stored(&l), "one more each time")
	}

	var wg sync.WaitGroup
	for range 100 {
		wg.Go(func() {
			_, ok := l.Get("request")
			assert.False(t, ok, "a new goroutine never finds them")
		})
	}
	wg.Wait()
	assert.Equal(t, 3, stored(&l), "and there they stay")
}
