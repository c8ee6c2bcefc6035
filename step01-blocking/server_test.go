package main

import (
	"context"
	"errors"
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

func TestEchoesTheFirstMessage(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "hello\n")
	assert.Equal(t, "hello\n", receive(t, conn, len("hello\n")))
}

func TestHangsUpAfterOneEcho(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	send(t, conn, "one\n")
	receive(t, conn, len("one\n"))

	// The second message may even be written, but no echo comes back:
	// the server has closed the connection.
	conn.Write([]byte("two\n"))
	conn.SetReadDeadline(time.Now().Add(arrives))
	n, err := conn.Read(make([]byte, 16))
	assert.Zero(t, n)
	assert.Error(t, err) // io.EOF, or a reset
	assert.False(t, isTimeout(err), "the server should have hung up")
}

func TestEchoesBytesExactly(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	msg := make([]byte, 256)
	for i := range msg {
		msg[i] = byte(i) // every byte value, NUL and invalid UTF-8 included
	}

	send(t, conn, string(msg))
	assert.Equal(t, msg, []byte(receive(t, conn, len(msg))))
}

func TestServesOneClientAtATime(t *testing.T) {
	addr, _ := startServer(t)
	a := dial(t, addr) // accepted first, and then served: Read waits for a
	b := dial(t, addr)

	send(t, b, "from b\n")
	nothingArrives(t, b)

	send(t, a, "from a\n")
	assert.Equal(t, "from a\n", receive(t, a, len("from a\n")))

	// a has been answered and hung up on; now b's turn comes.
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
