package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

// Waits for something that must arrive are generous, so that a busy
// machine does not fail a correct server.
const arrives = 5 * time.Second

func TestMain(m *testing.M) {
	log.SetOutput(io.Discard) // the server logs every connection
	goleak.VerifyTestMain(m)
}

// The tests that serve requests push contexts on the stacks that every
// server of the package shares, and check when they end that none is
// left (noContextsLeft), so they do not run in parallel: Go runs them
// one at a time, before the tests that do.

// defaults is the Config that main builds when given no flags.
var defaults = Config{MaxTasks: 10000, MaxBytes: 64 << 20}

func TestStopsWithAClientConnected(t *testing.T) {
	addr, stop := startServer(t, defaults)
	conn, err := net.DialTimeout("tcp", addr, arrives)
	require.NoError(t, err)
	defer conn.Close()
	// Half a request: the server waits for the rest of the header.
	_, err = conn.Write([]byte("GET / HTTP/1.1\r\n"))
	require.NoError(t, err)

	stop() // fails the test unless Serve returns promptly
}

// TestABodyTooLargeClosesTheConnection sends a body over 64 KiB: the
// server answers 413 and closes the connection, rather than read up to
// 256 KiB more of the body it refused, to keep the connection open.
func TestABodyTooLargeClosesTheConnection(t *testing.T) {
	addr, _ := startServer(t, defaults)
	conn, err := net.DialTimeout("tcp", addr, arrives)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(arrives)))

	body := "value=" + strings.Repeat("a", 2*maxBody)
	sent := make(chan struct{})
	go func() { // the server stops reading: this may block until it closes
		defer close(sent)
		fmt.Fprintf(conn, "POST /tasks/task_04 HTTP/1.1\r\nHost: %s\r\n"+
			"Content-Type: application/x-www-form-urlencoded\r\n"+
			"Content-Length: %d\r\n\r\n%s", addr, len(body), body)
	}()
	defer func() { <-sent }()

	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	require.NoError(t, err)
	got, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
	assert.Equal(t, "error: body too large, expected at most 64 KiB\n",
		string(got))
	assert.True(t, resp.Close, "Connection: close")
	_, err = r.ReadByte()
	if !errors.Is(err, syscall.ECONNRESET) { // the rest of the body is unread
		assert.ErrorIs(t, err, io.EOF, "the server closes the connection")
	}
}

// inApp serves h as the one view of an app, which pushes a request
// context around it.
func inApp(h http.Handler) http.Handler {
	app := NewApp("test")
	app.Handle("/", h)
	return app
}

// serve serves h on a test server until stop is called or the test
// ends, and returns a client of it. Once the server has stopped, no
// goroutine may have a context left on a stack.
func serve(t *testing.T, h http.Handler) (c *client, stop func()) {
	t.Helper()
	noContextsLeft(t)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return connectTo(t, srv), srv.Close
}

// startServer serves cfg on a fresh loopback port until stop is called
// or the test ends. stop cancels Serve and checks that it returns, and
// promptly. Once the server has stopped, no goroutine may have a context
// left on a stack.
func startServer(t *testing.T, cfg Config) (addr string, stop func()) {
	t.Helper()
	noContextsLeft(t) // checked once the server has stopped
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, cfg) }()
	stop = sync.OnceFunc(func() {
		cancel()
		select {
		case err := <-done:
			assert.NoError(t, err)
		case <-time.After(arrives):
			t.Error("Serve did not return after cancel")
		}
	})
	t.Cleanup(stop)
	return ln.Addr().String(), stop
}

// A client sends requests to one server, over connections that it keeps
// open between requests and closes when the test ends.
type client struct {
	t    *testing.T
	base string
	http *http.Client
}

// A reply is what came back for one request.
type reply struct {
	status int
	header http.Header
	body   string
}

// connect returns a client of the server at addr. It does not follow
// redirects, so that a test sees them.
func connect(t *testing.T, addr string) *client {
	transport := &http.Transport{MaxIdleConnsPerHost: 32}
	t.Cleanup(transport.CloseIdleConnections)
	return &client{t, "http://" + addr, &http.Client{
		Transport: transport,
		Timeout:   arrives,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}}
}

// connectTo returns a client of the test server srv.
func connectTo(t *testing.T, srv *httptest.Server) *client {
	return connect(t, srv.Listener.Addr().String())
}

// do sends one request and returns the reply; it fails the test if none
// comes. A POST sends form as a URL-encoded body, as a browser does.
func (c *client) do(method, path, form string) reply {
	c.t.Helper()
	got, err := c.try(method, path, form)
	require.NoError(c.t, err)
	return got
}

// try is do for goroutines other than the test's: it returns the error.
func (c *client) try(method, path, form string) (reply, error) {
	var body io.Reader
	if method == "POST" {
		body = strings.NewReader(form)
	}
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		return reply{}, err
	}
	if method == "POST" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, string(b)}, err
}
