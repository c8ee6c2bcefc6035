package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// A Config says how Serve serves. main fills it from the flags.
type Config struct {
	Hosts              []string // more names for clients to use: guard.go
	MaxTasks, MaxBytes int      // the store's bounds: limits.go
}

// Serve answers HTTP requests on ln until ctx is cancelled. net/http
// serves each connection in a goroutine of its own, as step03 did.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	app := dispatch(todoApp(newStore(cfg.MaxTasks, cfg.MaxBytes)), adminApp())
	srv := &http.Server{
		Handler: guard(app, ln.Addr().String(), cfg.Hosts),
		// A slow or silent client must not hold a connection forever.
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second, // as the TCP steps' -idle
		// OPTIONS * meets guard too, rather than net/http's own answer.
		DisableGeneralOptionsHandler: true,
	}
	return serveUntil(ctx, srv, ln) // see drain.go
}

// errOutsideRequest is what request panics with, as Flask raises RuntimeError.
var errOutsideRequest = errors.New("working outside of request context: " +
	"a goroutine that a handler starts does not inherit its request")

// request returns the calling goroutine's request, as Flask's request
// does, or panics: calling it elsewhere is a bug, not a client's doing.
func request() *http.Request {
	top, ok := requestStack.Top() // see appctx.go
	if !ok {
		panic(errOutsideRequest)
	}
	return top.Request
}
