package main

import (
	"bytes"
	"io"
	"net"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestSendsLinesAndPrintsReplies(t *testing.T) {
	for _, tt := range []struct {
		name string
		crlf bool
		want string
	}{
		{"lines end with LF", false, "hello\nworld\n"},
		{"lines end with CRLF under -crlf", true, "hello\r\nworld\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			conn := dial(t, func(c net.Conn) { io.Copy(c, c) }) // an echo server
			var out bytes.Buffer

			err := run(conn, strings.NewReader("hello\nworld\n"), &out, tt.crlf)

			require.NoError(t, err)
			assert.Equal(t, tt.want, out.String())
		})
	}
}

func TestExitsWhenTheServerHangsUp(t *testing.T) {
	conn := dial(t, func(c net.Conn) { io.WriteString(c, "bye\n") })
	in, typing := io.Pipe() // a user who has not typed anything yet
	defer typing.Close()
	var out bytes.Buffer

	err := run(conn, in, &out, false)

	require.NoError(t, err)
	assert.Equal(t, "bye\n", out.String())
}

// dial starts a one-connection server that runs serve and then hangs up,
// and returns a client connection to it.
func dial(t *testing.T, serve func(net.Conn)) net.Conn {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c, err := ln.Accept()
		if err != nil {
			return
		}
		serve(c)
		c.Close()
	}()
	t.Cleanup(func() { ln.Close(); <-done })
	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	return conn
}
