package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Waits for something that must arrive are generous, so that a busy
// machine does not fail a correct server; the wait for something that must
// not arrive is short, because it is spent on every run.
const (
	arrives    = 5 * time.Second
	nothingFor = 200 * time.Millisecond
)

func TestMain(m *testing.M) {
	log.SetOutput(io.Discard) // the server logs every connection
	goleak.VerifyTestMain(m)
}

func TestAnswersEachRequest(t *testing.T) {
	t.Parallel()
	addr, _ := startServer(t, config())
	conn := dial(t, addr)
	for _, tt := range []struct{ name, line, want string }{
		{"a GET answers the task", "GET/task_01/status", "see someone"},
		{"a GET of an unknown id answers no key match",
			"GET/task_04/status", "no key match"},
		{"a POST answers submit success",
			"POST/task_04=go shopping/status", "submit success"},
		{"a GET answers what was posted",
			"GET/task_04/status", "go shopping"},
		{"a POST replaces a task",
			"POST/task_01=see nobody/status", "submit success"},
		{"a GET answers the new value", "GET/task_01/status", "see nobody"},
		{"ids and values are UTF-8 text",
			"POST/任务_04=去买菜/status", "submit success"},
		{"a GET answers them as they came", "GET/任务_04/status", "去买菜"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			send(t, conn, tt.line+"\n")
			if got := receive(t, conn); got != tt.want {
				t.Errorf("sent %q, got %q; want %q", tt.line, got, tt.want)
			}
		})
	}
}

func TestEveryConnectionSharesTheTasks(t *testing.T) {
	t.Parallel()
	addr, _ := startServer(t, config())
	a, b := dial(t, addr), dial(t, addr)

	send(t, a, "POST/task_04=go shopping/status\n")
	assert.Equal(t, "submit success", receive(t, a))

	send(t, b, "GET/task_04/status\n")
	assert.Equal(t, "go shopping", receive(t, b))
}

func TestAnswersBadLinesAndStoresNothing(t *testing.T) {
	t.Parallel()
	addr, _ := startServer(t, config())
	conn := dial(t, addr)
	for _, tt := range parseTests {
		if tt.err == nil {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			send(t, conn, tt.line+"\n")
			want := "error: " + tt.err.Error()
			if got := receive(t, conn); got != want {
				t.Errorf("sent %q, got %q; want %q", tt.line, got, want)
			}
		})
	}

	// The connection is still open, and the tasks are as they were.
	for id, want := range map[string]string{
		"task_01": "see someone",
		"task_04": "no key match",
		"":        "error: " + errGetID.Error(),
	} {
		line := "GET/" + id + "/status"
		send(t, conn, line+"\n")
		if got := receive(t, conn); got != want {
			t.Errorf("after the bad lines, sent %q, got %q; want %q", line, got, want)
		}
	}
}

func TestServesManyClientsInTurn(t *testing.T) {
	t.Parallel()
	const clients, rounds = 50, 20
	addr, _ := startServer(t, config())
	var wg sync.WaitGroup
	for i := range clients {
		conn := dial(t, addr)
		wg.Go(func() {
			defer conn.Close() // and so frees its worker for the next
			// Each client posts its own task and reads it back, and
			// reads a task that nobody writes.
			id := fmt.Sprintf("client_%d", i)
			for j := range rounds {
				value := fmt.Sprintf("round %d", j)
				send(t, conn, "POST/"+id+"="+value+"/status\n"+
					"GET/"+id+"/status\nGET/task_02/status\n")
				assert.Equal(t, "submit success", receive(t, conn))
				assert.Equal(t, value, receive(t, conn))
				assert.Equal(t, "read book", receive(t, conn))
			}
		})
	}
	wg.Wait()
}

// config is main's defaults; a test changes what it needs in its copy.
func config() Config {
	return Config{Workers: 5, Idle: time.Minute, Session: time.Minute,
		MaxTasks: 10000, MaxBytes: 64 << 20}
}

// startServer serves on a fresh loopback port until stop is called or the
// test ends.
func startServer(t testing.TB, cfg Config) (addr string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return ln.Addr().String(), serve(t, ln, cfg)
}

// serve runs Serve on ln until stop is called or the test ends. stop
// cancels Serve and checks that it returns nil, and promptly.
func serve(t testing.TB, ln net.Listener, cfg Config) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, cfg) }()
	stop = sync.OnceFunc(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(arrives):
			t.Error("Serve did not return after cancel")
		}
	})
	t.Cleanup(stop)
	return stop
}

// dial connects to addr; the connection is closed when the test ends.
func dial(t testing.TB, addr string) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, arrives)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}

func send(t *testing.T, conn net.Conn, msg string) {
	t.Helper()
	_, err := conn.Write([]byte(msg))
	require.NoError(t, err)
}

// receive reads one reply line from conn, checks that it ends with
// "\r\n", and returns it without. It reads a byte at a time, so that
// nothing after the line is taken from conn.
func receive(t *testing.T, conn net.Conn) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(arrives))
	var line []byte
	b := make([]byte, 1)
	for !strings.HasSuffix(string(line), "\n") {
		if _, err := conn.Read(b); err != nil {
			t.Fatalf("waiting for a reply line, got %q: %v", line, err)
		}
		line = append(line, b[0])
	}
	require.True(t, strings.HasSuffix(string(line), "\r\n"),
		"%q does not end with \\r\\n", line)
	return strings.TrimSuffix(string(line), "\r\n")
}

// nothingArrives checks that conn receives nothing for a short while.
func nothingArrives(t *testing.T, conn net.Conn) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(nothingFor))
	n, err := conn.Read(make([]byte, 64))
	assert.Zero(t, n, "no reply was expected")
	assert.True(t, isTimeout(err), "expected a timeout, got %v", err)
}

// hungUp checks that the server closes conn, without a further reply.
func hungUp(t *testing.T, conn net.Conn) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(arrives))
	n, err := conn.Read(make([]byte, 64))
	assert.Zero(t, n, "no reply was expected")
	assert.Error(t, err) // io.EOF, or a reset
	assert.False(t, isTimeout(err), "the server should have hung up")
}

func isTimeout(err error) bool {
	var ne net.Error
	return err != nil && errors.As(err, &ne) && ne.Timeout()
}
