package main

import (
	"fmt"
	"io"
	"net"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Serve must not return while a handler still runs. Here each handler
// is held in its last call, conn.Close, until the test lets it go: a
// Serve that does not wait for its handlers returns in the meantime.
func TestWaitsForEveryHandler(t *testing.T) {
	ln := watch(t)
	ln.hold = make(chan struct{})
	release := sync.OnceFunc(func() { close(ln.hold) })
	t.Cleanup(release)
	stop := serve(t, ln)
	const clients = 10
	for range clients {
		conn := dial(t, ln.Addr().String())
		send(t, conn, "hi\n")
		receive(t, conn, len("hi\n")) // its handler is running
	}

	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
		t.Errorf("Serve returned before every handler had: %d were still running", clients)
	case <-time.After(nothingFor): // it waits, as it should
	}
	release()
	<-stopped
}

// A client that has left costs the server nothing: no goroutine waits for
// it, and no reference keeps its connection from the garbage collector
// (a set of live connections that nothing removes it from would).
func TestKeepsNothingOfAClientThatLeft(t *testing.T) {
	ln := watch(t)
	serve(t, ln)
	running := goleak.IgnoreCurrent()
	const clients = 10
	for i := range clients {
		conn := dial(t, ln.Addr().String())
		msg := fmt.Sprintf("client %d\n", i)
		send(t, conn, msg)
		require.NoError(t, conn.(*net.TCPConn).CloseWrite()) // and leaves
		conn.SetReadDeadline(time.Now().Add(arrives))
		got, err := io.ReadAll(conn) // until the server hangs up
		require.NoError(t, err)
		require.Equal(t, msg, string(got))
	}

	goleak.VerifyNone(t, running)
	ln.waitCollected(t, clients)
}

// A watchedListener is a loopback listener that tells the test of each
// connection that the garbage collector takes back, once nothing refers
// to it any more; and, if hold is not nil, makes each Close of those
// connections wait until hold is closed.
type watchedListener struct {
	net.Listener
	hold      chan struct{}
	collected chan struct{}
}

func watch(t *testing.T) *watchedListener {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return &watchedListener{Listener: ln, collected: make(chan struct{}, 100)}
}

func (l *watchedListener) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	watched := &watchedConn{conn, l.hold} // known to the server alone
	runtime.AddCleanup(watched, func(ch chan struct{}) {
		select {
		case ch <- struct{}{}:
		default: // nobody is counting this many
		}
	}, l.collected)
	return watched, nil
}

type watchedConn struct {
	net.Conn
	hold chan struct{}
}

// Close closes the connection at once, which wakes a Read, but returns
// only once hold is closed.
func (c *watchedConn) Close() error {
	err := c.Conn.Close()
	if c.hold != nil {
		<-c.hold
	}
	return err
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
