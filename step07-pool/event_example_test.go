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
// is is_set(). There is no clear(): make a new channel instead.
//
// The original's experiment: ten goroutines print "start" and wait; once
// the event is set, each prints "execute". The original sets it when
// someone types "true"; here main sets it once all ten have printed
// "start", so every "start" comes before every "execute".
func Example_event() {
	event := make(chan struct{}) // threading.Event()
	var started, done sync.WaitGroup
	for range 10 {
		started.Add(1)
		done.Go(func() {
			fmt.Println("start")
			started.Done()
			<-event // event.wait()
			fmt.Println("execute")
		})
	}
	started.Wait()
	close(event) // event.set()
	done.Wait()

	// Output:
	// start
	// start
	// start
	// start
	// start
	// start
	// start
	// start
	// start
	// start
	// execute
	// execute
	// execute
	// execute
	// execute
	// execute
	// execute
	// execute
	// execute
	// execute
}

// The rest of Event, which the original does not use: wait(timeout),
// is_set(), and a set() that runs twice. Closing a channel twice panics,
// so a set() that may run twice goes through sync.OnceFunc.
func Example_eventIsSet() {
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
