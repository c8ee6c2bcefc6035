package main

import (
	"bufio"
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

	lines := bufio.NewScanner(conn)
	for lines.Scan() {
		if _, err := conn.Write(append(lines.Bytes(), '\n')); err != nil {
			return
		}
	}
}
