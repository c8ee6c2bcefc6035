package main

import (
	"fmt"
	"net"
	"time"
)

// A session bounds how long one client keeps its worker. The idle timeout
// frees a worker from a silent client, but one that sends a line now and
// then keeps it for good, and everyone in the backlog waits. Proved by
// TestASessionLimitFreesAWorker; TestAClientThatKeepsTalkingKeepsItsWorker
// shows the worker held without it.
type session struct {
	limit time.Duration
	until time.Time // zero: no limit
}

func startSession(limit time.Duration) session {
	if limit <= 0 {
		return session{}
	}
	return session{limit, time.Now().Add(limit)}
}

// setDeadlines gives the client idle to send its next line, but no time
// past the session's end; and idle to read our reply, even to a line that
// came just before the end.
func (s session) setDeadlines(conn net.Conn, idle time.Duration) {
	conn.SetDeadline(time.Now().Add(idle))
	if !s.until.IsZero() && time.Until(s.until) < idle {
		conn.SetReadDeadline(s.until)
	}
}

// end tells the client why we hang up, if its session is over.
func (s session) end(conn net.Conn) {
	if !s.until.IsZero() && !time.Now().Before(s.until) {
		hangUp(conn, fmt.Sprintf("error: session over: at most %v per connection", s.limit))
	}
}
