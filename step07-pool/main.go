// Command step07-pool is the TODO server of step04 served by a fixed pool
// of workers: -workers clients at a time, and the next one waits.
package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "address to listen on")
	idle := flag.Duration("idle", idleTimeout,
		"close a connection that sends nothing for this long")
	pool := flag.Int("workers", workers,
		"connections served at once; the next one waits for a worker")
	flag.Parse()
	if *idle <= 0 {
		log.Fatal("-idle must be positive, for example -idle 30s")
	}
	idleTimeout = *idle
	if *pool < 1 {
		log.Fatal("-workers must be at least 1")
	}
	workers = *pool

	// Ctrl-C (SIGINT) or SIGTERM cancels ctx, and Serve returns.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	if err := Serve(ctx, ln); err != nil {
		log.Fatal(err)
	}
	log.Print("stopped")
}
