// Command step06-stack is the TODO server over HTTP, for curl and for a
// browser. Its handlers read the current request as Flask code does,
// from per-goroutine stacks of contexts; an admin app shares the server.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	var hosts []string
	flag.Func("hosts", "other host `names` that clients may use to reach "+
		"the server, comma-separated, for example the laptop's name or "+
		"IP address when serving a room", func(list string) error {
		for name := range strings.SplitSeq(list, ",") {
			name = strings.TrimSpace(name)
			if _, _, err := net.SplitHostPort(name); err == nil {
				return fmt.Errorf("%s: give the name alone; "+
					"the port is the one the server listens on", name)
			}
			hosts = append(hosts, name)
		}
		return nil
	})
	flag.Parse()

	// Ctrl-C (SIGINT) or SIGTERM cancels ctx, and Serve returns.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	if err := Serve(ctx, ln, hosts...); err != nil {
		log.Fatal(err)
	}
	log.Print("stopped")
}
