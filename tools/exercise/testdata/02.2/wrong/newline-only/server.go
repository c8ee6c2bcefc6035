package main

import (
	"context"
	"log"
	"net"
)

// handle writes back everything it reads from conn, until the client
// leaves or sends the message "quit", as the original's loop of
// recv(1024) and sendall.
func handle(ctx context.Context, conn net.Conn) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// A client that never sends would keep Read, and so the server,
	// waiting forever. Closing the connection on shutdown wakes Read.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	buf := make([]byte, 1024)
	for {
		n, err := conn.Read(buf)
		if err != nil {
			return // the client left (io.EOF), or we are stopping
		}
		if string(buf[:n]) == "quit\n" {
			conn.Write([]byte("bye\n")) // NOTE: ignoring errors: we hang up
			return
		}
		if _, err := conn.Write(buf[:n]); err != nil {
			return // the client is gone
		}
	}
}
