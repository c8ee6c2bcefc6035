// Command step04-todo is a TODO server: each client sends requests, one
// per line, to read and store tasks in a map that all clients share.
package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "address to listen on")
	var cfg Config
	flag.DurationVar(&cfg.Idle, "idle", time.Minute, "hang up on a client silent this long")
	flag.IntVar(&cfg.MaxTasks, "max-tasks", 10000, "the most tasks to store")
	flag.IntVar(&cfg.MaxBytes, "max-bytes", 64<<20, "the most bytes of ids and values to store")
	if flag.Parse(); cfg.Idle <= 0 {
		log.Fatal("-idle must be positive, for example -idle 30s")
	}

	// Ctrl-C (SIGINT) or SIGTERM cancels ctx, and Serve returns.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	if err := Serve(ctx, ln, cfg); err != nil {
		log.Fatal(err)
	}
	log.Print("stopped")
}
