package main

import (
	"context"
	"io"
	"log"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestTheIdleTimeout(t *testing.T) {
	t.Parallel()
	cfg := config()
	cfg.Idle = time.Second
	addr, _ := startServer(t, cfg)

	t.Run("hangs up on a silent client", func(t *testing.T) {
		t.Parallel()
		conn := dial(t, addr)
		send(t, conn, "GET/task_01/status\n")
		assert.Equal(t, "see someone", receive(t, conn))
		hungUp(t, conn) // within arrives, that is: long before the default
	})

	t.Run("restarts with every line", func(t *testing.T) {
		t.Parallel()
		conn := dial(t, addr)
		// The client talks for twice the timeout, and outlives it.
		for end := time.Now().Add(2 * cfg.Idle); time.Now().Before(end); {
			send(t, conn, "GET/task_01/status\n")
			require.Equal(t, "see someone", receive(t, conn))
		}
		last := time.Now()
		hungUp(t, conn) // once it falls silent
		assert.Greater(t, time.Since(last), cfg.Idle/2, "hung up too early")
	})
}

// Not parallel: it reads the log, and checks that no goroutine is left.
func TestStopsWithBusyWorkersAndWaitingClients(t *testing.T) {
	closed := &logCount{suffix: " closed\n"}
	log.SetOutput(closed) // each handler logs "<addr> closed" as it returns
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	cfg := config()
	cfg.Workers = 2
	addr, stop := startServer(t, cfg)
	var busy, waiting []net.Conn
	for range 2 {
		conn := dial(t, addr)
		send(t, conn, "GET/task_01/status\n")
		receive(t, conn) // its worker is busy with it
		busy = append(busy, conn)
	}
	for range 3 {
		conn := dial(t, addr)
		send(t, conn, "GET/task_01/status\n")
		waiting = append(waiting, conn)
	}
	nothingArrives(t, waiting[0])

	stop() // fails the test unless Serve returns promptly

	assert.Equal(t, int64(2), closed.Load(), "Serve returned before every handler had")
	goleak.VerifyNone(t) // and not one goroutine is left
	for _, conn := range busy {
		conn.SetReadDeadline(time.Now().Add(arrives))
		_, err := conn.Read(make([]byte, 16))
		assert.ErrorIs(t, err, io.EOF, "the server should have hung up")
	}
	// Closing the listener resets the connections still in its backlog.
	for _, conn := range waiting {
		hungUp(t, conn)
	}
}

// A logCount counts the lines of the log that end with suffix, such as
// the "<addr> closed" of a handler that returns: handlers that Serve has
// left running may write while the test reads the count.
type logCount struct {
	suffix string
	atomic.Int64
}

func (c *logCount) Write(p []byte) (int, error) {
	c.Add(int64(strings.Count(string(p), c.suffix)))
	return len(p), nil
}

func TestClosesEveryConnectionWhenAcceptFails(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), ln, config()) }()
	conn := dial(t, ln.Addr().String())
	send(t, conn, "GET/task_01/status\n")
	receive(t, conn) // its handler is running

	ln.Close() // Accept fails, and nobody told Serve to stop

	select {
	case err := <-done:
		assert.ErrorIs(t, err, net.ErrClosed)
	case <-time.After(arrives):
		t.Fatal("Serve did not return")
	}
	conn.SetReadDeadline(time.Now().Add(arrives))
	_, err = conn.Read(make([]byte, 16))
	assert.ErrorIs(t, err, io.EOF, "the server should have hung up")
}
