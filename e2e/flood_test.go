package e2e

import (
	"bufio"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// floods are the steps whose servers wait and retry when they run out
// of file descriptors, and the flags they get for the flood: step07 has
// more workers free than it has files for, so that the limit that bites
// is the file limit.
var floods = []struct {
	step string
	args []string
}{
	{"step04-todo", nil},
	{"step07-pool", []string{"-workers", "200"}},
}

// retrying is what a server logs when Accept runs short of files.
const retrying = "too many open files; retrying in"

// TestSurvivesAFloodUnderAFileLimit runs each server allowed 48 open
// files, and connects 150 clients at once.
func TestSurvivesAFloodUnderAFileLimit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("sets the file limit with bash's ulimit, tested on Linux")
	}
	for _, tt := range floods {
		t.Run(tt.step+" keeps its tasks", func(t *testing.T) {
			t.Parallel()
			srv := startLimited(t, tt.step, tt.args...)
			conn := dial(t, srv.addr)
			assert.Equal(t, "submit success",
				ask(t, conn, "POST/task_04=go shopping/status\n"))

			conns := flood(t, srv.addr)
			srv.waitFor(t, retrying)
			for _, conn := range conns {
				conn.Close()
			}

			conn = dial(t, srv.addr) // waits behind the flood's last clients
			assert.Equal(t, "go shopping", ask(t, conn, "GET/task_04/status\n"))
		})

		t.Run(tt.step+" stops while it waits to retry", func(t *testing.T) {
			t.Parallel()
			srv := startLimited(t, tt.step, tt.args...)
			flood(t, srv.addr)
			srv.waitFor(t, retrying)

			srv.stop(t) // SIGTERM: it exits, with status 0
		})
	}
}

// startLimited starts step's server with a limit of 48 open files,
// stdin, stdout and stderr included.
func startLimited(t *testing.T, step string, args ...string) *server {
	t.Helper()
	bin, ok := servers[step]
	require.True(t, ok, "there is no step %s", step)
	// exec: the server is bash's process, and gets the SIGTERM itself.
	argv := append([]string{"bash", "-c", `ulimit -n 48 && exec "$@"`, "bash",
		bin, "-addr", "127.0.0.1:0"}, args...)
	return launch(t, argv...)
}

// flood connects 150 clients to addr, each with a request, and leaves
// them connected.
func flood(t *testing.T, addr string) []net.Conn {
	t.Helper()
	conns := make([]net.Conn, 150)
	for i := range conns {
		conns[i] = dial(t, addr)
		_, err := conns[i].Write([]byte("GET/task_01/status\n"))
		require.NoError(t, err)
	}
	return conns
}

// ask sends request on conn and returns the reply line, which must end
// with "\r\n", without it.
func ask(t *testing.T, conn net.Conn, request string) string {
	t.Helper()
	_, err := conn.Write([]byte(request))
	require.NoError(t, err)
	conn.SetReadDeadline(time.Now().Add(arrives))
	line, err := bufio.NewReader(conn).ReadString('\n')
	require.NoError(t, err, "waiting for the reply to %q", request)
	reply, ok := strings.CutSuffix(line, "\r\n")
	assert.True(t, ok, "%q does not end with \\r\\n", line)
	return reply
}
