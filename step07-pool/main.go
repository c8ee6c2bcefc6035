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
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "address to listen on")
	var cfg Config
	flag.IntVar(&cfg.Workers, "workers", 5, "clients served at once; the next one waits")
	flag.DurationVar(&cfg.Idle, "idle", time.Minute, "hang up on a client silent this long")
	flag.DurationVar(&cfg.Session, "session", time.Minute, "hang up on a client served this long (0: never)")
	flag.IntVar(&cfg.MaxTasks, "max-tasks", 10000, "the most tasks to store")
	flag.IntVar(&cfg.MaxBytes, "max-bytes", 64<<20, "the most bytes of ids and values to store")
	if flag.Parse(); cfg.Idle <= 0 {
		log.Fatal("-idle must be positive, for example -idle 30s")
	}
	if cfg.Workers < 1 {
		log.Fatal("-workers must be at least 1")
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
