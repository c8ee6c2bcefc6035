package main

import (
	"context"
	"net"
	"testing"

	"github.com/stretchr/testify/require"
)

// BenchmarkStop times Serve from the cancel of its context to its
// return, with no client: the time it takes the closed listener to wake
// Accept. Python's socketserver notices a shutdown() only when its poll
// times out, after a quarter of a second on average
// (python/bench/shutdown.py times it).
func BenchmarkStop(b *testing.B) {
	for range b.N {
		b.StopTimer()
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(b, err)
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- Serve(ctx, ln) }()
		b.StartTimer()

		cancel() // Serve is in Accept, or about to be: no timer to wait for
		require.NoError(b, <-done)
	}
}
