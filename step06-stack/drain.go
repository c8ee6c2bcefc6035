package main

import (
	"context"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// serveUntil serves ln with srv until ctx is cancelled, logging each
// connection opened and closed, and returns once every connection's
// goroutine has ended (TestStopsWithAClientConnected, and goleak).
func serveUntil(ctx context.Context, srv *http.Server, ln net.Listener) error {
	var open sync.WaitGroup // one for each open connection
	srv.ConnState = func(conn net.Conn, state http.ConnState) {
		switch state {
		case http.StateNew:
			open.Add(1)
			log.Printf("%s connected", conn.RemoteAddr())
		case http.StateClosed, http.StateHijacked:
			log.Printf("%s closed", conn.RemoteAddr())
			open.Done()
		}
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err // the listener failed before we were told to stop
	case <-ctx.Done():
	}

	// Shutdown lets the requests in flight finish; after half a second,
	// Close cuts the rest, so that the program exits within a second.
	stop, cancel := context.WithTimeout(context.Background(), time.Second/2)
	defer cancel()
	if err := srv.Shutdown(stop); err != nil {
		srv.Close()
	}
	<-served    // http.ErrServerClosed: no connection opens any more
	open.Wait() // neither Shutdown nor Close waits for their goroutines
	return nil
}
