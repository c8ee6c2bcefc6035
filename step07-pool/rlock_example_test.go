package main

import (
	"fmt"
	"sync"
)

// The original's experiment: ten goroutines each add one to a counter
// under a lock, and print the new value while they hold it, so the lines
// come out 1 to 10, in order. A sync.Mutex does: nothing here takes the
// lock twice, which is all that an RLock adds.
func Example_rLock() {
	var (
		mu    sync.Mutex
		glNum int
		wg    sync.WaitGroup
	)
	for range 10 {
		wg.Go(func() {
			mu.Lock()
			defer mu.Unlock()
			glNum++
			fmt.Println(glNum)
		})
	}
	wg.Wait()

	// Output:
	// 1
	// 2
	// 3
	// 4
	// 5
	// 6
	// 7
	// 8
	// 9
	// 10
}

// Python's RLock may be taken again by the thread that holds it, so a
// locked method can call another locked method. Go's sync.Mutex cannot:
// a goroutine that locks a Mutex it holds waits for itself forever. This
// is on purpose. Goroutines have no identity for a lock to recognise, and
// a lock stands for "the data is consistent now"; a method that holds it
// may have broken that for a moment, and a nested call that takes the
// lock "again" would then work on half-updated data without knowing it.
//
// The Go way: exported methods take the lock, once, and do the work in
// unexported helpers whose names end in Locked, which expect the caller to
// hold the lock and never take it. A helper can call other helpers freely.
type taskList struct {
	mu    sync.Mutex
	tasks map[string]string
}

// Get returns the task stored under id.
func (l *taskList) Get(id string) (string, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.getLocked(id)
}

// Rename moves a task to another id, in one step: nobody sees it under
// both ids, or under neither. With an RLock, it would call Get and Set;
// here, Get would wait for the lock that Rename holds, forever.
func (l *taskList) Rename(from, to string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	value, ok := l.getLocked(from)
	if !ok {
		return false
	}
	delete(l.tasks, from)
	l.setLocked(to, value)
	return true
}

// getLocked and setLocked must be called with l.mu held.
func (l *taskList) getLocked(id string) (string, bool) {
	value, ok := l.tasks[id]
	return value, ok
}

func (l *taskList) setLocked(id, value string) { l.tasks[id] = value }

func Example_lockedHelpers() {
	l := &taskList{tasks: map[string]string{"task_01": "see someone"}}

	fmt.Println(l.Rename("task_01", "task_09"))
	fmt.Println(l.Get("task_09"))
	fmt.Println(l.Rename("task_01", "task_10"))

	// Output:
	// true
	// see someone true
	// false
}
