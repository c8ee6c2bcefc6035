package main

import (
	"bufio"
	"io"
	"net"
	"time"
)

const maxLine = 4096 // the longest request line, without its line ending

// wholeLines splits as bufio.ScanLines does, and guards a line: longer than
// maxLine, it is ErrTooLong, so a client cannot make us hold all it sends;
// cut by the end of the stream, it is dropped (as Redis does), so a client
// that crashes mid-POST stores nothing. Proved by TestACutLineChangesNothing.
func wholeLines(data []byte, atEOF bool) (int, []byte, error) {
	advance, line, err := bufio.ScanLines(data, false)
	if len(line) > maxLine {
		return 0, nil, bufio.ErrTooLong
	}
	return advance, line, err
}

// hangUp sends a last reply that the client can read: closing with input
// unread resets the connection, which may destroy the reply, so hangUp
// closes our side and discards what comes, for 1s. Proved by TestLineLength.
func hangUp(conn net.Conn, reply string) {
	conn.SetDeadline(time.Now().Add(time.Second))
	io.WriteString(conn, reply+"\r\n")
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.CloseWrite() // the client reads the reply, then the end
	}
	io.Copy(io.Discard, conn) // NOTE: ignoring errors: the caller closes conn
}
