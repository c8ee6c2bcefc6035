package main

import (
	"io"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestQuitSaysByeAndHangsUp(t *testing.T) {
	for _, quit := range []string{"quit\n", "quit\r\n"} {
		addr, _ := startServer(t)
		conn := dial(t, addr)
		assert.Equal(t, "hello\n", echo(t, conn, "hello\n"), "sent %q", "hello\n")

		send(t, conn, quit)
		conn.SetReadDeadline(time.Now().Add(arrives))
		rest, err := io.ReadAll(conn) // until the server hangs up
		if err != nil {
			t.Errorf("sent %q, got back %q, and the server did not hang up", quit, rest)
			continue
		}
		assert.Equal(t, "bye\n", string(rest), "sent %q", quit)
	}
}

func TestQuitInsideAMessageIsEchoed(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	for _, msg := range []string{"quitting\n", "do not quit\n", "quit", "quit!\n"} {
		if !assert.Equal(t, msg, echo(t, conn, msg), "sent %q", msg) {
			return // the others would fail alike
		}
	}
}

// echo sends msg and returns what comes back: as many bytes as msg has,
// or fewer if the server hangs up or says nothing more.
func echo(t *testing.T, conn net.Conn, msg string) string {
	t.Helper()
	send(t, conn, msg)
	conn.SetReadDeadline(time.Now().Add(arrives))
	buf := make([]byte, len(msg))
	n, _ := io.ReadFull(conn, buf)
	return string(buf[:n])
}
