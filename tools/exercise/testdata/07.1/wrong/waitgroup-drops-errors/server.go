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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(cfg.MaxTasks, cfg.MaxBytes)
	serve := func(ctx context.Context, conn net.Conn) { handle(ctx, conn, todo, cfg) }
	var wg sync.WaitGroup
	for range cfg.Workers {
		wg.Go(func() { work(ctx, ln, serve) })
	}
	wg.Wait()
	return nil
}
