package main

import (
	"fmt"
	"net"
	"time"
)

// A session bounds how long one client keeps its worker. The idle timeout
// frees a worker from a silent client, but a client that sends a line now
// and then keeps it for ever, and everyone in the backlog waits. Proved by
// TestASessionLimitFreesAWorker.
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

// deadline returns when the client must have sent its next line: idle
// from now, or the session's end if that comes first.
func (s session) deadline(idle time.Duration) time.Time {
	d := time.Now().Add(idle)
	if !s.until.IsZero() && s.until.Before(d) {
		return s.until
	}
	return d
}

// end tells the client why we hang up, if its session is over.
func (s session) end(conn net.Conn) {
	if !s.until.IsZero() && !time.Now().Before(s.until) {
		hangUp(conn, fmt.Sprintf("error: session over: at most %v per connection", s.limit))
	}
}
