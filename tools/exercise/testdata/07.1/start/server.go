package main

import (
	"context"
	"net"

	"golang.org/x/sync/errgroup"
)

// Serve serves connections on ln with a fixed pool of workers, until ctx
// is cancelled. Each worker accepts a connection, serves it to the end,
// and accepts the next; while every worker is busy, new connections wait
// in the kernel's listen backlog, accepted by nobody. Every connection
// shares one TODO list. Serve returns nil when it was told to stop, and
// only once every worker has returned.
func Serve(ctx context.Context, ln net.Listener) error {
	// The workers share one lifecycle: ctx is cancelled when the caller
	// cancels it, when a worker returns an error, or when Wait returns.
	// Its cancel closes the listener, which stops every idle worker, and
	// every live connection (see handle), which frees the busy ones.
	g, ctx := errgroup.WithContext(ctx)

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore() // one list for every worker: hence its mutex
	// TODO: start as many workers as the variable workers says.
	g.Go(func() error { return work(ctx, ln, todo) })
	return g.Wait()
}
