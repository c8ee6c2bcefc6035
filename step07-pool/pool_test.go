package main

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAClientWaitsForAFreeWorker(t *testing.T) {
	t.Parallel()
	cfg := config()
	cfg.Workers = 2
	addr, _ := startServer(t, cfg)
	first, second := dial(t, addr), dial(t, addr)
	for _, conn := range []net.Conn{first, second} {
		send(t, conn, "GET/task_01/status\n")
		assert.Equal(t, "see someone", receive(t, conn))
	}

	third := dial(t, addr) // connected: the kernel accepted it for us
	send(t, third, "GET/task_02/status\n")
	nothingArrives(t, third) // but no worker is free to read it

	first.Close()
	assert.Equal(t, "read book", receive(t, third))
	send(t, second, "GET/task_03/status\n") // still served meanwhile
	assert.Equal(t, "play basketball", receive(t, second))
}

// Not parallel: it counts goroutines, and reads the log.
func TestAWaitingClientCostsNothing(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged) // each handler logs "<addr> connected"
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	cfg := config()
	cfg.Workers = 2
	addr, stop := startServer(t, cfg)
	for range 2 {
		conn := dial(t, addr)
		send(t, conn, "GET/task_01/status\n")
		receive(t, conn) // both workers are busy
	}
	before := runtime.NumGoroutine()

	var last net.Conn
	for range 100 {
		last = dial(t, addr)
		send(t, last, "GET/task_01/status\n")
	}
	nothingArrives(t, last) // and meanwhile, a server could accept them

	// No goroutine, and not even a connection: nobody accepted them.
	assert.LessOrEqual(t, runtime.NumGoroutine(), before)
	stop()
	assert.Equal(t, 2, strings.Count(logged.String(), " connected\n"))
}

func TestTheIdleTimeoutFreesAWorker(t *testing.T) {
	t.Parallel()
	cfg := config()
	cfg.Workers, cfg.Idle = 1, 200*time.Millisecond
	addr, _ := startServer(t, cfg)
	silent := dial(t, addr)
	send(t, silent, "GET/task_01/status\n")
	assert.Equal(t, "see someone", receive(t, silent)) // and then nothing

	next := dial(t, addr)
	send(t, next, "GET/task_02/status\n")

	assert.Equal(t, "read book", receive(t, next))
	hungUp(t, silent)
}

// The limitation that -session bounds: the idle timeout frees a worker
// from a silent client, not from one that keeps talking.
func TestAClientThatKeepsTalkingKeepsItsWorker(t *testing.T) {
	t.Parallel()
	cfg := config()
	cfg.Workers, cfg.Idle, cfg.Session = 1, time.Second, 0
	addr, _ := startServer(t, cfg)
	talker := dial(t, addr)
	waiter, answered := waitInLine(t, addr)

	assert.Empty(t, talk(t, talker, 3*cfg.Idle), "the talker was cut")
	select {
	case <-answered:
		t.Fatal("the waiter was served while the talker kept its worker")
	default:
	}

	talker.Close() // only its leaving frees the worker
	assert.Equal(t, "read book\r\n", waitFor(t, answered))
	waiter.Close()
}

func TestASessionLimitFreesAWorker(t *testing.T) {
	t.Parallel()
	cfg := config()
	cfg.Workers, cfg.Session = 1, time.Second
	addr, _ := startServer(t, cfg)
	talker := dial(t, addr)
	_, answered := waitInLine(t, addr)

	assert.Equal(t, "error: session over: at most 1s per connection",
		talk(t, talker, 2*arrives))
	hungUp(t, talker)
	talker.Close()
	assert.Equal(t, "read book\r\n", waitFor(t, answered))
}

// Not parallel: it reads the log.
func TestAPanicClosesOnlyItsConnection(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged)
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	todo := newStore(10000, 64<<20)
	var calls atomic.Int32
	buggy := func(ctx context.Context, conn net.Conn) {
		if calls.Add(1) == 1 {
			panic("handler bug")
		}
		handle(ctx, conn, todo, config())
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- work(ctx, ln, buggy) }() // one worker: it must survive

	first := dial(t, ln.Addr().String())
	send(t, first, "GET/task_01/status\n")
	hungUp(t, first)

	second := dial(t, ln.Addr().String())
	send(t, second, "GET/task_01/status\n")
	assert.Equal(t, "see someone", receive(t, second))

	cancel() // closes second, and work returns
	ln.Close()
	assert.NoError(t, waitFor(t, done))
	assert.Contains(t, logged.String(), " panic: handler bug\n")
}

// waitInLine connects a client to addr that sends a request, and returns
// the connection and a channel that receives what the client reads.
func waitInLine(t *testing.T, addr string) (net.Conn, <-chan string) {
	t.Helper()
	conn := dial(t, addr)
	send(t, conn, "GET/task_02/status\n")
	answered := make(chan string, 1)
	go func() {
		buf := make([]byte, 64)
		conn.SetReadDeadline(time.Now().Add(2 * arrives))
		n, _ := conn.Read(buf)
		answered <- string(buf[:n])
	}()
	return conn, answered
}

// talk keeps conn busy: it sends a request and reads the reply, again and
// again, for d or until a reply is not the task, which it returns.
func talk(t *testing.T, conn net.Conn, d time.Duration) string {
	t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); {
		send(t, conn, "GET/task_01/status\n")
		if reply := receive(t, conn); reply != "see someone" {
			return reply
		}
	}
	return ""
}
