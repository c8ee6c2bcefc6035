// Command step03-goroutines is an echo server that serves every client at
// once: it writes back everything each client sends, until it leaves.
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
	flag.Parse()

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
