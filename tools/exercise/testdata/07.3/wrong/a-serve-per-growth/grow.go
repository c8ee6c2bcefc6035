package main

import (
	"context"
	"net"
)

// ServeGrowing serves as Serve does, with cfg.Workers workers to begin
// with, and starts n more each time it receives n on grow. Closing grow
// ends the growth, not the serving.
func ServeGrowing(ctx context.Context, ln net.Listener, cfg Config, grow <-chan int) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Each number on grow starts one more Serve on the listener, with
	// that many workers.
	go func() {
		for {
			select {
			case n, ok := <-grow:
				if !ok {
					return
				}
				more := cfg
				more.Workers = n
				go Serve(ctx, ln, more)
			case <-ctx.Done():
				return
			}
		}
	}()
	return Serve(ctx, ln, cfg)
}
