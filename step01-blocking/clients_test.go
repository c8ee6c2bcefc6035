package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// A client may take its time: the server waits as long as it takes
// (step04 adds an idle timeout). This is longer than any quick deadline.
const silence = 1500 * time.Millisecond

func TestEchoesUpTo1024BytesAndHangsUp(t *testing.T) {
	for _, size := range []int{10, 256, 1000, 1024} {
		ok := t.Run(fmt.Sprintf("%d bytes", size), func(t *testing.T) {
			addr, _ := startServer(t)
			conn := dial(t, addr)
			msg := make([]byte, size)
			for i := range msg {
				msg[i] = byte(i) // every byte value, NUL and invalid UTF-8 included
			}

			send(t, conn, string(msg)) // one Write: it arrives in one piece
			conn.SetReadDeadline(time.Now().Add(arrives))
			got, err := io.ReadAll(conn) // until the server hangs up, or resets
			switch {
			case isTimeout(err):
				t.Errorf("sent %d bytes, got back %d, and the server did not hang up",
					size, len(got))
			case err != nil && !errors.Is(err, syscall.ECONNRESET):
				t.Errorf("sent %d bytes, got back %d, and then: %v", size, len(got), err)
			case len(got) != size:
				t.Errorf("sent %d bytes, got back %d before the server hung up",
					size, len(got))
			case !bytes.Equal(msg, got):
				t.Errorf("sent %d bytes, got back as many, but others: %.24q...", size, got)
			}
		})
		if !ok {
			break // one size is enough to show what is wrong
		}
	}
}

func TestWaitsForASilentClient(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	conn.SetReadDeadline(time.Now().Add(silence))
	if _, err := conn.Read(make([]byte, 16)); !isTimeout(err) {
		t.Fatalf("the server hung up on a client silent for less than %v: %v", silence, err)
	}
	send(t, conn, "at last\n")
	assert.Equal(t, "at last\n", receive(t, conn, len("at last\n")))
}

// main promises to exit within a second of Ctrl-C: a client that says
// nothing must not hold it up.
func TestStopsWithinASecond(t *testing.T) {
	ln := watch(t)
	stop := serve(t, ln)
	dial(t, ln.Addr().String())
	select {
	case <-ln.accepted: // the server is reading from it
	case <-time.After(arrives):
		t.Fatal("the server did not accept a client")
	}

	began := time.Now()
	stop()
	if took := time.Since(began); took >= time.Second {
		t.Errorf("with a silent client connected, Serve took %v to return after cancel",
			took.Round(time.Millisecond))
	}
}

// A client that has left costs the server nothing: no goroutine waits for
// it, and no reference keeps its connection from the garbage collector
// (a context.AfterFunc that nobody stops keeps it until the server stops).
func TestKeepsNothingOfAClientThatLeft(t *testing.T) {
	ln := watch(t)
	serve(t, ln)
	running := goleak.IgnoreCurrent()
	const clients = 10
	for i := range clients {
		conn := dial(t, ln.Addr().String())
		msg := fmt.Sprintf("client %d\n", i)
		send(t, conn, msg)
		conn.SetReadDeadline(time.Now().Add(arrives))
		got, err := io.ReadAll(conn) // until the server hangs up
		require.NoError(t, err)
		require.Equal(t, msg, string(got))
	}

	goleak.VerifyNone(t, running)
	ln.waitCollected(t, clients)
}

// A watchedListener is a loopback listener that tells the test of each
// connection it accepts, and of each that the garbage collector takes
// back, once nothing refers to it any more.
type watchedListener struct {
	net.Listener
	accepted, collected chan struct{}
}

func watch(t *testing.T) *watchedListener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return &watchedListener{ln, make(chan struct{}, 100), make(chan struct{}, 100)}
}

func (l *watchedListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	watched := &struct{ net.Conn }{conn} // known to the server alone
	runtime.AddCleanup(watched, tell, l.collected)
	tell(l.accepted)
	return watched, nil
}

func tell(ch chan struct{}) {
	select {
	case ch <- struct{}{}:
	default: // nobody is counting this many
	}
}

// waitCollected waits until the garbage collector has taken back n of
// the connections that l accepted.
func (l *watchedListener) waitCollected(t *testing.T, n int) {
	t.Helper()
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(arrives)
	for got := 0; got < n; {
		runtime.GC() // a collection finds them, and then they are told of
		select {
		case <-l.collected:
			got++
		case <-tick.C:
		case <-timeout:
			t.Fatalf("the server still holds %d of the %d connections "+
				"whose clients have left", n-got, n)
		}
	}
}
