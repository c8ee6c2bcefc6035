package main

import (
	"context"
	"errors"
	"log"
	"net"
	"syscall"
	"time"
)

// accept returns the next connection of ln, and keeps a flood of clients
// from stopping the server: out of file descriptors (EMFILE, ENFILE) or
// memory for a socket, Accept fails until a connection closes, so accept
// waits and retries, as net/http does. Proved by TestRetriesAnAcceptThatRanShort.
func accept(ctx context.Context, ln net.Listener) (net.Conn, error) {
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		conn, err := ln.Accept()
		if !errors.Is(err, syscall.EMFILE) && !errors.Is(err, syscall.ENFILE) &&
			!errors.Is(err, syscall.ENOBUFS) && !errors.Is(err, syscall.ENOMEM) {
			return conn, err // a connection, or an error waiting won't cure
		}
		log.Printf("%v; retrying in %v", err, wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done(): // stopping: don't make the shutdown wait
			return nil, ctx.Err()
		}
	}
}
