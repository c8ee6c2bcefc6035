package main

import (
	"bufio"
	"context"
	"io"
	"log"
	"net"
	"time"

	"golang.org/x/sync/errgroup"
)

// Config says how Serve serves; main fills it from the flags.
type Config struct {
	Workers  int           // serve this many clients at once, as Pool(5)
	Idle     time.Duration // hang up on a client silent this long
	Session  time.Duration // or served this long, if not 0 (session.go)
	MaxTasks int           // store at most this many tasks (bound.go),
	MaxBytes int           // and this many bytes of ids and values
}

// Serve serves connections on ln with a pool of cfg.Workers workers, until
// ctx is cancelled; they all share one TODO list. While every worker is
// busy, new connections wait in the kernel's listen backlog, accepted by
// nobody. Serve returns nil when it was told to stop, and only once every
// worker has returned.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	// The workers share one lifecycle: ctx is cancelled when the caller
	// cancels it, when a worker returns an error, or when Wait returns.
	// Its cancel closes the listener, which stops every idle worker, and
	// every live connection (see handle), which frees the busy ones.
	g, ctx := errgroup.WithContext(ctx)

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(cfg.MaxTasks, cfg.MaxBytes)
	serve := func(ctx context.Context, conn net.Conn) { handle(ctx, conn, todo, cfg) }
	for range cfg.Workers {
		g.Go(func() error { return work(ctx, ln, serve) })
	}
	return g.Wait()
}

// work is one worker: it accepts a connection, serves it until it ends,
// and accepts the next, until the server stops.
func work(ctx context.Context, ln net.Listener, serve func(context.Context, net.Conn)) error {
	// Once stopping, accept nobody else: the listener may not be closed
	// yet when the connection we served is.
	for ctx.Err() == nil {
		conn, err := accept(ctx, ln) // accept.go: rides out a flood
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err // an error that waiting would not cure
		}
		serveConn(ctx, conn, serve) // recover.go; meanwhile, we accept nobody
	}
	return nil
}

// handle answers each request line of conn with one reply line, in order,
// until the client leaves, is silent for cfg.Idle, or the server stops.
func handle(ctx context.Context, conn net.Conn, todo *store, cfg Config) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// On shutdown, wake a Read that waits for a silent client.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	// TCP delivers a stream of bytes, not messages: one Read may return
	// half a line, or three. The Scanner reads until "\n", and keeps what
	// follows for the next line.
	lines := bufio.NewScanner(conn)
	lines.Buffer(nil, maxLine+len("\r\n")) // lines.go: bounded lines,
	lines.Split(wholeLines)                // and only whole ones
	session := startSession(cfg.Session)   // session.go: a bounded stay
	for {
		// Every line restarts the clock. The deadline covers writes too:
		// a client that stops reading cannot hold us either.
		session.setDeadlines(conn, cfg.Idle)
		if !lines.Scan() {
			break // the client left, went silent, or we stop; or too long
		}
		reply := todo.reply(lines.Text())
		if _, err := io.WriteString(conn, reply+"\r\n"); err != nil {
			return // the client is gone
		}
	}
	if lines.Err() == bufio.ErrTooLong {
		hangUp(conn, "error: line too long") // lines.go
	} else {
		session.end(conn) // says why, if the session is over
	}
}
