package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServesAtMostNClientsAtOnce(t *testing.T) {
	for _, n := range []int{1, 2, 3} {
		ok := t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			ln := serveAtMost(t, n)
			var served []net.Conn
			for i := range n {
				conn := dial(t, ln.Addr().String())
				msg := fmt.Sprintf("client %d\n", i+1)
				send(t, conn, msg)
				if got := reply(conn, len(msg), arrives); got != msg {
					t.Fatalf("n=%d: client %d got %q, not its echo", n, i+1, got)
				}
				served = append(served, conn)
			}

			next := dial(t, ln.Addr().String()) // connected, but no slot is free
			send(t, next, "next\n")
			if got := reply(next, len("next\n"), nothingFor); got != "" {
				t.Fatalf("n=%d: client %d got %q before any other client left: "+
					"it should wait", n, n+1, got)
			}
			if got := ln.accepted.Load(); got != int64(n) {
				t.Fatalf("n=%d: before any client left, the server accepted %d: "+
					"client %d should wait, accepted by nobody", n, got, n+1)
			}

			served[0].Close() // client 1 leaves: its slot goes to the next
			if got := reply(next, len("next\n"), arrives); got != "next\n" {
				t.Fatalf("n=%d: client 1 left, and client %d got %q, not its echo",
					n, n+1, got)
			}
		})
		if !ok {
			break // one n is enough to show what is wrong
		}
	}
}

func TestStopsWithClientsWaiting(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeAtMost(ctx, ln, 1) }()
	a := dial(t, ln.Addr().String())
	send(t, a, "hi\n")
	receive(t, a, len("hi\n"))
	dial(t, ln.Addr().String()) // waits for the only slot

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(arrives):
		t.Fatal("ServeAtMost did not return after cancel")
	}
}

// serveAtMost runs ServeAtMost until the test ends, on a listener that
// counts the connections it accepts, and checks that it returns when told
// to stop.
func serveAtMost(t *testing.T, n int) *countingListener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	counted := &countingListener{Listener: ln}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeAtMost(ctx, counted, n) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(arrives):
			t.Error("ServeAtMost did not return after cancel")
		}
	})
	return counted
}

// A countingListener counts the connections that it has accepted.
type countingListener struct {
	net.Listener
	accepted atomic.Int64
}

func (l *countingListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err == nil {
		l.accepted.Add(1)
	}
	return conn, err
}

// reply returns what comes back on conn within wait: n bytes, or fewer.
func reply(conn net.Conn, n int, wait time.Duration) string {
	conn.SetReadDeadline(time.Now().Add(wait))
	buf := make([]byte, n)
	got, _ := io.ReadFull(conn, buf)
	return string(buf[:got])
}
