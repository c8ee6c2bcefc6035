package main

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"sync"
	"time"
)

// maxBody is the largest request body the server reads, in bytes. A
// larger one gets 413 Content Too Large.
const maxBody = 64 << 10

// stopTimeout is how long Serve lets the requests in flight finish once
// it is told to stop, so that the program exits within a second.
const stopTimeout = 500 * time.Millisecond

// Serve answers HTTP requests on ln until ctx is cancelled. net/http
// serves each connection in a goroutine of its own, as step03 did by
// hand. Besides its own address and localhost, it answers to the host
// names in hosts (see guard). Serve returns nil once it was told to stop
// and every connection is closed.
func Serve(ctx context.Context, ln net.Listener, hosts ...string) error {
	var conns sync.WaitGroup // one for each open connection
	srv := &http.Server{
		Handler: guard(dispatch(todoApp(newStore()), adminApp()), ln, hosts),
		// A client that sends, or reads, slowly or not at all must not
		// hold a connection, and its goroutine, forever.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second, // as the TCP steps' -idle
		MaxHeaderBytes:    maxBody,
		// One log line when a connection opens and one when it closes,
		// as in the TCP steps, and never one per request: a browser
		// sends several requests over each connection it keeps open.
		ConnState: func(conn net.Conn, state http.ConnState) {
			switch state {
			case http.StateNew:
				conns.Add(1)
				log.Printf("%s connected", conn.RemoteAddr())
			case http.StateClosed, http.StateHijacked:
				log.Printf("%s closed", conn.RemoteAddr())
				conns.Done()
			}
		},
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err // the listener failed before we were told to stop
	case <-ctx.Done():
	}

	// Shutdown closes ln, closes idle connections, and waits until every
	// other one has finished its request. Past stopTimeout, Close cuts
	// the connections that remain.
	stopCtx, cancel := context.WithTimeout(context.Background(), stopTimeout)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		srv.Close()
	}
	<-done       // http.ErrServerClosed: no connection opens any more
	conns.Wait() // Close does not wait for the goroutines it stops
	return nil
}

// errOutsideRequest is what request panics with when the calling
// goroutine serves no request, as Flask raises RuntimeError.
var errOutsideRequest = errors.New("working outside of request context: " +
	"this goroutine serves no request (a goroutine that a handler " +
	"starts does not inherit it: pass the request to it)")

// request returns the request that the calling goroutine serves, as
// Flask's request proxy does. Outside a request context it panics with
// errOutsideRequest: calling it there is a bug in the program, not
// something that a client can cause.
func request() *http.Request {
	top, ok := requestStack.Top()
	if !ok {
		panic(errOutsideRequest)
	}
	return top.Request
}

// A view answers the request that the calling goroutine serves, as a
// Flask view function does: it takes no arguments, reads the request with
// request(), and returns the response.
type view func() response

// A response is what a view returns.
type response struct {
	status   int
	kind     string // Content-Type
	body     string
	location string // where a redirect points
}

// text returns a text/plain response: body and a line ending, so that
// curl's output ends its line.
func text(status int, body string) response {
	return response{status, "text/plain; charset=utf-8", body + "\n", ""}
}

// seeOther redirects the browser to url, which it then gets with GET.
func seeOther(url string) response {
	return response{status: http.StatusSeeOther, location: url}
}

// ServeHTTP calls v and writes its response. It must run inside an
// App, so that v finds r with request().
func (v view) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody) // the r v reads
	v().write(w)
}

// write sends resp to the client.
func (resp response) write(w http.ResponseWriter) {
	if resp.kind != "" {
		w.Header().Set("Content-Type", resp.kind)
	}
	if resp.location != "" {
		w.Header().Set("Location", resp.location)
	}
	w.WriteHeader(resp.status)
	io.WriteString(w, resp.body) // NOTE: ignoring errors: the client left
}
