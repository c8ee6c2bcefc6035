package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The benchmarks time round trips over loopback: a client sends a request,
// or a batch of them, and reads the replies before it sends more.

func BenchmarkGet(b *testing.B) {
	benchmarkRoundTrips(b, "GET/task_01/status\n", 1)
}

func BenchmarkPost(b *testing.B) {
	benchmarkRoundTrips(b, "POST/task_04=go shopping/status\n", 1)
}

func BenchmarkGetPipelined(b *testing.B) {
	benchmarkRoundTrips(b, "GET/task_01/status\n", 64)
}

// benchmarkRoundTrips sends batch copies of request in each write, reads
// the replies, and reports the time per request.
func benchmarkRoundTrips(b *testing.B, request string, batch int) {
	addr, _ := startServer(b, config())
	conn := dial(b, addr)
	r := bufio.NewReader(conn)
	requests := []byte(strings.Repeat(request, batch))
	for b.Loop() {
		if _, err := conn.Write(requests); err != nil {
			b.Fatal(err)
		}
		for range batch {
			if _, err := r.ReadSlice('\n'); err != nil {
				b.Fatal(err)
			}
		}
	}
	perRequest := b.Elapsed() / time.Duration(b.N*batch)
	b.ReportMetric(float64(perRequest.Nanoseconds()), "ns/request")
}

// BenchmarkConnections compares the pool with step04's goroutine per
// connection. Each client connects, sends a GET, reads the reply and
// hangs up, again and again: with connections that end, the pool serves
// any number of clients in turn.
func BenchmarkConnections(b *testing.B) {
	for _, design := range []struct {
		name  string
		serve func(context.Context, net.Listener) error
	}{
		{"pool", func(ctx context.Context, ln net.Listener) error {
			return Serve(ctx, ln, config())
		}},
		{"goroutines", serveGoroutines},
	} {
		for _, clients := range []int{1, 8, 64} {
			name := fmt.Sprintf("%s/clients=%d", design.name, clients)
			b.Run(name, func(b *testing.B) {
				benchmarkConnections(b, design.serve, clients)
			})
		}
	}
}

func benchmarkConnections(b *testing.B,
	serve func(context.Context, net.Listener) error, clients int) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(b, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln) }()
	defer func() { cancel(); require.NoError(b, <-done) }()

	var left atomic.Int64 // connections still to make
	left.Store(int64(b.N))
	b.ResetTimer()
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for left.Add(-1) >= 0 {
				if err := getOnce(ln.Addr().String()); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// getOnce connects to addr, asks for task_01 and hangs up.
func getOnce(addr string) error {
	conn, err := net.DialTimeout("tcp", addr, arrives)
	if err != nil {
		return err
	}
	defer conn.Close()
	// Hang up with a reset, not the usual goodbye, which would leave a
	// socket in TIME_WAIT for a minute after each connection: by the
	// hundred thousand, they slow down every connect that follows.
	conn.(*net.TCPConn).SetLinger(0)
	conn.SetDeadline(time.Now().Add(arrives))
	if _, err := io.WriteString(conn, "GET/task_01/status\n"); err != nil {
		return err
	}
	_, err = bufio.NewReader(conn).ReadSlice('\n')
	return err
}

// serveGoroutines is step04's Serve, a goroutine per connection, for
// BenchmarkConnections to compare with.
func serveGoroutines(ctx context.Context, ln net.Listener) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(ctx, func() { ln.Close() })
	defer stop()

	todo := newStore(10000, 64<<20)
	for {
		conn, err := accept(ctx, ln)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		wg.Go(func() { handle(ctx, conn, todo, config()) })
	}
}
