package main

import (
	"context"
	"net"

	"golang.org/x/sync/errgroup"
)

// Serve serves connections on ln with a pool of cfg.Workers workers, until
// ctx is cancelled; they all share one TODO list. While every worker is
// busy, new connections wait in the kernel's listen backlog, accepted by
// nobody. Serve returns nil when it was told to stop, and only once every
// worker has returned.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	// The workers share one lifecycle: ctx is cancelled when the caller
	// cancels it, when a worker returns an error, or when Wait returns.
	// Its cancel closes the listener, which stops every idle worker, and
	// every live connection (see handle), which frees the busy ones.
	g, ctx := errgroup.WithContext(ctx)

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(cfg.MaxTasks, cfg.MaxBytes)
	serve := func(ctx context.Context, conn net.Conn) { handle(ctx, conn, todo, cfg) }
	conns := make(chan net.Conn)
	for range cfg.Workers {
		g.Go(func() error {
			for conn := range conns {
				serveConn(ctx, conn, serve)
			}
			return nil
		})
	}
	// One loop accepts, and hands each connection to a free worker.
	g.Go(func() error {
		defer close(conns)
		for {
			conn, err := accept(ctx, ln)
			if err != nil {
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
			select {
			case conns <- conn:
			case <-ctx.Done():
				conn.Close()
				return nil
			}
		}
	})
	return g.Wait()
}
