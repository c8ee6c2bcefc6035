package main

import (
	"context"
	"net"

	"golang.org/x/sync/errgroup"
)

// ServeGrowing serves as Serve does, with cfg.Workers workers to begin
// with, and starts n more each time it receives n on grow. Closing grow
// ends the growth, not the serving.
func ServeGrowing(ctx context.Context, ln net.Listener, cfg Config, grow <-chan int) error {
	g, ctx := errgroup.WithContext(ctx)
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(cfg.MaxTasks, cfg.MaxBytes)
	serve := func(ctx context.Context, conn net.Conn) { handle(ctx, conn, todo, cfg) }
	start := func(n int) {
		for range n {
			g.Go(func() error { return work(ctx, ln, serve) })
		}
	}
	start(cfg.Workers)
	// ServeGrowing receives in its own goroutine, and calls g.Wait only
	// once it has started its last worker.
	for {
		select {
		case n, ok := <-grow:
			if !ok {
				return g.Wait() // no more growth: serve with what we have
			}
			start(n)
		case <-ctx.Done():
			return g.Wait()
		}
	}
}
