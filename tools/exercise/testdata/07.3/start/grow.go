package main

import (
	"context"
	"net"
)

// ServeGrowing serves as Serve does, with workers workers to begin with,
// and starts n more each time it receives n on grow.
func ServeGrowing(ctx context.Context, ln net.Listener, grow <-chan int) error {
	return Serve(ctx, ln) // TODO: grow the pool
}
