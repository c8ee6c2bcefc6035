package main

// The README and flood checks, kept here while the README changes.

import (
	"bufio"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSurvivesAFloodUnderAFileLimit runs the server as its own program,
// allowed 48 open files, with 200 workers, and connects 150 clients at
// once: more workers are free than the server has files for.
func TestSurvivesAFloodUnderAFileLimit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("sets the file limit with bash's ulimit, tested on Linux")
	}
	bin := filepath.Join(t.TempDir(), "server")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "go build: %s", out)

	t.Run("and keeps its tasks", func(t *testing.T) {
		srv := startLimited(t, bin, "-workers", "200")
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
		srv := startLimited(t, bin, "-workers", "200")
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

// TestReadmeTranscript replays the sessions of README.md's "Try it", so
// that the README cannot drift from the code: in a block of "> " and "< "
// lines, each "> " line is sent and each "< " line must come back.
func TestReadmeTranscript(t *testing.T) {
	sessions := readmeSessions(t)
	require.NotEmpty(t, sessions, "README.md has no > and < lines")
	for _, session := range sessions {
		addr, _ := startServer(t, config())
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
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, name := range names {
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
