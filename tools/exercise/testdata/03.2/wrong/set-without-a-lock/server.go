package main

import (
	"context"
	"net"
	"sync"
)

// Serve accepts connections on ln and serves each in a goroutine of its
// own, until ctx is cancelled. It returns nil when it was told to stop,
// and only once every handler has returned.
func Serve(ctx context.Context, ln net.Listener) error {
	var wg sync.WaitGroup
	defer wg.Wait()

	// However Serve returns, it closes every connection it has, first.
	conns := make(map[net.Conn]bool)
	defer func() {
		for conn := range conns {
			conn.Close()
		}
	}()

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err
		}
		conns[conn] = true
		wg.Go(func() {
			defer delete(conns, conn)
			handle(ctx, conn)
		})
	}
}
