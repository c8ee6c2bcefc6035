package main

import (
	"context"
	"log"
	"net"
	"time"
)

// handle reads once from conn, writes back exactly what it read, and hangs
// up, as the original's recv(1024), sendall and close.
func handle(ctx context.Context, conn net.Conn) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// A Read that waits for more than a second gives up.
	conn.SetReadDeadline(time.Now().Add(time.Second))

	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		return // the client left without a word, or we are stopping
	}
	conn.Write(buf[:n]) // NOTE: ignoring errors: we hang up next anyway
}
