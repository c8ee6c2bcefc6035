package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// A Local holds named values per goroutine, as werkzeug's Local does per
// thread: each goroutine sees only what it stored, and keeps it, whatever
// it serves next, until it releases it. The zero Local is ready to use.
type Local struct {
	mu      sync.Mutex
	storage map[uint64]map[string]any // goroutine id -> name -> value
}

// Set stores value under name for the calling goroutine: local.name = value.
func (l *Local) Set(name string, value any) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.storage == nil {
		l.storage = make(map[uint64]map[string]any)
	}
	if l.storage[id] == nil {
		l.storage[id] = make(map[string]any)
	}
	l.storage[id][name] = value
}

// Get returns the calling goroutine's value of name, and whether it set one.
func (l *Local) Get(name string) (any, bool) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	value, ok := l.storage[id][name] // a nil map reads as empty
	return value, ok
}

// Release removes the calling goroutine's values, as release_local.
func (l *Local) Release() {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.storage, id)
}

// goroutineID returns the id of the calling goroutine, which Go hides on
// purpose. The runtime prints it only at the top of a stack trace,
// "goroutine 42 [running]:", so goroutineID writes its own trace and
// reads the number: a slow lookup, see BenchmarkLookup.
func goroutineID() uint64 {
	lookups.Add(1)
	var buf [64]byte // room for the header; the rest of the trace is cut
	n := runtime.Stack(buf[:], false)
	_, rest, _ := bytes.Cut(buf[:n], []byte("goroutine "))
	digits, _, _ := bytes.Cut(rest, []byte(" "))
	id, err := strconv.ParseUint(string(digits), 10, 64)
	if err != nil {
		panic(fmt.Sprintf("goroutineID: unexpected stack header %q", buf[:n]))
	}
	return id
}

var lookups atomic.Int64 // calls of goroutineID, which tests count
