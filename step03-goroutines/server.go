package main

import (
	"context"
	"log"
	"net"
	"sync"
)

// Serve accepts connections on ln and serves each in a goroutine of its
// own, until ctx is cancelled. It returns nil when it was told to stop,
// and only once every handler has returned.
func Serve(ctx context.Context, ln net.Listener) error {
	// However Serve returns, it cancels ctx, which closes every live
	// connection (see handle), and then waits for their handlers:
	// deferred calls run in reverse order.
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err // NOTE: even "too many open files" stops the server
		}
		wg.Go(func() { handle(ctx, conn) }) // and on to the next Accept
	}
}

// handle writes back everything it reads from conn, until the client
// leaves, as the original's loop of recv(1024) and sendall.
func handle(ctx context.Context, conn net.Conn) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// A client that never sends would keep Read, and so the server,
	// waiting forever. Closing the connection on shutdown wakes Read.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return // the client left (io.EOF), or we are stopping
		}
		if _, err := conn.Write(buf[:n]); err != nil {
			return // the client is gone
		}
	}
}
