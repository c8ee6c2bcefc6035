package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
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
	addr, _ := startServer(t)
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
	} {
		t.Run(tt.name, func(t *testing.T) {
			send(t, conn, tt.line+"\n")
			assert.Equal(t, tt.want, receive(t, conn))
		})
	}
}

func TestEveryConnectionSharesTheTasks(t *testing.T) {
	addr, _ := startServer(t)
	a, b := dial(t, addr), dial(t, addr)

	send(t, a, "POST/task_04=go shopping/status\n")
	assert.Equal(t, "submit success", receive(t, a))

	send(t, b, "GET/task_04/status\n")
	assert.Equal(t, "go shopping", receive(t, b))
}

func TestAnswersPipelinedRequestsInOrder(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "GET/task_01/status\nGET/task_02/status\n"+
		"POST/task_04=x/status\nGET/task_04/status\nGET/task_03/status\n")

	for _, want := range []string{"see someone", "read book",
		"submit success", "x", "play basketball"} {
		assert.Equal(t, want, receive(t, conn))
	}
}

func TestReadsARequestSplitAcrossWrites(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "GET/tas")
	nothingArrives(t, conn) // half a request is not a request
	send(t, conn, "k_01/status\n")
	assert.Equal(t, "see someone", receive(t, conn))
}

func TestAnswersWholeLinesBeforeWaitingForTheNext(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "GET/task_01/status\nGET/tas")
	assert.Equal(t, "see someone", receive(t, conn))
	send(t, conn, "k_02/status\n")
	assert.Equal(t, "read book", receive(t, conn))
}

func TestLineEndings(t *testing.T) {
	for _, tt := range []struct{ name, send, want string }{
		{"LF ends a line", "GET/task_01/status\n", "see someone"},
		{"CRLF ends a line", "GET/task_01/status\r\n", "see someone"},
		{"a CR elsewhere is part of the line",
			"GET/task\r01/status\r\n", "no key match"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			addr, _ := startServer(t)
			conn := dial(t, addr)
			send(t, conn, tt.send)
			assert.Equal(t, tt.want, receive(t, conn))
		})
	}
}

func TestAnswersALastLineWithoutNewline(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "GET/task_01/status") // as printf '...' | nc does
	require.NoError(t, conn.(*net.TCPConn).CloseWrite())

	assert.Equal(t, "see someone", receive(t, conn))
	hungUp(t, conn)
}

func TestStoresUTF8(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "POST/任务_04=去买菜/status\n")
	assert.Equal(t, "submit success", receive(t, conn))
	send(t, conn, "GET/任务_04/status\n")
	assert.Equal(t, "去买菜", receive(t, conn))
}

func TestAnswersBadLinesAndStoresNothing(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	for _, tt := range parseTests {
		if tt.err == nil {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			send(t, conn, tt.line+"\n")
			assert.Equal(t, "error: "+tt.err.Error(), receive(t, conn))
		})
	}

	// The connection is still open, and the tasks are as they were.
	for id, want := range map[string]string{
		"task_01": "see someone",
		"task_04": "no key match",
		"":        "error: " + errGetID.Error(),
	} {
		send(t, conn, "GET/"+id+"/status\n")
		assert.Equal(t, want, receive(t, conn), id)
	}
}

func TestLineLength(t *testing.T) {
	// post returns a POST line of exactly n bytes, and its value.
	post := func(n int) (line, value string) {
		value = strings.Repeat("a", n-len("POST/big=/status"))
		return "POST/big=" + value + "/status", value
	}

	for _, end := range []string{"\n", "\r\n"} {
		t.Run(fmt.Sprintf("%d bytes and %q are fine", maxLine, end),
			func(t *testing.T) {
				addr, _ := startServer(t)
				conn := dial(t, addr)
				line, value := post(maxLine)

				send(t, conn, line+end)
				assert.Equal(t, "submit success", receive(t, conn))
				send(t, conn, "GET/big/status"+end)
				assert.Equal(t, value, receive(t, conn))
			})
	}

	for _, n := range []int{maxLine + 1, 3 * maxLine} {
		t.Run(fmt.Sprintf("%d bytes get an error and a hang-up", n),
			func(t *testing.T) {
				addr, _ := startServer(t)
				conn := dial(t, addr)
				line, _ := post(n)

				send(t, conn, line+"\nGET/big/status\n")
				assert.Equal(t, "error: line too long", receive(t, conn))
				hungUp(t, conn)

				conn = dial(t, addr)
				send(t, conn, "GET/big/status\n")
				assert.Equal(t, "no key match", receive(t, conn))
			})
	}
}

func TestHangsUpOnAnIdleConnection(t *testing.T) {
	setIdleTimeout(t, 100*time.Millisecond)
	addr, _ := startServer(t)
	conn := dial(t, addr)

	send(t, conn, "GET/task_01/status\n")
	assert.Equal(t, "see someone", receive(t, conn))
	hungUp(t, conn) // within arrives, that is: long before the default
}

func TestEachLineRestartsTheIdleClock(t *testing.T) {
	const idle = 500 * time.Millisecond
	setIdleTimeout(t, idle)
	addr, _ := startServer(t)
	conn := dial(t, addr)

	// The client pauses for a quarter of the timeout between requests:
	// the connection outlives the timeout, and stays open.
	end := time.Now().Add(2 * idle)
	var last time.Time
	for {
		send(t, conn, "GET/task_01/status\n")
		assert.Equal(t, "see someone", receive(t, conn))
		last = time.Now()
		if last.After(end) {
			break
		}
		time.Sleep(idle / 4)
	}
	hungUp(t, conn)
	assert.Greater(t, time.Since(last), idle/2, "hung up too early")
}

func TestServesManyClientsAtOnce(t *testing.T) {
	const clients, rounds = 50, 20
	addr, _ := startServer(t)
	var wg sync.WaitGroup
	for i := range clients {
		conn := dial(t, addr)
		wg.Go(func() {
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

func TestStopsWithClientsConnected(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged) // each handler logs "<addr> closed" as it returns
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	addr, stop := startServer(t)
	var conns []net.Conn
	for range 10 {
		conn := dial(t, addr)
		send(t, conn, "GET/task_01/status\n")
		receive(t, conn) // its handler is running
		conns = append(conns, conn)
	}

	stop() // fails the test unless Serve returns promptly

	assert.Equal(t, 10, strings.Count(logged.String(), " closed\n"),
		"Serve returned before every handler had")
	goleak.VerifyNone(t) // and not one goroutine is left
	for _, conn := range conns {
		conn.SetReadDeadline(time.Now().Add(arrives))
		_, err := conn.Read(make([]byte, 16))
		assert.ErrorIs(t, err, io.EOF, "the server should have hung up")
	}
}

func TestClosesEveryConnectionWhenAcceptFails(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- Serve(context.Background(), ln) }()
	conn := dial(t, ln.Addr().String())
	send(t, conn, "GET/task_01/status\n")
	receive(t, conn) // its handler is running

	ln.Close() // Accept fails, and nobody told Serve to stop

	select {
	case err := <-done:
		assert.ErrorIs(t, err, net.ErrClosed)
	case <-time.After(arrives):
		t.Fatal("Serve did not return")
	}
	conn.SetReadDeadline(time.Now().Add(arrives))
	_, err = conn.Read(make([]byte, 16))
	assert.ErrorIs(t, err, io.EOF, "the server should have hung up")
}

func TestRetriesAnAcceptThatRanShort(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged) // Serve logs each wait
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	fl := faultyListener{ln, make(chan error)}
	stop := serve(t, fl)
	addr := ln.Addr().String()

	fl.next(t, nil) // accepts a client, which stores a task
	assert.Equal(t, "submit success",
		ask(t, addr, "POST/task_04=go shopping/status"))

	fl.next(t, acceptError(syscall.EMFILE)) // Serve waits 5ms
	fl.next(t, acceptError(syscall.ENFILE)) // then 10ms
	fl.next(t, nil)                         // and accepts a client
	assert.Equal(t, "go shopping", ask(t, addr, "GET/task_04/status"))

	fl.next(t, acceptError(syscall.ECONNABORTED)) // 5ms: it accepted
	close(fl.errs)                                // and from now on, it does
	assert.Equal(t, "go shopping", ask(t, addr, "GET/task_04/status"))

	stop()
	var waits []string // one line per wait
	for line := range strings.Lines(logged.String()) {
		if _, wait, ok := strings.Cut(line, "; retrying in "); ok {
			waits = append(waits, strings.TrimSpace(wait))
		}
	}
	assert.Equal(t, []string{"5ms", "10ms", "5ms"}, waits)
	assert.Contains(t, logged.String(),
		"accept tcp: accept4: too many open files; retrying in 5ms\n")
}

func TestStopsWhileWaitingToRetry(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	fl := faultyListener{ln, make(chan error)}
	stop := serve(t, fl)

	// Seven failures in a row: Serve now waits 320ms before it calls
	// Accept again, and that Accept would wait for errs forever.
	for range 7 {
		fl.next(t, acceptError(syscall.EMFILE))
	}

	stop() // fails the test unless Serve returns without that Accept
	close(fl.errs)
}

func TestRetriesOnlyWhatGoesAway(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want bool
	}{
		{acceptError(syscall.EMFILE), true},
		{acceptError(syscall.ENFILE), true},
		{acceptError(syscall.ENOBUFS), true},
		{acceptError(syscall.ENOMEM), true},
		{acceptError(syscall.ECONNABORTED), true},
		{acceptError(syscall.EBADF), false},
		{acceptError(syscall.EINVAL), false},
		{net.ErrClosed, false},
		{errors.New("something else"), false},
	} {
		assert.Equal(t, tt.want, retryable(tt.err), "%v", tt.err)
	}
}

// TestSurvivesAFloodUnderAFileLimit runs the server as its own program,
// allowed 48 open files, and connects 150 clients at once.
func TestSurvivesAFloodUnderAFileLimit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("sets the file limit with bash's ulimit, tested on Linux")
	}
	bin := filepath.Join(t.TempDir(), "server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	t.Run("and keeps its tasks", func(t *testing.T) {
		srv := startLimited(t, bin)
		conn := dial(t, srv.addr)
		send(t, conn, "POST/task_04=go shopping/status\n")
		assert.Equal(t, "submit success", receive(t, conn))

		conns := flood(t, srv.addr)
		srv.waitFor(t, "too many open files; retrying in")
		for _, conn := range conns {
			conn.Close()
		}

		conn = dial(t, srv.addr) // waits behind the flood's last clients
		send(t, conn, "GET/task_04/status\n")
		assert.Equal(t, "go shopping", receive(t, conn))
	})

	t.Run("and stops while it waits to retry", func(t *testing.T) {
		srv := startLimited(t, bin)
		flood(t, srv.addr)
		srv.waitFor(t, "too many open files; retrying in")

		require.NoError(t, srv.cmd.Process.Signal(syscall.SIGTERM))
		select {
		case <-srv.exited:
			assert.NoError(t, srv.err, "the server should exit with status 0")
		case <-time.After(arrives):
			t.Fatal("the server did not exit")
		}
	})
}

// limitedServer is the server run as a program of its own.
type limitedServer struct {
	addr   string
	cmd    *exec.Cmd
	log    chan string   // the lines it logs
	exited chan struct{} // closed when it has exited
	err    error         // then, what cmd.Wait returned
}

// startLimited starts the program bin with a limit of 48 open files,
// stdin, stdout and stderr included. The test ends it if it is running.
func startLimited(t *testing.T, bin string, args ...string) *limitedServer {
	t.Helper()
	args = append([]string{"-c", `ulimit -n 48 && exec "$@"`, "bash", bin,
		"-addr", "127.0.0.1:0"}, args...)
	srv := &limitedServer{
		cmd: exec.Command("bash", args...),
		// Enough room for all it logs here: the server never waits for
		// the test to read.
		log:    make(chan string, 10000),
		exited: make(chan struct{}),
	}
	r, w, err := os.Pipe()
	require.NoError(t, err)
	srv.cmd.Stderr = w
	require.NoError(t, srv.cmd.Start())
	w.Close() // the server has its own copy
	go func() {
		defer r.Close()
		lines := bufio.NewScanner(r)
		for lines.Scan() {
			srv.log <- lines.Text()
		}
	}()
	go func() {
		srv.err = srv.cmd.Wait()
		close(srv.exited)
	}()
	t.Cleanup(func() {
		srv.cmd.Process.Kill() // fails if it has exited: fine
		<-srv.exited
	})

	line := srv.waitFor(t, "listening on ")
	_, srv.addr, _ = strings.Cut(line, "listening on ")
	return srv
}

// waitFor reads the server's log until a line contains s, and returns it.
func (srv *limitedServer) waitFor(t *testing.T, s string) string {
	t.Helper()
	timeout := time.After(arrives)
	for {
		select {
		case line := <-srv.log:
			if strings.Contains(line, s) {
				return line
			}
		case <-timeout:
			t.Fatalf("the server did not log %q", s)
		}
	}
}

// flood connects 150 clients to addr, each with a request, and leaves
// them connected.
func flood(t *testing.T, addr string) []net.Conn {
	t.Helper()
	conns := make([]net.Conn, 150)
	for i := range conns {
		conns[i] = dial(t, addr)
		send(t, conns[i], "GET/task_01/status\n")
	}
	return conns
}

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
	addr, _ := startServer(b)
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

// TestReadmeTranscript replays the sessions of README.md's "Try it", so
// that the README cannot drift from the code: in a block of "> " and "< "
// lines, each "> " line is sent and each "< " line must come back.
func TestReadmeTranscript(t *testing.T) {
	sessions := readmeSessions(t)
	require.NotEmpty(t, sessions, "README.md has no > and < lines")
	for _, session := range sessions {
		addr, _ := startServer(t)
		conn := dial(t, addr)
		r := bufio.NewReader(conn)
		for _, line := range session {
			text := line[2:]
			if strings.HasPrefix(line, "> ") {
				conn.Write([]byte(text + "\n")) // the server may have hung up
				continue
			}
			conn.SetReadDeadline(time.Now().Add(arrives))
			got, err := r.ReadString('\n')
			require.NoError(t, err, "waiting for %q", text)
			assert.Equal(t, text, strings.TrimSuffix(got, "\r\n"))
		}
	}
}

// TestReadmeSnippets checks that every Go snippet of README.md is still in
// the source, word for word.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	var source []byte
	for _, name := range []string{"server.go", "todo.go", "parse_regexp_test.go"} {
		code, err := os.ReadFile(name)
		require.NoError(t, err)
		source = append(source, code...)
	}
	blocks := strings.Split(string(readme), "```go\n")
	require.Greater(t, len(blocks), 1, "README.md has no Go snippet")
	for _, block := range blocks[1:] {
		snippet, _, _ := strings.Cut(block, "```")
		// Not assert.Contains: on failure it prints the whole source.
		assert.True(t, strings.Contains(string(source), snippet),
			"this snippet of README.md is not in the source:\n%s", snippet)
	}
}

// readmeSessions returns the "> " and "< " lines of each fenced block of
// README.md that has any.
func readmeSessions(t *testing.T) [][]string {
	t.Helper()
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	var sessions [][]string
	var session []string
	inBlock := false
	for line := range strings.Lines(string(readme)) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case strings.HasPrefix(line, "```"):
			if inBlock && len(session) > 0 {
				sessions = append(sessions, session)
			}
			inBlock, session = !inBlock, nil
		case inBlock && (strings.HasPrefix(line, "> ") || strings.HasPrefix(line, "< ")):
			session = append(session, line)
		}
	}
	return sessions
}

// startServer serves on a fresh loopback port until stop is called or the
// test ends. stop cancels Serve and checks that it returns, and promptly.
func startServer(t testing.TB) (addr string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return ln.Addr().String(), serve(t, ln)
}

// serve runs Serve on ln until stop is called or the test ends. stop
// cancels Serve and checks that it returns nil, and promptly.
func serve(t testing.TB, ln net.Listener) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln) }()
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

// faultyListener stands for a process that runs short of file
// descriptors. Each Accept first takes an error from errs: a non-nil one
// it returns, as a real Accept fails; on nil, or once errs is closed, it
// accepts a connection from the real listener.
type faultyListener struct {
	net.Listener
	errs chan error
}

func (l faultyListener) Accept() (net.Conn, error) {
	if err := <-l.errs; err != nil {
		return nil, err
	}
	return l.Listener.Accept()
}

// next hands err to the next call of Accept, and fails the test if
// nobody calls it.
func (l faultyListener) next(t *testing.T, err error) {
	t.Helper()
	select {
	case l.errs <- err:
	case <-time.After(arrives):
		t.Fatal("Serve did not call Accept again")
	}
}

// acceptError is the error that Accept returns on Linux when its system
// call fails with errno.
func acceptError(errno syscall.Errno) error {
	return &net.OpError{Op: "accept", Net: "tcp",
		Err: os.NewSyscallError("accept4", errno)}
}

// ask connects to addr, sends one request, and returns the reply. It
// hangs up before it returns.
func ask(t *testing.T, addr, request string) string {
	t.Helper()
	conn := dial(t, addr)
	defer conn.Close()
	send(t, conn, request+"\n")
	return receive(t, conn)
}

// setIdleTimeout sets idleTimeout for one test. Call it before
// startServer, so that the server has stopped when the old value returns.
func setIdleTimeout(t *testing.T, d time.Duration) {
	t.Helper()
	old := idleTimeout
	idleTimeout = d
	t.Cleanup(func() { idleTimeout = old })
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
		_, err := conn.Read(b)
		require.NoError(t, err, "after %q", line)
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
