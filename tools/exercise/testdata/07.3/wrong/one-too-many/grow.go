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
	// This goroutine is in the group, so the group is never empty while
	// it calls g.Go: Wait cannot return in between.
	g.Go(func() error {
		for {
			select {
			case n, ok := <-grow:
				if !ok { // closed: no more growth; a nil channel never sends
					grow = nil
					continue
				}
				start(n + 1)
			case <-ctx.Done():
				return nil
			}
		}
	})
	return g.Wait()
}
