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

	// However Serve returns, it closes every live connection first.
	var mu sync.Mutex
	conns := make(map[net.Conn]bool)
	defer func() {
		mu.Lock()
		defer mu.Unlock()
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
		mu.Lock()
		conns[conn] = true
		mu.Unlock()
		wg.Go(func() {
			defer func() {
				mu.Lock()
				delete(conns, conn)
				mu.Unlock()
			}()
			handle(ctx, conn)
		})
	}
}
