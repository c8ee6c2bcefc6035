package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log"
	"net"
	"runtime/debug"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"
)

// maxLine is the longest request line, in bytes, not counting its line
// ending. A longer one gets errLineTooLong, and the server hangs up.
const maxLine = 4096

// idleTimeout is how long a connection may stay silent before the server
// hangs up, as the original's settimeout(60). main sets it from -idle.
var idleTimeout = 60 * time.Second

var errLineTooLong = errors.New("line too long")

// workers is how many connections are served at once, as the original's
// Pool(5). main sets it from -workers.
var workers = 5

// Serve serves connections on ln with a fixed pool of workers, until ctx
// is cancelled. Each worker accepts a connection, serves it to the end,
// and accepts the next; while every worker is busy, new connections wait
// in the kernel's listen backlog, accepted by nobody. Every connection
// shares one TODO list. Serve returns nil when it was told to stop, and
// only once every worker has returned.
func Serve(ctx context.Context, ln net.Listener) error {
	// The workers share one lifecycle: ctx is cancelled when the caller
	// cancels it, when a worker returns an error, or when Wait returns.
	// Its cancel closes the listener, which stops every idle worker, and
	// every live connection (see handle), which frees the busy ones.
	g, ctx := errgroup.WithContext(ctx)

	// Accept blocks; closing the listener is the only way to wake it.
	// This ctx, not the caller's: once it closes ln, ctx.Err() in work
	// is certain to be set, whereas the cancel of the caller's ctx
	// reaches the ctx derived from it a moment later.
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore() // one list for every worker: hence its mutex
	for range workers {
		g.Go(func() error { return work(ctx, ln, todo) })
	}
	return g.Wait()
}

// work is one worker: it accepts a connection, serves it until it ends,
// and accepts the next, until the server stops.
func work(ctx context.Context, ln net.Listener, todo *store) error {
	// Once stopping, accept nobody else: the listener may not be closed
	// yet when the connection we served is.
	for ctx.Err() == nil {
		conn, err := accept(ctx, ln)
		if err != nil {
			if ctx.Err() != nil {
				return nil // we closed the listener: a clean stop
			}
			return err // an error that waiting would not cure
		}
		serveConn(ctx, conn, todo) // meanwhile, this worker accepts nobody
	}
	return nil
}

// serveConn runs handler on conn and survives its panic: the panic is
// logged, conn is closed, and the worker goes on to the next connection,
// as net/http does for each request. errgroup does not do this for us: a
// panic in a function given to Group.Go ends the whole program, as in
// any goroutine. (golang.org/x/sync v0.14.0 and v0.15.0 recovered it and
// panicked again in Wait; v0.16.0 reverted that: go.dev/cl/682935.)
func serveConn(ctx context.Context, conn net.Conn, todo *store) {
	defer func() {
		if p := recover(); p != nil {
			log.Printf("%s panic: %v\n%s",
				conn.RemoteAddr(), p, debug.Stack())
			conn.Close()
		}
	}()
	handler(ctx, conn, todo)
}

// handler serves one connection. It is a variable only so that a test
// can make it panic; the protocol itself has no input that panics.
var handler = handle

// accept returns the next connection of ln, as ln.Accept does, but rides
// out a shortage. A process that has used up its file descriptors ("too
// many open files") cannot accept a client until one of its connections
// closes; meanwhile the client waits in the listen backlog. So when Accept
// fails for want of something that comes back, accept logs the error and
// tries again later: after 5ms, then twice as long each time, at most a
// second, as net/http's Server.Serve does; each call starts at 5ms. It
// returns any other error at once, and ctx's error if ctx is cancelled
// while it waits.
func accept(ctx context.Context, ln net.Listener) (net.Conn, error) {
	wait := 5 * time.Millisecond
	for {
		conn, err := ln.Accept()
		if err == nil || !retryable(err) {
			return conn, err
		}
		log.Printf("%v; retrying in %v", err, wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done(): // stopping: don't make the shutdown wait
			return nil, ctx.Err()
		}
		wait = min(2*wait, time.Second)
	}
}

// retryable reports whether Accept failed for want of something that
// comes back by itself: file descriptors, in the process (EMFILE) or in
// the system (ENFILE), or memory for the new socket (ENOBUFS, ENOMEM).
// ECONNABORTED, a client that left before we accepted it, is retried too.
func retryable(err error) bool {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return false
	}
	switch errno {
	case syscall.EMFILE, syscall.ENFILE,
		syscall.ENOBUFS, syscall.ENOMEM, syscall.ECONNABORTED:
		return true
	}
	return false
}

// handle answers each request line of conn with one reply line, in order,
// until the client leaves, stays silent for idleTimeout, sends a line
// longer than maxLine, or the server stops.
func handle(ctx context.Context, conn net.Conn, todo *store) {
	log.Printf("%s connected", conn.RemoteAddr())
	defer log.Printf("%s closed", conn.RemoteAddr())
	defer conn.Close()

	// A client that never sends would keep Read, and so the server,
	// waiting forever. Closing the connection on shutdown wakes Read.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	// TCP delivers a stream of bytes, not messages: one Read may return
	// half a line, or three lines. The reader collects bytes until "\n";
	// its buffer holds the longest line we accept, and its line ending.
	// Replies are short, and an idle connection keeps both buffers, so
	// the writer's is small.
	r := bufio.NewReaderSize(conn, maxLine+len("\r\n"))
	w := bufio.NewWriterSize(conn, 1024)
	for {
		// Every line restarts the clock. The deadline covers writes too:
		// a client that stops reading cannot hold us either.
		conn.SetDeadline(time.Now().Add(idleTimeout))
		line, err := readLine(r)
		if errors.Is(err, errLineTooLong) {
			w.WriteString("error: line too long\r\n")
			w.Flush()
			hangUp(conn)
			return
		}
		if err != nil {
			return // the client left (io.EOF), went silent, or we stop
		}
		w.WriteString(todo.reply(string(line)) + "\r\n")
		if lineBuffered(r) {
			continue // pipelined: answer it too, then write both at once
		}
		if err := w.Flush(); err != nil {
			return // the client is gone
		}
	}
}

// readLine returns the next line of r without its "\n" or "\r\n". A last
// line cut short by the end of the stream is returned as if it had its
// "\n" (printf 'GET/task_01/status' | nc gets its answer); the next call
// returns io.EOF. The line is valid until the next read from r.
func readLine(r *bufio.Reader) ([]byte, error) {
	line, err := r.ReadSlice('\n')
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return nil, errLineTooLong
	case err == io.EOF && len(line) > 0:
		// a last line without its "\n": serve it
	case err != nil:
		return nil, err
	}
	line = bytes.TrimSuffix(line, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	if len(line) > maxLine {
		return nil, errLineTooLong
	}
	return line, nil
}

// lineBuffered reports whether r holds a whole line, which readLine can
// return without waiting for the client. Replies wait in the writer only
// while there is one: never sit on a reply while the client waits for it.
func lineBuffered(r *bufio.Reader) bool {
	buf, _ := r.Peek(r.Buffered())
	return bytes.IndexByte(buf, '\n') >= 0
}

// hangUp lets the client read our last reply before conn is closed.
// Closing a connection while input is still unread makes TCP reset it,
// and a reset may destroy the reply before the client has read it. So
// hangUp says "no more from us" (the client reads the reply, then EOF),
// and discards what the client still sends, for a second at most.
func hangUp(conn net.Conn) {
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.CloseWrite()
	}
	conn.SetReadDeadline(time.Now().Add(time.Second))
	io.Copy(io.Discard, conn) // NOTE: ignoring errors: we close next
}
