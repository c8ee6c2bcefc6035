package main

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// serveAtMost runs ServeAtMost until the test ends, and checks that it
// returns when told to stop.
func serveAtMost(t *testing.T, n int) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeAtMost(ctx, ln, n) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(arrives):
			t.Error("ServeAtMost did not return after cancel")
		}
	})
	return ln.Addr().String()
}

func TestServesAtMostNClientsAtOnce(t *testing.T) {
	addr := serveAtMost(t, 2)
	a, b := dial(t, addr), dial(t, addr)
	for _, conn := range []net.Conn{a, b} {
		send(t, conn, "hi\n")
		require.Equal(t, "hi\n", receive(t, conn, len("hi\n")))
	}

	c := dial(t, addr) // connected, but no slot is free
	send(t, c, "from c\n")
	nothingArrives(t, c)

	a.Close() // a leaves: its slot goes to c
	assert.Equal(t, "from c\n", receive(t, c, len("from c\n")))
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
