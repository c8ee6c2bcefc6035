package main

import (
	"bytes"
	"context"
	"io"
	"log"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Not parallel: it reads the log.
func TestRetriesAnAcceptThatRanShort(t *testing.T) {
	var logged bytes.Buffer
	log.SetOutput(&logged) // Serve logs each wait
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	fl := newFaultyListener(t)
	stop := serve(t, fl, config())
	addr := fl.Addr().String()

	fl.next(t, nil) // accepts a client, which stores a task
	assert.Equal(t, "submit success",
		ask(t, addr, "POST/task_04=go shopping/status"))

	fl.next(t, acceptError(syscall.EMFILE)) // Serve waits 5ms
	fl.next(t, acceptError(syscall.ENFILE)) // then 10ms
	fl.next(t, nil)                         // and accepts a client
	assert.Equal(t, "go shopping", ask(t, addr, "GET/task_04/status"))

	fl.next(t, acceptError(syscall.EMFILE)) // 5ms: it accepted
	close(fl.errs)                          // and from now on, it does
	assert.Equal(t, "go shopping", ask(t, addr, "GET/task_04/status"))

	stop()
	var waits []string // one line per wait
	for line := range strings.Lines(logged.String()) {
		if _, wait, ok := strings.Cut(line, "; retrying in "); ok {
			waits = append(waits, strings.TrimSpace(wait))
		}
	}
	assert.Equal(t, []string{"5ms", "10ms", "5ms"}, waits)
	assert.Contains(t, logged.String(),
		"accept tcp: accept4: too many open files; retrying in 5ms\n")
}

func TestRetriesOnlyWhatGoesAway(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		errno   syscall.Errno
		retried bool
	}{
		{syscall.EMFILE, true},  // too many open files in the process
		{syscall.ENFILE, true},  // in the system
		{syscall.ENOBUFS, true}, // no memory for a socket's buffers
		{syscall.ENOMEM, true},  // no memory
		{syscall.EBADF, false},  // no listener: it won't come back
		{syscall.EINVAL, false}, // a socket that is not listening
	} {
		t.Run(tt.errno.Error(), func(t *testing.T) {
			fl := newFaultyListener(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			done := make(chan error, 1)
			go func() { done <- Serve(ctx, fl, config()) }()

			fl.next(t, acceptError(tt.errno))
			if tt.retried {
				fl.next(t, nil) // Serve called Accept again
				cancel()
			}
			select {
			case err := <-done:
				if tt.retried {
					assert.NoError(t, err)
				} else {
					assert.ErrorIs(t, err, tt.errno)
				}
			case <-time.After(arrives):
				t.Fatal("Serve did not return")
			}
		})
	}
}

func TestStopsWhileWaitingToRetry(t *testing.T) {
	t.Parallel()
	fl := newFaultyListener(t)
	stop := serve(t, fl, config())

	// Seven failures in a row: Serve now waits 320ms before it calls
	// Accept again, and that Accept would wait for errs forever.
	for range 7 {
		fl.next(t, acceptError(syscall.EMFILE))
	}

	stop() // fails the test unless Serve returns without that Accept
	close(fl.errs)
}

// faultyListener stands for a process that runs short of file
// descriptors. Each Accept first takes an error from errs: a non-nil one
// it returns, as a real Accept fails; on nil, or once errs is closed, it
// accepts a connection from the real listener.
type faultyListener struct {
	net.Listener
	errs chan error
}

func newFaultyListener(t *testing.T) faultyListener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	return faultyListener{ln, make(chan error)}
}

func (l faultyListener) Accept() (net.Conn, error) {
	if err := <-l.errs; err != nil {
		return nil, err
	}
	return l.Listener.Accept()
}

// next hands err to the next call of Accept, and fails the test if
// nobody calls it.
func (l faultyListener) next(t *testing.T, err error) {
	t.Helper()
	select {
	case l.errs <- err:
	case <-time.After(arrives):
		t.Fatal("Serve did not call Accept again")
	}
}

// acceptError is the error that Accept returns on Linux when its system
// call fails with errno.
func acceptError(errno syscall.Errno) error {
	return &net.OpError{Op: "accept", Net: "tcp",
		Err: os.NewSyscallError("accept4", errno)}
}

// ask connects to addr, sends one request, and returns the reply. It
// hangs up before it returns.
func ask(t *testing.T, addr, request string) string {
	t.Helper()
	conn := dial(t, addr)
	defer conn.Close()
	send(t, conn, request+"\n")
	return receive(t, conn)
}
