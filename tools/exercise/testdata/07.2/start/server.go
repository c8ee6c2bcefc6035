package main

import (
	"context"
	"net"
)

// serveConn runs handler on conn and survives its panic: the panic is
// logged, conn is closed, and the worker goes on to the next connection,
// as net/http does for each request.
func serveConn(ctx context.Context, conn net.Conn, todo *store) {
	// TODO: survive a panic of handler.
	handler(ctx, conn, todo)
}
