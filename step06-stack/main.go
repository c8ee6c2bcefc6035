// Command step06-stack is the TODO server of step05 and an admin app,
// mounted side by side in one HTTP server. Their handlers read the
// current app, request and g as Flask code does, from per-goroutine
// stacks of contexts.
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
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
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
