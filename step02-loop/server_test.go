package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Waits for something that must arrive are generous, so that a busy
// machine does not fail a correct server; the wait for something that must
// not arrive is short, because it is spent on every run.
const (
	arrives    = 5 * time.Second
	nothingFor = 200 * time.Millisecond
)

func TestMain(m *testing.M) {
	log.SetOutput(io.Discard) // the server logs every connection
	goleak.VerifyTestMain(m)
}

func TestEchoesEveryMessage(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	for i := range 100 {
		msg := fmt.Sprintf("message %d\n", i)
		send(t, conn, msg)
		require.Equal(t, msg, receive(t, conn, len(msg)))
	}
}

func TestHangsUpWhenTheClientLeaves(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	send(t, conn, "bye\n")

	// Closing our sending half is how a client says it is leaving (nc
	// does it at the end of its input): the server reads io.EOF.
	require.NoError(t, conn.(*net.TCPConn).CloseWrite())
	conn.SetReadDeadline(time.Now().Add(arrives))
	rest, err := io.ReadAll(conn) // until the server hangs up
	require.NoError(t, err, "the client left, and the server did not hang up")
	assert.Equal(t, "bye\n", string(rest))
}

func TestEchoesBytesExactly(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	msg := make([]byte, 1<<20) // 1 MiB, more than the socket buffers hold
	for i := range msg {
		msg[i] = byte(i) // every byte value, NUL and invalid UTF-8 included
	}

	// Write and read at the same time: a client that first writes it all
	// waits for a server that waits for the client to read its echo.
	sent := make(chan error, 1)
	go func() { _, err := conn.Write(msg); sent <- err }()
	got := receive(t, conn, len(msg))
	require.NoError(t, <-sent)
	assert.True(t, bytes.Equal(msg, []byte(got)), "the echo differs")
}

func TestServesOneClientAtATime(t *testing.T) {
	addr, _ := startServer(t)
	a := dial(t, addr)
	send(t, a, "from a\n")
	receive(t, a, len("from a\n")) // a is being served

	b := dial(t, addr)
	send(t, b, "from b\n")
	nothingArrives(t, b) // a is still connected, so b waits

	a.Close()
	assert.Equal(t, "from b\n", receive(t, b, len("from b\n")))
}

func TestStopsWithAClientConnected(t *testing.T) {
	addr, stop := startServer(t)
	dial(t, addr) // connected, silent: the server sits in Read

	stop() // fails the test unless Serve returns promptly
}

// startServer serves on a fresh loopback port until stop is called or the
// test ends. stop cancels Serve and checks that it returns, and promptly.
func startServer(t *testing.T) (addr string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return ln.Addr().String(), serve(t, ln)
}

// serve runs Serve on ln until stop is called or the test ends.
func serve(t *testing.T, ln net.Listener) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln) }()
	stop = sync.OnceFunc(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(arrives):
			t.Error("Serve did not return after cancel")
		}
	})
	t.Cleanup(stop)
	return stop
}

// dial connects to addr; the connection is closed when the test ends.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, arrives)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}

func send(t *testing.T, conn net.Conn, msg string) {
	t.Helper()
	_, err := conn.Write([]byte(msg))
	require.NoError(t, err)
}

// receive reads exactly n bytes from conn.
func receive(t *testing.T, conn net.Conn, n int) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(arrives))
	buf := make([]byte, n)
	got, err := io.ReadFull(conn, buf)
	require.NoError(t, err, "waiting for %d bytes, %d came", n, got)
	return string(buf)
}

// nothingArrives checks that conn receives nothing for a short while.
func nothingArrives(t *testing.T, conn net.Conn) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(nothingFor))
	n, err := conn.Read(make([]byte, 64))
	assert.Zero(t, n, "no reply was expected")
	assert.True(t, isTimeout(err), "expected a timeout, got %v", err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return err != nil && errors.As(err, &ne) && ne.Timeout()
}
