package main

import (
	"context"
	"net"
	"sync"
)

// ServeAtMost serves as Serve does, but serves at most n clients at once:
// the next one waits, accepted by nobody, until one of them leaves.
func ServeAtMost(ctx context.Context, ln net.Listener, n int) error {
	return Serve(ctx, &limitListener{
		Listener: ln,
		slots:    make(chan struct{}, n),
		closed:   make(chan struct{}),
	})
}

// A limitListener accepts a connection only while it has a free slot,
// which the connection gives back when it is closed.
type limitListener struct {
	net.Listener
	slots     chan struct{}
	closed    chan struct{} // closed by Close, to wake an Accept
	closeOnce sync.Once
}

func (l *limitListener) Accept() (net.Conn, error) {
	select {
	case l.slots <- struct{}{}:
	case <-l.closed:
		return nil, net.ErrClosed
	}
	conn, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &limitConn{Conn: conn, free: func() { <-l.slots }}, nil
}

func (l *limitListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return l.Listener.Close()
}

// A limitConn gives its slot back when it is first closed.
type limitConn struct {
	net.Conn
	free func()
	once sync.Once
}

func (c *limitConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.free)
	return err
}
