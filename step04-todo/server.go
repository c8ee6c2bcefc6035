package main

import (
	"bufio"
	"context"
	"io"
	"log"
	"net"
	"sync"
	"time"
)

// Config says how Serve serves; main fills it from the flags.
type Config struct {
	Idle     time.Duration // hang up on a client silent this long
	MaxTasks int           // store at most this many tasks (bound.go),
	MaxBytes int           // and this many bytes of ids and values
}

// Serve accepts connections on ln and serves each in a goroutine of its
// own, until ctx is cancelled; they all share one TODO list. It returns
// nil when it was told to stop, and only once every handler has returned.
func Serve(ctx context.Context, ln net.Listener, cfg Config) error {
	// However Serve returns, it cancels ctx, closing every connection,
	// then waits for the handlers: deferred calls run in reverse order.
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Accept blocks; closing the listener is the only way to wake it.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(cfg.MaxTasks, cfg.MaxBytes)
	for {
		conn, err := accept(ctx, ln) // accept.go: rides out a flood
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err // an error that waiting would not cure
		}
		wg.Go(func() { handle(ctx, conn, todo, cfg) }) // and on to the next Accept
	}
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
	for {
		// Every line restarts the clock. The deadline covers writes too:
		// a client that stops reading cannot hold us either.
		conn.SetDeadline(time.Now().Add(cfg.Idle))
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
	}
}
