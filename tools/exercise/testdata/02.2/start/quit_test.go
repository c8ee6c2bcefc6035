package main

import (
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQuitSaysByeAndHangsUp(t *testing.T) {
	for _, quit := range []string{"quit\n", "quit\r\n"} {
		addr, _ := startServer(t)
		conn := dial(t, addr)
		send(t, conn, "hello\n")
		require.Equal(t, "hello\n", receive(t, conn, len("hello\n")))

		send(t, conn, quit)
		conn.SetReadDeadline(time.Now().Add(arrives))
		rest, err := io.ReadAll(conn) // until the server hangs up
		require.NoError(t, err, "after %q the server should hang up", quit)
		assert.Equal(t, "bye\n", string(rest))
	}
}

func TestQuitInsideAMessageIsEchoed(t *testing.T) {
	addr, _ := startServer(t)
	conn := dial(t, addr)
	for _, msg := range []string{"quitting\n", "do not quit\n", "quit"} {
		send(t, conn, msg)
		assert.Equal(t, msg, receive(t, conn, len(msg)))
	}
}
