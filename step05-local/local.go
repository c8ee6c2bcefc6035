package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"sync"
)

// A Local holds named values per goroutine, as werkzeug's Local holds
// attributes per thread or greenlet: Get, Set and Delete see only the
// values that the calling goroutine stored. The zero Local is empty and
// ready to use. A Local is safe for concurrent use.
//
// Werkzeug's Local, up to werkzeug 1.0.1, keys its storage by thread or
// greenlet id, and Local keys it by goroutine id. What a goroutine does
// not release stays with its id. While the goroutine runs, it finds the
// values again, whatever it does next: net/http serves every request of
// a keep-alive connection on one goroutine, so the next request finds
// what this one left. Once the goroutine ends, Go never reuses its id,
// so its values stay here, unreachable, for as long as the program runs:
// Len shows them pile up. Every goroutine that stores something must
// Release it, deferred, as soon as it is done with it.
type Local struct {
	mu      sync.Mutex
	storage map[uint64]map[string]any // goroutine id -> name -> value
}

// Set stores value under name for the calling goroutine, as werkzeug's
// local.name = value.
func (l *Local) Set(name string, value any) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.storage == nil {
		l.storage = make(map[uint64]map[string]any)
	}
	values := l.storage[id]
	if values == nil {
		values = make(map[string]any)
		l.storage[id] = values
	}
	values[name] = value
}

// Get returns the value that the calling goroutine stored under name, and
// whether it stored one, where werkzeug's local.name raises
// AttributeError. It never returns another goroutine's value: a
// goroutine that stored nothing, such as one that a request handler
// started, gets nil and false.
func (l *Local) Get(name string) (any, bool) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	value, ok := l.storage[id][name] // a nil map reads as empty
	return value, ok
}

// Delete removes the value that the calling goroutine stored under name,
// as werkzeug's del local.name. Deleting a name that is not set does
// nothing, where werkzeug raises AttributeError.
func (l *Local) Delete(name string) {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.storage[id], name)
	if len(l.storage[id]) == 0 {
		delete(l.storage, id) // so that Len counts it no longer
	}
}

// Release removes every value that the calling goroutine stored, and no
// other goroutine's, as werkzeug's release_local(local).
func (l *Local) Release() {
	id := goroutineID()
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.storage, id)
}

// Len returns the number of goroutines that have values stored. Once
// every goroutine has released what it stored, Len is 0; a Len that only
// grows is a leak.
func (l *Local) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.storage)
}

// goroutineID returns the id of the calling goroutine.
//
// Go hides this id on purpose. The Go FAQ ("Why is there no goroutine
// ID?", https://go.dev/doc/faq#no_goroutine_id) explains that goroutines
// are anonymous workers: once a goroutine has a name, programs tie state
// to it, and code can no longer hand part of its work to other
// goroutines. If net/http kept each request's state in the goroutine
// that serves it, a handler could not use more goroutines to serve the
// request. That is exactly what Local does, so that this step can show
// the cost.
//
// The runtime prints the id only in the header of a stack trace,
// "goroutine 42 [running]:", so goroutineID asks for its own trace and
// reads the number. The header is meant for people, not programs, and
// writing a trace is slow: see BenchmarkLookup.
func goroutineID() uint64 {
	var buf [64]byte // room for the header; the rest of the trace is cut
	n := runtime.Stack(buf[:], false)
	rest, ok := bytes.CutPrefix(buf[:n], []byte("goroutine "))
	end := bytes.IndexByte(rest, ' ')
	if !ok || end < 0 {
		panic(fmt.Sprintf("goroutineID: unexpected stack header %q", buf[:n]))
	}
	id, err := strconv.ParseUint(string(rest[:end]), 10, 64)
	if err != nil {
		panic(fmt.Sprintf("goroutineID: unexpected stack header %q", buf[:n]))
	}
	return id
}
