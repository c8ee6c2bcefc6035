package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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

func TestServesClientsAtTheSameTime(t *testing.T) {
	addr, _ := startServer(t)
	a := dial(t, addr)
	send(t, a, "from a\n")
	receive(t, a, len("from a\n")) // a is being served

	b := dial(t, addr)
	send(t, b, "from b\n")
	assert.Equal(t, "from b\n", receive(t, b, len("from b\n")))
	nothingArrives(t, a) // each echo goes to its own client

	send(t, a, "still here\n") // and a is still served
	assert.Equal(t, "still here\n", receive(t, a, len("still here\n")))
}

func TestServesManyClientsAtOnce(t *testing.T) {
	addr, _ := startServer(t)
	conns := make([]net.Conn, 200)
	for i := range conns {
		conns[i] = dial(t, addr)
	}

	// Everyone speaks before anyone listens: one client at a time would
	// answer the first and leave the other 199 waiting.
	for i, conn := range conns {
		send(t, conn, fmt.Sprintf("client %d\n", i))
	}
	for i, conn := range conns {
		msg := fmt.Sprintf("client %d\n", i)
		assert.Equal(t, msg, receive(t, conn, len(msg)))
	}
}

func TestStopsWithClientsConnected(t *testing.T) {
	var closed closedCount
	log.SetOutput(&closed) // each handler logs "<addr> closed" as it returns
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	addr, stop := startServer(t)
	var conns []net.Conn
	for range 10 {
		conn := dial(t, addr)
		send(t, conn, "hi\n")
		receive(t, conn, len("hi\n")) // its handler is running
		conns = append(conns, conn)
	}

	stop() // fails the test unless Serve returns promptly

	assert.Equal(t, int64(10), closed.Load(), "Serve returned before every handler had")
	goleak.VerifyNone(t) // and not one goroutine is left
	for _, conn := range conns {
		conn.SetReadDeadline(time.Now().Add(arrives))
		_, err := conn.Read(make([]byte, 16))
		assert.ErrorIs(t, err, io.EOF, "the server should have hung up")
	}
}

// closedCount counts the lines "<addr> closed" that handlers log as they
// return: handlers that Serve has left running may write while the test
// reads the count.
type closedCount struct{ atomic.Int64 }

func (c *closedCount) Write(p []byte) (int, error) {
	c.Add(int64(strings.Count(string(p), " closed\n")))
	return len(p), nil
}

func TestClosesEveryConnectionWhenAcceptFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), ln) }()
	conn := dial(t, ln.Addr().String())
	send(t, conn, "hi\n")
	receive(t, conn, len("hi\n")) // its handler is running

	ln.Close() // Accept fails, and nobody told Serve to stop

	select {
	case err := <-done:
		assert.ErrorIs(t, err, net.ErrClosed)
	case <-time.After(arrives):
		t.Fatal("Accept failed, and Serve did not return: " +
			"is it waiting for a handler whose connection is still open?")
	}
	conn.SetReadDeadline(time.Now().Add(arrives))
	_, err = conn.Read(make([]byte, 16))
	assert.ErrorIs(t, err, io.EOF, "the server should have hung up")
}

func TestStopsWhenOutOfFileDescriptors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	fl := faultyListener{ln, make(chan error, 1)}
	fl.errs <- acceptError(syscall.EMFILE) // "too many open files"

	err = Serve(context.Background(), fl)

	// The NOTE in Serve: a shortage that would soon be over stops the
	// server for good. step04 waits, and tries again.
	assert.ErrorIs(t, err, syscall.EMFILE)
}

// BenchmarkEcho measures round trips of a short message over loopback,
// for one client and for many at once.
func BenchmarkEcho(b *testing.B) {
	for _, clients := range []int{1, 64} {
		b.Run(fmt.Sprintf("clients=%d", clients), func(b *testing.B) {
			addr, _ := startServer(b)
			conns := make([]net.Conn, clients)
			for i := range conns {
				conns[i] = dial(b, addr)
			}
			msg := []byte("hello\n")
			var left atomic.Int64 // round trips still to do, shared
			left.Store(int64(b.N))
			var wg sync.WaitGroup

			b.ResetTimer()
			for _, conn := range conns {
				wg.Go(func() {
					buf := make([]byte, len(msg))
					for left.Add(-1) >= 0 {
						if _, err := conn.Write(msg); err != nil {
							b.Error(err)
							return
						}
						if _, err := io.ReadFull(conn, buf); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
		})
	}
}

// startServer serves on a fresh loopback port until stop is called or the
// test ends. stop cancels Serve and checks that it returns, and promptly.
func startServer(t testing.TB) (addr string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return ln.Addr().String(), serve(t, ln)
}

// serve runs Serve on ln until stop is called or the test ends.
func serve(t testing.TB, ln net.Listener) (stop func()) {
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

// faultyListener stands for a process that runs short of file
// descriptors. Each Accept first takes an error from errs: a non-nil one
// it returns, as a real Accept fails; on nil, or once errs is closed, it
// accepts a connection from the real listener.
type faultyListener struct {
	net.Listener
	errs chan error
}

func (l faultyListener) Accept() (net.Conn, error) {
	if err := <-l.errs; err != nil {
		return nil, err
	}
	return l.Listener.Accept()
}

// acceptError is the error that Accept returns on Linux when its system
// call fails with errno.
func acceptError(errno syscall.Errno) error {
	return &net.OpError{Op: "accept", Net: "tcp",
		Err: os.NewSyscallError("accept4", errno)}
}

// dial connects to addr; the connection is closed when the test ends.
func dial(t testing.TB, addr string) net.Conn {
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
