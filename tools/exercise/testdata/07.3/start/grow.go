package main

import (
	"context"
	"net"
)

// ServeGrowing serves as Serve does, with cfg.Workers workers to begin
// with, and starts n more each time it receives n on grow. Closing grow
// ends the growth, not the serving.
func ServeGrowing(ctx context.Context, ln net.Listener, cfg Config, grow <-chan int) error {
	return Serve(ctx, ln, cfg) // TODO: grow the pool
}
