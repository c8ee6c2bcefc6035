package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAClientWaitsForAFreeWorker(t *testing.T) {
	t.Parallel()
	for _, workers := range []int{1, 2, 3} {
		ok := t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			ln := listen(t)
			cfg := config()
			cfg.Workers = workers
			serve(t, ln, cfg)
			var served []net.Conn
			for i := range workers {
				conn := dial(t, ln.Addr().String())
				send(t, conn, "GET/task_01/status\n")
				if got := readLine(conn, arrives); got != "see someone\r\n" {
					t.Fatalf("workers=%d: client %d got %q, not its reply",
						workers, i+1, got)
				}
				served = append(served, conn)
			}

			next := dial(t, ln.Addr().String()) // the kernel accepted it for us
			send(t, next, "GET/task_02/status\n")
			if got := readLine(next, nothingFor); got != "" {
				t.Fatalf("workers=%d: client %d got %q while every worker was busy: "+
					"it should wait", workers, workers+1, got)
			}
			if got := ln.accepted.Load(); got != int64(workers) {
				t.Fatalf("workers=%d: with every worker busy, the server accepted %d "+
					"clients: client %d should wait, accepted by nobody",
					workers, got, workers+1)
			}

			served[0].Close() // client 1 leaves: its worker takes the next
			if got := readLine(next, arrives); got != "read book\r\n" {
				t.Fatalf("workers=%d: client 1 left, and client %d got %q, "+
					"not its reply", workers, workers+1, got)
			}
			for _, conn := range served[1:] { // still served meanwhile
				send(t, conn, "GET/task_03/status\n")
				assert.Equal(t, "play basketball", receive(t, conn))
			}
		})
		if !ok {
			break // one size is enough to show what is wrong
		}
	}
}

// Serve must not return while a worker still serves. Here Accept fails,
// as if someone else had closed the listener, while every worker but one
// is busy: the idle one returns the error, and Serve must stop the others
// and wait for them. Their connections' Close is held until the test lets
// it go: a Serve that does not wait for every worker returns meanwhile.
func TestWaitsForEveryWorker(t *testing.T) {
	t.Parallel()
	const must = "(Serve must stop every worker when one fails, and wait for them all)"
	for _, workers := range []int{1, 2, 3} {
		ok := t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			ln := listen(t)
			ln.hold = make(chan struct{})
			release := sync.OnceFunc(func() { close(ln.hold) })
			t.Cleanup(release)
			cfg := config()
			cfg.Workers = workers
			done := make(chan error, 1)
			go func() { done <- Serve(context.Background(), ln, cfg) }()
			var busy []net.Conn
			for range workers - 1 {
				conn := dial(t, ln.Addr().String())
				send(t, conn, "GET/task_01/status\n")
				receive(t, conn) // its worker is busy with it
				busy = append(busy, conn)
			}

			ln.Close() // the idle worker's Accept fails
			for _, conn := range busy {
				conn.SetReadDeadline(time.Now().Add(arrives))
				if _, err := conn.Read(make([]byte, 16)); isTimeout(err) {
					t.Fatalf("workers=%d: Accept failed, and Serve neither returned "+
						"nor closed the connections of its busy workers %s", workers, must)
				}
			}
			if workers > 1 {
				select {
				case err := <-done:
					t.Fatalf("workers=%d: Accept failed, and Serve returned (%v) while "+
						"its busy workers were still closing their connections %s",
						workers, err, must)
				case <-time.After(nothingFor): // it waits, as it should
				}
			}
			release()
			select {
			case err := <-done:
				if !errors.Is(err, net.ErrClosed) {
					t.Fatalf("workers=%d: Accept failed, and Serve returned %v, "+
						"not the error of Accept", workers, err)
				}
			case <-time.After(arrives):
				t.Fatalf("workers=%d: Serve did not return once its workers had", workers)
			}
		})
		if !ok {
			break
		}
	}
}

// Not parallel: it counts goroutines.
func TestAWaitingClientCostsNothing(t *testing.T) {
	connected := &logCount{suffix: " connected\n"}
	log.SetOutput(connected) // each handler logs "<addr> connected"
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
	assert.Equal(t, int64(2), connected.Load())
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
	var logged syncBuffer
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
	first.SetReadDeadline(time.Now().Add(arrives))
	if n, err := first.Read(make([]byte, 64)); n > 0 || isTimeout(err) {
		t.Errorf("the client whose handler panicked got %d bytes, %v: "+
			"its connection should be closed", n, err)
	}

	second := dial(t, ln.Addr().String())
	send(t, second, "GET/task_01/status\n")
	if got := readLine(second, arrives); got != "see someone\r\n" {
		t.Fatalf("after a panic in one connection, the next client got %q, "+
			"not its reply: the worker should serve it", got)
	}

	cancel() // closes second, and work returns
	ln.Close()
	assert.NoError(t, waitFor(t, done))
	if !strings.Contains(logged.String(), "handler bug") {
		t.Errorf("the log does not say what the panic was, \"handler bug\": %q",
			logged.String())
	}
}

// A syncBuffer is a log that the test may read while handlers write it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
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

// readLine returns the line that conn receives within wait, line ending
// included; or what came before the wait ran out, maybe nothing.
func readLine(conn net.Conn, wait time.Duration) string {
	conn.SetReadDeadline(time.Now().Add(wait))
	var line []byte
	b := make([]byte, 1)
	for !bytes.HasSuffix(line, []byte("\n")) {
		if _, err := conn.Read(b); err != nil {
			break
		}
		line = append(line, b[0])
	}
	return string(line)
}

// A testListener is a loopback listener that counts the connections it
// accepts; and, if hold is not nil, makes each Close of those
// connections wait until hold is closed.
type testListener struct {
	net.Listener
	accepted atomic.Int64
	hold     chan struct{}
}

func listen(t *testing.T) *testListener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return &testListener{Listener: ln}
}

func (l *testListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	l.accepted.Add(1)
	if l.hold == nil {
		return conn, nil
	}
	return heldConn{conn, l.hold}, nil
}

// A heldConn's Close closes the connection at once, which wakes a Read
// and tells the client, but returns only once hold is closed.
type heldConn struct {
	net.Conn
	hold chan struct{}
}

func (c heldConn) Close() error {
	err := c.Conn.Close()
	<-c.hold
	return err
}
