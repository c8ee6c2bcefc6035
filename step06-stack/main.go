// Command step06-stack is the TODO server and an admin app over HTTP,
// whose handlers read the current request and app from context stacks.
package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	hosts := flag.String("hosts", "", "more host `names` for clients, comma-separated")
	var cfg Config
	flag.IntVar(&cfg.MaxTasks, "max-tasks", 10000, "the most tasks to store")
	flag.IntVar(&cfg.MaxBytes, "max-bytes", 64<<20, "the most bytes of tasks to store")
	flag.Parse()
	cfg.Hosts = strings.Fields(strings.ReplaceAll(*hosts, ",", " "))

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
