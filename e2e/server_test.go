package e2e

import (
	"bufio"
	"errors"
	"net"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A server is a step's built server, running as a program of its own,
// as a learner runs it.
type server struct {
	addr   string // where it listens, from its log
	cmd    *exec.Cmd
	exited chan struct{} // closed when it has exited
	err    error         // then, what cmd.Wait returned

	mu    sync.Mutex
	lines []string      // what it has logged so far
	more  chan struct{} // has a value when lines has grown

	read    int  // how many lines waitFor has looked at
	stopped bool // stop has run
}

// start runs step's server on a free loopback port, with args added, and
// returns once it has logged where it listens. When the test ends, it is
// stopped and must exit with status 0 (see stop).
func start(t *testing.T, step string, args ...string) *server {
	t.Helper()
	bin, ok := servers[step]
	require.True(t, ok, "there is no step %s", step)
	return launch(t, append([]string{bin, "-addr", "127.0.0.1:0"}, args...)...)
}

// launch runs the command argv, which must run a step's server, and
// waits for its "listening on" line.
func launch(t *testing.T, argv ...string) *server {
	t.Helper()
	uncached()
	srv := &server{
		cmd:    exec.Command(argv[0], argv[1:]...),
		exited: make(chan struct{}),
		more:   make(chan struct{}, 1),
	}
	// A server built with -race waits a second at exit, to catch races
	// there; a test stops dozens of them.
	srv.cmd.Env = append(os.Environ(), "GORACE=atexit_sleep_ms=0")
	r, w, err := os.Pipe()
	require.NoError(t, err)
	srv.cmd.Stderr = w // where log writes
	require.NoError(t, srv.cmd.Start(), "%v", argv)
	w.Close() // the server has its own copy
	go srv.readLog(r)
	go func() {
		srv.err = srv.cmd.Wait()
		close(srv.exited)
	}()
	t.Cleanup(func() { srv.stop(t) })

	line := srv.waitFor(t, "listening on ")
	_, addr, _ := strings.Cut(line, "listening on ")
	srv.addr = strings.TrimSpace(addr)
	return srv
}

// readLog keeps every line that the server logs, never making it wait.
func (srv *server) readLog(r *os.File) {
	defer r.Close()
	lines := bufio.NewScanner(r)
	for lines.Scan() {
		srv.mu.Lock()
		srv.lines = append(srv.lines, lines.Text())
		srv.mu.Unlock()
		select {
		case srv.more <- struct{}{}:
		default: // a wake-up is pending already
		}
	}
}

// waitFor waits until the server logs a line that contains s, after
// the lines an earlier waitFor has looked at, and returns it.
func (srv *server) waitFor(t *testing.T, s string) string {
	t.Helper()
	timeout := time.After(arrives)
	for {
		srv.mu.Lock()
		lines := srv.lines[srv.read:]
		srv.mu.Unlock()
		for _, line := range lines {
			srv.read++
			if strings.Contains(line, s) {
				return line
			}
		}
		select {
		case <-srv.more:
		case <-srv.exited:
			t.Fatalf("the server exited (%v) without logging %q:\n%s",
				srv.err, s, srv.log())
		case <-timeout:
			t.Fatalf("the server did not log %q:\n%s", s, srv.log())
		}
	}
}

// log returns what the server has logged so far.
func (srv *server) log() string {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return strings.Join(srv.lines, "\n")
}

// stop sends SIGTERM, as kill does, and checks that the server exits
// with status 0 within arrives. It may be called more than once.
func (srv *server) stop(t *testing.T) {
	t.Helper()
	if srv.stopped {
		return
	}
	srv.stopped = true
	err := srv.cmd.Process.Signal(syscall.SIGTERM)
	if !errors.Is(err, os.ErrProcessDone) { // done: Wait has its status
		require.NoError(t, err)
	}
	select {
	case <-srv.exited:
		assert.NoError(t, srv.err, "exit status after SIGTERM; it logged:\n%s", srv.log())
	case <-time.After(arrives):
		srv.cmd.Process.Kill()
		<-srv.exited
		t.Errorf("the server did not exit after SIGTERM; it logged:\n%s", srv.log())
	}
}

// dial connects to addr; the connection is closed when the test ends.
func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, arrives)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	return conn
}
