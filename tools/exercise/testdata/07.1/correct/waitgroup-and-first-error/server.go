package main

import (
	"context"
	"net"
	"sync"
)

// Serve serves connections on ln with a pool of cfg.Workers workers, until
// ctx is cancelled; they all share one TODO list. While every worker is
// busy, new connections wait in the kernel's listen backlog, accepted by
// nobody. Serve returns nil when it was told to stop, and only once every
// worker has returned.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	// The first worker that fails cancels ctx, which stops the others,
	// and its error is the one Serve returns.
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(cfg.MaxTasks, cfg.MaxBytes)
	serve := func(ctx context.Context, conn net.Conn) { handle(ctx, conn, todo, cfg) }
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for range cfg.Workers {
		wg.Go(func() {
			if err := work(ctx, ln, serve); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		})
	}
	wg.Wait()
	return first
}
