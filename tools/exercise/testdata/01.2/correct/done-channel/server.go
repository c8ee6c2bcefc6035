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

	// When the server stops, close conn, to wake Read; when handle
	// returns first, stop waiting.
	returned := make(chan struct{})
	defer close(returned)
	go func() {
		select {
		case <-ctx.Done():
			conn.Close()
		case <-returned:
		}
	}()

	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		return // the client left without a word, or we are stopping
	}
	conn.Write(buf[:n]) // NOTE: ignoring errors: we hang up next anyway
}
