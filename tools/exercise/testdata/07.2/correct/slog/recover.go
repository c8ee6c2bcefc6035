package main

import (
	"context"
	"log/slog"
	"net"
	"runtime/debug"
)

// serveConn runs serve on conn, and keeps a bug in one connection from
// taking the server down: a panic that no function of its goroutine
// recovers ends the whole program, and errgroup does not recover it. So
// serveConn logs the panic with its stack, closes conn, and returns to its
// worker, as net/http does. Proved by TestAPanicClosesOnlyItsConnection.
func serveConn(ctx context.Context, conn net.Conn, serve func(context.Context, net.Conn)) {
	defer func() {
		if p := recover(); p != nil {
			slog.Error("handler panicked", "client", conn.RemoteAddr(),
				"panic", p, "stack", string(debug.Stack()))
			conn.Close()
		}
	}()
	serve(ctx, conn)
}
