package main

import (
	"context"
	"log"
	"net"
	"runtime/debug"
)

// serveConn runs serve on conn, and keeps a bug in one connection from
// taking the server down: a panic that no function of its goroutine
// recovers ends the whole program, and errgroup does not recover it. So
// serveConn logs the panic with its stack, closes conn, and returns to its
// worker, as net/http does. Proved by TestAPanicClosesOnlyItsConnection.
func serveConn(ctx context.Context, conn net.Conn, serve func(context.Context, net.Conn)) {
	defer recoverConn(conn)
	serve(ctx, conn)
}

// recoverConn, deferred, stops a panic of the goroutine that defers it,
// logs it with its stack, and closes conn.
func recoverConn(conn net.Conn) {
	if p := recover(); p != nil {
		log.Printf("recovered from %q in the handler of %s; closing it\n%s",
			p, conn.RemoteAddr(), debug.Stack())
		conn.Close()
	}
}
