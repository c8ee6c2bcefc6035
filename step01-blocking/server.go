package main

import (
	"context"
	"log"
	"net"
)

// Serve accepts connections on ln and serves them one at a time, until ctx
// is cancelled. It returns nil when it was told to stop.
func Serve(ctx context.Context, ln net.Listener) error {
	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	for {
		conn, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err
		}
		handle(ctx, conn) // while this runs, nobody else is accepted
	}
}

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

	buf := make([]byte, 1024)
	n, err := conn.Read(buf)
	if err != nil {
		return // the client left without a word, or we are stopping
	}
	conn.Write(buf[:n]) // NOTE: ignoring errors: we hang up next anyway
}
