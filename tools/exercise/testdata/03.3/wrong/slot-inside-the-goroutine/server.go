package main

import (
	"context"
	"net"
	"sync"
)

// ServeAtMost serves as Serve does, but serves at most n clients at once:
// the next one waits, accepted by nobody, until one of them leaves.
func ServeAtMost(ctx context.Context, ln net.Listener, n int) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	slots := make(chan struct{}, n)
	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err
		}
		wg.Go(func() {
			slots <- struct{}{}        // wait for a free slot
			defer func() { <-slots }() // the slot is free again
			handle(ctx, conn)
		})
	}
}
