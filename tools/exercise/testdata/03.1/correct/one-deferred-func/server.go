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
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()  // close every live connection (see handle),
		wg.Wait() // and then wait for their handlers
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
		wg.Go(func() { handle(ctx, conn) })
	}
}
