package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Processes share nothing unless they ask: a forked child writes to its
// own copy of every variable (Example_forkingTCPServer shows it with the
// TODO list). Python's multiprocessing.Array and Value are the asking:
// C numbers in memory mapped into every process, each with a lock.
//
// Goroutines share everything from the start: temp below is an ordinary
// array, and every goroutine writes and reads the same one. What they
// must add is what the original adds with its RLock: a sync.Mutex around
// each write and the reads that must see it, or the race detector
// (go test -race) reports it. For a single number, sync/atomic does the
// same without a lock: writes is Value's Go twin.
func Example_sharedArray() {
	var mu sync.Mutex
	temp := [4]int{11, 22, 33, 44}
	var writes atomic.Int32

	var wg sync.WaitGroup
	for i := range 3 {
		wg.Go(func() {
			mu.Lock()
			temp[0] = 100 + i
			for _, item := range temp {
				fmt.Println(i, "----->", item)
			}
			mu.Unlock()
			writes.Add(1)
		})
	}
	wg.Wait()
	fmt.Println("writes:", writes.Load())

	// Unordered output:
	// 0 -----> 100
	// 0 -----> 22
	// 0 -----> 33
	// 0 -----> 44
	// 1 -----> 101
	// 1 -----> 22
	// 1 -----> 33
	// 1 -----> 44
	// 2 -----> 102
	// 2 -----> 22
	// 2 -----> 33
	// 2 -----> 44
	// writes: 3
}
