package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Long enough to stand out from scheduling noise on a busy machine.
const hold = 300 * time.Millisecond

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestOneAtATimeServerAnswersEachClientAfterThePreviousLeft(t *testing.T) {
	addr := startServer(t, false, echoLines)

	recs := run(context.Background(), addr, "echo", 3, hold)

	require.Zero(t, unanswered(recs), "%+v", recs)
	rows := inOrderServed(recs)
	for i := 1; i < len(rows); i++ {
		assert.GreaterOrEqual(t, rows[i].answered, rows[i-1].closed,
			"client %d was answered before client %d hung up",
			rows[i].client, rows[i-1].client)
	}
}

func TestConcurrentServerAnswersEveryClientAtOnce(t *testing.T) {
	addr := startServer(t, true, echoLines)

	recs := run(context.Background(), addr, "echo", 5, hold)

	require.Zero(t, unanswered(recs), "%+v", recs)
	rows := inOrderServed(recs)
	for _, r := range rows {
		// Every client is answered while the first is still holding.
		assert.Less(t, r.answered, rows[0].closed, "client %d", r.client)
	}
}

func TestSendsTheRequestOfTheProtocol(t *testing.T) {
	for _, tt := range []struct {
		proto, want string
	}{
		{"echo", "hello from client 1\n"},
		{"todo", "GET/task_01/status\n"},
	} {
		t.Run(tt.proto+" sends "+tt.want, func(t *testing.T) {
			got := make(chan string, 1)
			addr := startServer(t, false, func(c net.Conn) {
				r := bufio.NewReader(c)
				line, _ := r.ReadString('\n')
				io.WriteString(c, "ok\r\n")
				rest, _ := io.ReadAll(r) // until the client hangs up
				got <- line + string(rest)
			})

			recs := run(context.Background(), addr, tt.proto, 1, 0)

			assert.Equal(t, tt.want, <-got, "and nothing more")
			assert.Zero(t, unanswered(recs), "%+v", recs)
		})
	}
}

func TestGivesUpOnClientsNeverAnswered(t *testing.T) {
	// A serial server stuck on its first client: the others are accepted
	// by the kernel but never served.
	addr := startServer(t, false, func(c net.Conn) { io.Copy(io.Discard, c) })
	ctx, cancel := context.WithTimeoutCause(context.Background(),
		hold, errGaveUp)
	defer cancel()

	begin := time.Now()
	recs := run(ctx, addr, "echo", 3, hold)

	assert.Less(t, time.Since(begin), arrives, "run did not stop")
	assert.Equal(t, 3, unanswered(recs))
	for _, r := range recs {
		assert.NotEqual(t, never, r.connected, "client %d", r.client)
		assert.ErrorIs(t, r.err, errGaveUp, "client %d", r.client)
	}
}

func TestReportsClientsThatCannotConnect(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	ln.Close() // nobody listens there any more

	recs := run(context.Background(), addr, "echo", 2, hold)

	for _, r := range recs {
		assert.Equal(t, never, r.connected)
		assert.Equal(t, never, r.answered)
		assert.Error(t, r.err)
	}
}

func TestNoticesAServerThatHangsUpFirst(t *testing.T) {
	addr := startServer(t, false, func(c net.Conn) {
		bufio.NewReader(c).ReadString('\n')
		io.WriteString(c, "bye\n") // and startServer hangs up
	})

	recs := run(context.Background(), addr, "echo", 1, arrives)

	require.Zero(t, unanswered(recs), "%+v", recs)
	assert.True(t, recs[0].hungUp)
	assert.Less(t, recs[0].closed, arrives, "the client held on")
}

func TestHoldsWhenTheServerDoesNot(t *testing.T) {
	addr := startServer(t, true, echoLines)

	recs := run(context.Background(), addr, "echo", 1, hold)

	require.Zero(t, unanswered(recs), "%+v", recs)
	assert.False(t, recs[0].hungUp)
	assert.GreaterOrEqual(t, recs[0].closed-recs[0].answered, hold)
}

// arrives bounds waits for something that must happen.
const arrives = 5 * time.Second

var errGaveUp = errors.New("gave up")

// echoLines sends back each line it reads, until the client leaves.
func echoLines(c net.Conn) { io.Copy(c, c) }

// startServer serves each connection with serve, one at a time, or each
// in its own goroutine if concurrent. Everything stops when the test ends.
func startServer(t *testing.T, concurrent bool, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var mu sync.Mutex
	conns := map[net.Conn]bool{}
	var wg sync.WaitGroup
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns[c] = true
			mu.Unlock()
			handle := func() { defer c.Close(); serve(c) }
			if concurrent {
				wg.Go(handle)
			} else {
				handle()
			}
		}
	})
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return ln.Addr().String()
}
