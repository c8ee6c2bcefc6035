package main

import (
	"context"
	"log"
	"net"
)

// handle writes back everything it reads from conn, until the client
// leaves, as the original's loop of recv(1024) and sendall.
func handle(ctx context.Context, conn net.Conn) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// A client that never sends would keep Read, and so the server,
	// waiting forever. Closing the connection on shutdown wakes Read.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	// TODO: this is step01's handle: it answers once and hangs up.
	// Answer every message, until the client leaves.
	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		return // the client left without a word, or we are stopping
	}
	conn.Write(buf[:n]) // NOTE: ignoring errors: we hang up next anyway
}
