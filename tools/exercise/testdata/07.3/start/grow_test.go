package main

import (
	"context"
	"net"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestThePoolGrowsWhileItServes starts with one worker, then grows the
// pool by 1, then by 2: each time, exactly that many more clients are
// served, the next one waits, accepted by nobody, and the new workers
// serve the TODO list of the old ones.
func TestThePoolGrowsWhileItServes(t *testing.T) {
	ln := listen(t) // pool_test.go: it counts the connections it accepts
	cfg := config()
	cfg.Workers = 1
	grow := make(chan int)
	serveGrowing(t, ln, cfg, grow)
	addr := ln.Addr().String()

	first := dial(t, addr)
	send(t, first, "POST/task_04=grown/status\n")
	require.Equal(t, "submit success", receive(t, first))
	next := dial(t, addr)
	send(t, next, "GET/task_04/status\n")

	workers := 1
	for _, n := range []int{1, 2} {
		waits(t, ln, next, workers)
		select {
		case grow <- n:
		case <-time.After(arrives):
			t.Fatalf("%d workers: ServeGrowing did not receive %d on grow", workers, n)
		}
		workers += n
		for i := range n { // the waiting client, and n-1 more
			if i > 0 {
				next = dial(t, addr)
				send(t, next, "GET/task_04/status\n")
			}
			if got := readLine(next, arrives); got != "grown\r\n" {
				t.Fatalf("grown by %d to %d workers: client %d asked for task_04, "+
					"posted before, and got %q", n, workers, workers-n+i+1, got)
			}
		}
		next = dial(t, addr)
		send(t, next, "GET/task_04/status\n")
	}
	waits(t, ln, next, workers)
}

// Closing grow ends the growth, not the serving: the server goes on
// serving, costs no CPU while nobody talks to it, and stops when told.
func TestAClosedGrowChannel(t *testing.T) {
	ln := listen(t)
	cfg := config()
	cfg.Workers = 1
	grow := make(chan int)
	stop := serveGrowing(t, ln, cfg, grow)
	close(grow)

	const quiet = 500 * time.Millisecond
	before := cpuTime(t)
	time.Sleep(quiet) // nobody talks to the server
	if spent := cpuTime(t) - before; spent > quiet/20 {
		t.Fatalf("grow closed, and the server used %v of CPU in %v of quiet: "+
			"does it spin, receiving from a closed channel?", spent, quiet)
	}

	conn := dial(t, ln.Addr().String())
	send(t, conn, "GET/task_01/status\n")
	if got := readLine(conn, arrives); got != "see someone\r\n" {
		t.Fatalf("grow closed, and a client got %q, not its reply: "+
			"the server should go on serving", got)
	}
	stop()
}

// waits checks that next, which has sent a request, gets no reply while
// every one of the workers is busy, and has not even been accepted.
func waits(t *testing.T, ln *testListener, next net.Conn, workers int) {
	t.Helper()
	if got := readLine(next, nothingFor); got != "" {
		t.Fatalf("%d workers, all busy: the next client got %q: it should wait",
			workers, got)
	}
	if got := ln.accepted.Load(); got != int64(workers) {
		t.Fatalf("%d workers, all busy: the server accepted %d clients: "+
			"the next one should wait, accepted by nobody", workers, got)
	}
}

// serveGrowing runs ServeGrowing on ln until stop is called or the test
// ends. stop cancels it, and checks that it returns nil, and promptly.
func serveGrowing(t *testing.T, ln net.Listener, cfg Config, grow <-chan int) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeGrowing(ctx, ln, cfg, grow) }()
	stop = sync.OnceFunc(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(arrives):
			t.Error("ServeGrowing did not return after cancel")
		}
	})
	t.Cleanup(stop)
	return stop
}

// cpuTime is the CPU time that this process has used so far.
func cpuTime(t *testing.T) time.Duration {
	var ru syscall.Rusage
	require.NoError(t, syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
