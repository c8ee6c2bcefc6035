package main

import (
	"fmt"
	"sync"
	"time"
)

// Python's threading.Event is a flag that threads wait on. In Go, the
// flag is a channel that is never sent on, only closed: a receive from a
// closed channel returns at once, for every receiver, now and later. So
// close is set(), a receive is wait(), and a receive that must not block
// is is_set(). Closing twice panics, so a set() that may run twice goes
// through sync.OnceFunc. There is no clear(): make a new channel instead.
func Example_event() {
	ready := make(chan struct{}) // threading.Event()
	set := sync.OnceFunc(func() { close(ready) })
	isSet := func() bool {
		select {
		case <-ready:
			return true
		default:
			return false
		}
	}

	// event.wait(timeout=0.01) on an event nobody sets.
	select {
	case <-ready:
		fmt.Println("set")
	case <-time.After(10 * time.Millisecond):
		fmt.Println("wait timed out, is_set:", isSet())
	}

	// Three workers wait; one set() wakes them all.
	var woken sync.WaitGroup
	for range 3 {
		woken.Go(func() { <-ready }) // event.wait()
	}
	set()
	set() // harmless: a second close would panic, OnceFunc skips it
	woken.Wait()
	fmt.Println("all 3 workers woke, is_set:", isSet())

	// Output:
	// wait timed out, is_set: false
	// all 3 workers woke, is_set: true
}
