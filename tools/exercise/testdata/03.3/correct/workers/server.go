package main

import (
	"context"
	"net"
	"sync"
)

// ServeAtMost serves as Serve does, but serves at most n clients at once:
// the next one waits, accepted by nobody, until one of them leaves.
func ServeAtMost(ctx context.Context, ln net.Listener, n int) error {
	stopping, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(stopping, func() { ln.Close() })
	defer stop()

	// n workers: each accepts a client, serves it, and accepts the next.
	// While all n are busy, nobody accepts.
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			for {
				conn, err := ln.Accept()
				if err != nil {
					cancel() // the other workers stop too
					errs <- err
					return
				}
				handle(stopping, conn)
			}
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil // we were told to stop
	}
	return <-errs // the first worker's error
}
