package main

import (
	"context"
	"log"
	"net"
)

// handle reads once from conn, writes back exactly what it read, and hangs
// up, as the original's recv(1024), sendall and close.
func handle(ctx context.Context, conn net.Conn) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// A client that never sends would keep Read, and so the server,
	// waiting forever. Closing the connection on shutdown wakes Read.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	buf := make([]byte, 256)
	n, err := conn.Read(buf)
	if err != nil {
		return
	}
	conn.Write(buf[:n])
}
