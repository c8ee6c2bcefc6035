package main

import (
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnswersPipelinedRequestsInOrder(t *testing.T) {
	t.Parallel()
	addr, _ := startServer(t, config())
	conn := dial(t, addr)

	send(t, conn, "GET/task_01/status\nGET/task_02/status\n"+
		"POST/task_04=x/status\nGET/task_04/status\nGET/task_03/status\n")

	for _, want := range []string{"see someone", "read book",
		"submit success", "x", "play basketball"} {
		assert.Equal(t, want, receive(t, conn))
	}
}

func TestReadsLinesNotWrites(t *testing.T) {
	t.Parallel()
	addr, _ := startServer(t, config())
	conn := dial(t, addr)

	send(t, conn, "GET/tas")
	nothingArrives(t, conn) // half a request is not a request

	// The rest of it, and half of the next: the first is answered
	// without waiting for the second.
	send(t, conn, "k_01/status\nGET/task_02/st")
	assert.Equal(t, "see someone", receive(t, conn))
	send(t, conn, "atus\n")
	assert.Equal(t, "read book", receive(t, conn))
}

func TestLineEndings(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, send, want string }{
		{"LF ends a line", "GET/task_01/status\n", "see someone"},
		{"CRLF ends a line", "GET/task_01/status\r\n", "see someone"},
		{"a CR elsewhere is part of the line",
			"GET/task\r01/status\r\n", "no key match"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			addr, _ := startServer(t, config())
			conn := dial(t, addr)
			send(t, conn, tt.send)
			assert.Equal(t, tt.want, receive(t, conn))
		})
	}
}

// A client that dies in the middle of a line ends its stream as one that
// leaves does: its kernel sends a FIN, or a reset. Either way the bytes
// after the last "\n" are not a line, and change nothing.
func TestACutLineChangesNothing(t *testing.T) {
	t.Parallel()
	const post = "POST/task_01=see https://example.com/new/docs/status\n"
	for _, tt := range []struct {
		name  string
		leave func(t *testing.T, conn *net.TCPConn)
	}{
		{"closes", func(t *testing.T, c *net.TCPConn) { c.Close() }},
		{"resets", func(t *testing.T, c *net.TCPConn) {
			c.SetLinger(0) // so that Close sends a reset
			c.Close()
		}},
		{"closes its sending half", func(t *testing.T, c *net.TCPConn) {
			c.CloseWrite() // as nc -N does at the end of its input
			hungUp(t, c)   // and gets no reply
		}},
	} {
		t.Run("a client that "+tt.name+" mid-POST stores nothing",
			func(t *testing.T) {
				addr, _ := startServer(t, config())
				conn := dial(t, addr)
				send(t, conn, post[:len(post)/2]) // POST/task_01=see https:/

				tt.leave(t, conn.(*net.TCPConn))

				// A cut POST, if stored, would be there in microseconds.
				conn = dial(t, addr)
				for end := time.Now().Add(nothingFor); time.Now().Before(end); {
					send(t, conn, "GET/task_01/status\n")
					require.Equal(t, "see someone", receive(t, conn))
				}
			})
	}
}

func TestLineLength(t *testing.T) {
	t.Parallel()
	// post returns a POST line of exactly n bytes, and its value.
	post := func(n int) (line, value string) {
		value = strings.Repeat("a", n-len("POST/big=/status"))
		return "POST/big=" + value + "/status", value
	}

	for _, end := range []string{"\n", "\r\n"} {
		t.Run(fmt.Sprintf("%d bytes and %q are fine", maxLine, end),
			func(t *testing.T) {
				addr, _ := startServer(t, config())
				conn := dial(t, addr)
				line, value := post(maxLine)

				send(t, conn, line+end)
				assert.Equal(t, "submit success", receive(t, conn))
				send(t, conn, "GET/big/status"+end)
				assert.Equal(t, value, receive(t, conn))
			})
	}

	// The client sends more after the long line, which the server does
	// not read: its hang-up must still end the stream, not reset it.
	for _, n := range []int{maxLine + 1, 3 * maxLine} {
		t.Run(fmt.Sprintf("%d bytes get an error and a hang-up", n),
			func(t *testing.T) {
				addr, _ := startServer(t, config())
				conn := dial(t, addr)
				line, _ := post(n)

				send(t, conn, line+"\nGET/big/status\n")
				assert.Equal(t, "error: line too long", receive(t, conn))
				conn.SetReadDeadline(time.Now().Add(arrives))
				_, err := conn.Read(make([]byte, 64))
				assert.ErrorIs(t, err, io.EOF, "not a reset, which may "+
					"destroy the reply before the client reads it")

				conn = dial(t, addr)
				send(t, conn, "GET/big/status\n")
				assert.Equal(t, "no key match", receive(t, conn))
			})
	}
}
