package main

import (
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Python's Manager().dict() keeps a dict in a server process of its own;
// every other process holds a proxy, and each access is a message to that
// server, which applies them one at a time. Go's goroutines share memory,
// so there are two ways to do the same in one process:
//
//   - a map under a mutex, as store (todo.go) does: the simplest, and
//     what most Go code does;
//   - one goroutine that owns the map, and requests sent to it on a
//     channel: the Manager's shape, worth it when the owner has more to do
//     than guard a map (batching, ordering, timers).
//
// ownedDict is the second way. Only its owner goroutine touches the map,
// so there is no lock; every access is a message, as with the proxy.
type ownedDict struct {
	requests chan func(map[string]string)
	done     chan struct{}
}

// newOwnedDict starts the owner goroutine; Close stops it.
func newOwnedDict() *ownedDict {
	d := &ownedDict{
		requests: make(chan func(map[string]string)),
		done:     make(chan struct{}),
	}
	go func() {
		defer close(d.done)
		m := map[string]string{}
		for req := range d.requests {
			req(m) // one at a time: the owner is the lock
		}
	}()
	return d
}

// do runs f in the owner goroutine and waits for it.
func (d *ownedDict) do(f func(map[string]string)) {
	finished := make(chan struct{})
	d.requests <- func(m map[string]string) { f(m); close(finished) }
	<-finished
}

func (d *ownedDict) Set(key, value string) {
	d.do(func(m map[string]string) { m[key] = value })
}

func (d *ownedDict) Get(key string) (value string, ok bool) {
	d.do(func(m map[string]string) { value, ok = m[key] })
	return value, ok
}

func (d *ownedDict) Len() (n int) {
	d.do(func(m map[string]string) { n = len(m) })
	return n
}

// Close stops the owner goroutine. The dict must not be used after.
func (d *ownedDict) Close() {
	close(d.requests)
	<-d.done
}

// d = Manager().dict(); d['task_01'] = 'see someone'; d.get('task_01')
func Example_managerDict() {
	d := newOwnedDict()
	defer d.Close()

	d.Set("task_01", "see someone")
	fmt.Println(d.Get("task_01"))
	value, ok := d.Get("task_02")
	fmt.Printf("%q %v\n", value, ok)

	// Output:
	// see someone true
	// "" false
}

func TestOwnedDictTakesConcurrentWritesWithoutARace(t *testing.T) {
	d := newOwnedDict()
	defer d.Close()

	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() { d.Set("task_"+strconv.Itoa(i), "value") })
	}
	wg.Wait()

	assert.Equal(t, 50, d.Len())
	value, ok := d.Get("task_49")
	assert.True(t, ok)
	assert.Equal(t, "value", value)
}
