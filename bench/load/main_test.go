package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// The test binary doubles as the server process under measurement.
	if mode := os.Getenv(serverEnv); mode != "" {
		runServer(mode)
		return
	}
	goleak.VerifyTestMain(m)
}

func TestMeasuresRoundTrips(t *testing.T) {
	addr, pid := startProcess(t, "echo")

	r, err := measure(addr, lineProtocols["echo"], 4, 200*time.Millisecond, pid)

	require.NoError(t, err)
	assert.Positive(t, r.requests)
	assert.GreaterOrEqual(t, r.elapsed, 200*time.Millisecond)
}

func TestSpeaksTheTodoProtocol(t *testing.T) {
	// A TODO server that answers this one request, and hangs up on any
	// other line.
	addr := startServer(t, func(c net.Conn) {
		lines := bufio.NewScanner(c)
		for lines.Scan() && lines.Text() == "GET/task_01/status" {
			if _, err := io.WriteString(c, "see someone\r\n"); err != nil {
				return
			}
		}
	})

	r, err := measure(addr, lineProtocols["todo"], 2, 50*time.Millisecond, 0)

	require.NoError(t, err)
	assert.Positive(t, r.requests)
	assert.Zero(t, r.cpu, "no pid, no CPU time")
}

func TestFailsWhenTheServerHangsUp(t *testing.T) {
	addr := startServer(t, func(net.Conn) {}) // hangs up at once

	_, err := measure(addr, lineProtocols["echo"], 2, time.Second, 0)

	assert.Error(t, err)
}

func TestMeasuresHTTPKeepAliveClients(t *testing.T) {
	addr, pid := startProcess(t, "http")

	r, err := measure(addr, httpGet(addr, "/tasks/task_01"), 4,
		200*time.Millisecond, pid)

	require.NoError(t, err)
	assert.Positive(t, r.requests)
}

func TestHTTPClientsKeepTheirConnections(t *testing.T) {
	var mu sync.Mutex
	paths := map[string]int{}
	conns := 0
	srv := httptest.NewUnstartedServer(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			paths[r.Method+" "+r.URL.Path]++
			mu.Unlock()
			io.WriteString(w, "see someone\n")
		}))
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			mu.Lock()
			conns++
			mu.Unlock()
		}
	}
	srv.Start()
	defer srv.Close()
	addr := srv.Listener.Addr().String()

	r, err := measure(addr, httpGet(addr, "/tasks/task_01"), 3,
		50*time.Millisecond, 0)

	require.NoError(t, err)
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, 3, conns, "one connection per client, kept open")
	assert.Equal(t, map[string]int{"GET /tasks/task_01": int(r.requests)},
		paths, "every request counted, and no other")
}

func TestReadsOneHTTPResponse(t *testing.T) {
	for _, tt := range []struct {
		name     string
		response string
		ok       bool
	}{
		{"200 with a body",
			"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc", true},
		{"200 with a chunked body", "HTTP/1.1 200 OK\r\n" +
			"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", true},
		{"a status other than 200 is an error",
			"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", false},
		{"a server that closes the connection is an error",
			"HTTP/1.1 200 OK\r\nConnection: close\r\n" +
				"Content-Length: 0\r\n\r\n", false},
		{"a body cut short is an error",
			"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc", false},
		{"a body over 1 MiB is an error",
			"HTTP/1.1 200 OK\r\nContent-Length: 1048577\r\n\r\n" +
				strings.Repeat("a", maxBody+1), false},
		{"a reply that is not HTTP is an error", "see someone\r\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := bufio.NewReader(strings.NewReader(tt.response))
			err := readResponse(r)
			assert.Equal(t, tt.ok, err == nil, "error: %v", err)
		})
	}
}

func TestKnowsItsProtocols(t *testing.T) {
	for _, tt := range []struct {
		name, path string
		request    string // "" for an error
	}{
		{"echo", "", "hello\n"},
		{"todo", "", "GET/task_01/status\n"},
		{"http", "/tasks/task_01",
			"GET /tasks/task_01 HTTP/1.1\r\nHost: 127.0.0.1:5000\r\n\r\n"},
		{"http", "tasks/task_01", ""},
		{"gopher", "", ""},
	} {
		t.Run(tt.name+" "+tt.path, func(t *testing.T) {
			p, err := protocolFor(tt.name, "127.0.0.1:5000", tt.path)
			if tt.request == "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.request, p.request)
		})
	}
}

func TestAcceptsOnlyPathsThatFitARequestLine(t *testing.T) {
	for _, tt := range []struct {
		path string
		ok   bool
	}{
		{"/tasks/task_01", true},
		{"/tasks/%E4%BB%BB?x=1", true},
		{"", false},
		{"tasks", false},
		{"/a b", false},
		{"/a\r\nHost: x", false},
		{"/" + strings.Repeat("a", 1024), false},
	} {
		t.Run(tt.path, func(t *testing.T) {
			assert.Equal(t, tt.ok, validPath(tt.path))
		})
	}
}

func TestMeasuresIdleConnections(t *testing.T) {
	for _, tt := range []struct {
		name      string
		server    string
		roundtrip bool
	}{
		{"each after one round trip", "echo", true},
		{"each only connected, to a server that never accepts", "deaf", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			addr, pid := startProcess(t, tt.server)

			before, after, err := idleCost(addr, lineProtocols["echo"], 50,
				tt.roundtrip, pid)

			require.NoError(t, err)
			assert.Positive(t, before)
			assert.GreaterOrEqual(t, after, before)
		})
	}
}

func TestAcceptsOnlyLoopbackAddresses(t *testing.T) {
	for _, tt := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:9000", true},
		{"[::1]:9000", true},
		{"localhost:9000", true},
		{"192.0.2.1:9000", false},
		{":9000", false}, // every interface
	} {
		t.Run(tt.addr, func(t *testing.T) {
			_, err := loopback(tt.addr)
			assert.Equal(t, tt.ok, err == nil, "error: %v", err)
		})
	}
}

func TestParsesCPUTimeFromProcStat(t *testing.T) {
	for _, tt := range []struct {
		name string
		stat string
		want time.Duration
		ok   bool
	}{
		{"utime and stime are added",
			"42 (echo) S 1 42 42 0 -1 0 0 0 0 0 150 25 0 0 20 0 3",
			1750 * time.Millisecond, true},
		{"a command name may hold spaces and parentheses",
			"42 (a (b) c) S 1 42 42 0 -1 0 0 0 0 0 1 2 0 0 20 0 3",
			30 * time.Millisecond, true},
		{"a short line is an error", "42 (echo) S 1 2", 0, false},
		{"a line without a command is an error", "", 0, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseCPU(tt.stat)
			assert.Equal(t, tt.ok, err == nil, "error: %v", err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadsThisProcess(t *testing.T) {
	_, err := cpuTime(os.Getpid())
	require.NoError(t, err)
	n, err := rss(os.Getpid())
	require.NoError(t, err)
	assert.Positive(t, n)
}

const serverEnv = "LOAD_TEST_SERVER"

// startProcess runs this test binary as a server in a process of its own
// (see runServer) until the test ends, and returns its address and pid.
func startProcess(t *testing.T, mode string) (addr string, pid int) {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), serverEnv+"="+mode)
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err = bufio.NewReader(out).ReadString('\n')
	require.NoError(t, err)
	return strings.TrimSpace(addr), cmd.Process.Pid
}

// runServer is the server process: it prints its address and then, in
// mode "echo", echoes every connection; in mode "http", answers every
// HTTP request with 200 OK; in mode "deaf", it never accepts a
// connection, as a server whose workers are all busy. It runs until
// killed.
func runServer(mode string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	fmt.Println(ln.Addr())
	if mode == "http" {
		panic(http.Serve(ln, http.HandlerFunc(
			func(w http.ResponseWriter, _ *http.Request) {
				io.WriteString(w, "see someone\n")
			})))
	}
	for mode == "echo" {
		c, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		go func() { io.Copy(c, c); c.Close() }()
	}
	select {}
}

// startServer serves every connection with serve, each in its own
// goroutine, until the test ends; then it closes the listener and every
// connection, and waits for the goroutines.
func startServer(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var conns []net.Conn
	wg.Go(func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			wg.Go(func() { serve(c); c.Close() })
		}
	})
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	return ln.Addr().String()
}
