// Command timeline shows who a server serves when. It starts a number of
// clients at the same moment; each connects, sends one request, waits for
// the reply, keeps the connection open for a while and hangs up. Then it
// draws one row per client on a shared time axis, so that a server that
// serves one client at a time draws a staircase and a concurrent one draws
// a block.
//
//	go run ./tools/timeline -addr 127.0.0.1:9000 -clients 5 -hold 300ms
//	go run ./tools/timeline -proto todo -clients 5 -hold 300ms
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// requests are what a client sends, by protocol: one line, answered by
// one line.
var requests = map[string]func(client int) string{
	"echo": func(client int) string {
		return fmt.Sprintf("hello from client %d\n", client)
	},
	"todo": func(int) string { return "GET/task_01/status\n" },
}

// maxClients keeps a typo from opening more connections than a chart can
// show.
const maxClients = 1000

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "address of the server")
	clients := flag.Int("clients", 5, "clients started at the same moment")
	hold := flag.Duration("hold", 300*time.Millisecond,
		"how long each client keeps its connection after the reply")
	proto := flag.String("proto", "echo", "request to send: echo or todo")
	timeout := flag.Duration("timeout", 10*time.Second,
		"give up on clients not answered by then")
	width := flag.Int("width", 60, "columns of the time axis")
	flag.Parse()
	switch _, ok := requests[*proto]; {
	case !ok:
		log.Fatalf("-proto %q: want echo or todo", *proto)
	case *clients < 1 || *clients > maxClients:
		log.Fatalf("-clients %d: want 1 to %d", *clients, maxClients)
	case *width < 1:
		log.Fatalf("-width %d: want at least 1", *width)
	}

	// Ctrl-C gives up early; the chart still shows what happened so far.
	ctx, stop := signal.NotifyContext(context.Background(),
		os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithTimeoutCause(ctx, *timeout,
		fmt.Errorf("no reply within %s", *timeout))
	defer cancel()

	fmt.Printf("%d clients, %s to %s, each holding %s after its reply\n",
		*clients, *proto, *addr, *hold)
	recs := run(ctx, *addr, *proto, *clients, *hold)
	fmt.Print(draw(recs, *width, *hold))
	if unanswered(recs) > 0 {
		os.Exit(1)
	}
}

// never marks a moment that did not happen.
const never time.Duration = -1

// A record is what happened to one client, in time since all started.
type record struct {
	client    int           // numbered from 1
	connected time.Duration // never if the dial failed
	answered  time.Duration // never if no reply came
	closed    time.Duration // when the client hung up
	hungUp    bool          // the server hung up first
	err       error         // why it was not answered
}

// run starts n clients at the same moment and returns what happened to
// each, in client order. It returns once every client has hung up; a
// client still waiting when ctx is done gives up then.
func run(ctx context.Context, addr, proto string, n int,
	hold time.Duration) []record {
	recs := make([]record, n)
	start := make(chan struct{}) // closed: all clients go at once
	var t0 time.Time
	var wg sync.WaitGroup
	for i := range recs {
		wg.Go(func() {
			<-start
			recs[i] = visit(ctx, addr, requests[proto](i+1), hold, t0)
			recs[i].client = i + 1
		})
	}
	t0 = time.Now() // written before close(start), read after <-start
	close(start)
	wg.Wait()
	return recs
}

// visit is one client: connect, send req, wait for one line, hold, close.
func visit(ctx context.Context, addr, req string, hold time.Duration,
	t0 time.Time) (rec record) {
	rec = record{connected: never, answered: never}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		rec.err = why(ctx, err)
		rec.closed = time.Since(t0)
		return rec
	}
	rec.connected = time.Since(t0)
	// Noted before Close, so that no server sees the hang-up earlier.
	defer func() { rec.closed = time.Since(t0); conn.Close() }()

	// Reads and writes block; closing the connection is what wakes them
	// when we give up.
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()

	if _, err := conn.Write([]byte(req)); err != nil {
		rec.err = why(ctx, err)
		return rec
	}
	// A reply longer than the buffer still counts as a reply.
	_, err = bufio.NewReaderSize(conn, 4096).ReadSlice('\n')
	if err != nil && err != bufio.ErrBufferFull {
		rec.err = why(ctx, err)
		return rec
	}
	rec.answered = time.Since(t0)

	// Hold the connection, reading, so as to notice a server that hangs
	// up first (a read deadline is how holding ends).
	conn.SetReadDeadline(time.Now().Add(hold))
	_, err = io.Copy(io.Discard, conn)
	var ne net.Error
	if ctx.Err() == nil && !(errors.As(err, &ne) && ne.Timeout()) {
		rec.hungUp = true
	}
	return rec
}

// why says why a client failed: if we gave up, that is the reason, not
// the "use of closed connection" it caused.
func why(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return err
}

func unanswered(recs []record) int {
	n := 0
	for _, r := range recs {
		if r.answered == never {
			n++
		}
	}
	return n
}
