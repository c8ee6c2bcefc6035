package main

import (
	"context"
	"net"
)

// ServeAtMost serves as Serve does, but serves at most n clients at once:
// the next one waits, accepted by nobody, until one of them leaves.
func ServeAtMost(ctx context.Context, ln net.Listener, n int) error {
	return Serve(ctx, ln) // TODO: at most n at once
}
