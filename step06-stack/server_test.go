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

// routeTests are requests to a fresh server, and what must come back:
// every route of the app, then every kind of bad request.
var routeTests = []struct {
	name   string
	method string
	path   string
	form   string // the body of a POST, URL-encoded
	status int
	body   string
}{
	{"GET answers with the value", "GET", "/tasks/task_01", "",
		200, "see someone\n"},
	{"GET of an unknown id", "GET", "/tasks/task_09", "",
		404, "no key match\n"},
	{"POST stores the value", "POST", "/tasks/task_04", "value=go+shopping",
		200, "submit success\n"},
	{"the form's POST sends the browser back to the list", "POST", "/tasks",
		"id=task_04&value=go+shopping", 303, ""},
	{"a Chinese id arrives URL-encoded", "POST", "/tasks/%E4%BB%BB%E5%8A%A1",
		"value=%E8%AF%BB%E4%B9%A6", 200, "submit success\n"},
	{"a value may hold = and &", "POST", "/tasks/task_04", "value=a%3Db%26c",
		200, "submit success\n"},
	{"a body of exactly 64 KiB", "POST", "/tasks/task_04",
		"value=" + strings.Repeat("a", maxBody-len("value=")),
		200, "submit success\n"},

	{"a POST without value", "POST", "/tasks/task_04", "",
		400, "error: expected a non-empty value\n"},
	{"a POST with an empty value", "POST", "/tasks/task_04", "value=",
		400, "error: expected a non-empty value\n"},
	{"a value in the query string does not count", "POST",
		"/tasks/task_04?value=x", "", 400, "error: expected a non-empty value\n"},
	{"the form without id", "POST", "/tasks", "value=x",
		400, "error: expected a non-empty id\n"},
	{"the form with an empty id", "POST", "/tasks", "id=&value=x",
		400, "error: expected a non-empty id\n"},
	{"the form without value", "POST", "/tasks", "id=task_04",
		400, "error: expected a non-empty value\n"},
	{"an id that is not UTF-8", "GET", "/tasks/%FF", "",
		400, "error: id is not UTF-8\n"},
	{"a POST to an id that is not UTF-8", "POST", "/tasks/%E4%BB", "value=x",
		400, "error: id is not UTF-8\n"},
	{"a value that is not UTF-8", "POST", "/tasks/task_04", "value=%FF",
		400, "error: value is not UTF-8\n"},
	{"a form id that is not UTF-8", "POST", "/tasks", "id=%FF&value=x",
		400, "error: id is not UTF-8\n"},
	{"a malformed form", "POST", "/tasks/task_04", "value=%zz",
		400, "error: invalid URL escape \"%zz\"\n"},
	{"a body over 64 KiB", "POST", "/tasks/task_04",
		"value=" + strings.Repeat("a", maxBody),
		413, "error: body too large, expected at most 64 KiB\n"},

	{"DELETE of a task", "DELETE", "/tasks/task_01", "",
		405, "Method Not Allowed\n"},
	{"GET of the form's target", "GET", "/tasks", "",
		405, "Method Not Allowed\n"},
	{"POST to the page", "POST", "/", "", 405, "Method Not Allowed\n"},
	{"an unknown path", "GET", "/nope", "", 404, "404 page not found\n"},
	{"a path below a task", "GET", "/tasks/task_01/x", "",
		404, "404 page not found\n"},
	{"an empty id", "GET", "/tasks/", "", 404, "404 page not found\n"},

	{"the TODO app is the current app under /", "GET", "/index", "",
		200, "todo\n"},
	{"the admin app is the current app under /admin/", "GET",
		"/admin/index", "", 200, "admin\n"},
	{"the admin app's hook sets g.permissions", "GET",
		"/admin/permissions", "", 200, "list, add\n"},
	{"a mount matches whole path segments", "GET", "/adminx/index", "",
		404, "404 page not found\n"},
	{"the TODO app has no permissions", "GET", "/permissions", "",
		404, "404 page not found\n"},
	{"the admin app has no page", "GET", "/admin/", "",
		404, "404 page not found\n"},
	{"the admin app has no tasks", "GET", "/admin/tasks/task_01", "",
		404, "404 page not found\n"},
	{"the mount point without its slash is redirected", "GET", "/admin",
		"", 307, "<a href=\"/admin/\">Temporary Redirect</a>.\n\n"},
	{"POST to the admin app's index", "POST", "/admin/index", "",
		405, "Method Not Allowed\n"},
}

func TestRoutes(t *testing.T) {
	for _, tt := range routeTests {
		t.Run(tt.name, func(t *testing.T) {
			addr, _ := startServer(t)
			got := connect(t, addr).do(tt.method, tt.path, tt.form)
			assert.Equal(t, tt.status, got.status)
			assert.Equal(t, tt.body, got.body)
		})
	}
}

func TestAPostedValueCanBeRead(t *testing.T) {
	addr, _ := startServer(t)
	c := connect(t, addr)

	c.do("POST", "/tasks/task_01", "value=see+nobody")
	assert.Equal(t, "see nobody\n", c.do("GET", "/tasks/task_01", "").body)

	c.do("POST", "/tasks/%E4%BB%BB%E5%8A%A1", "value=%E8%AF%BB%E4%B9%A6")
	assert.Equal(t, "读书\n", c.do("GET", "/tasks/任务", "").body)

	c.do("POST", "/tasks", "id=task_04&value=a%3Db")
	assert.Equal(t, "a=b\n", c.do("GET", "/tasks/task_04", "").body)
}

func TestReplyHeaders(t *testing.T) {
	addr, _ := startServer(t)
	c := connect(t, addr)

	page := c.do("GET", "/", "")
	assert.Equal(t, "text/html; charset=utf-8", page.header.Get("Content-Type"))

	value := c.do("GET", "/tasks/task_01", "")
	assert.Equal(t, "text/plain; charset=utf-8",
		value.header.Get("Content-Type"))

	redirect := c.do("POST", "/tasks", "id=task_04&value=x")
	assert.Equal(t, http.StatusSeeOther, redirect.status)
	assert.Equal(t, "/", redirect.header.Get("Location"))
}

func TestThePageListsTheTasksSortedByID(t *testing.T) {
	addr, _ := startServer(t)
	c := connect(t, addr)
	c.do("POST", "/tasks", "id=task_00&value=wake+up")

	page := c.do("GET", "/", "")
	require.Equal(t, http.StatusOK, page.status)
	var order []int
	for _, value := range []string{
		"wake up", "see someone", "read book", "play basketball",
	} {
		order = append(order, strings.Index(page.body, "</a>: "+value+"<"))
	}
	assert.NotContains(t, order, -1, "every task is on the page")
	assert.IsIncreasing(t, order, "sorted by id")
	assert.Contains(t, page.body, `<form method="post" action="/tasks">`)
}

func TestThePageEscapesIDsAndValues(t *testing.T) {
	addr, _ := startServer(t)
	c := connect(t, addr)
	c.do("POST", "/tasks/%3Ci%3E", "value=%3Cscript%3Ealert(1)%3C/script%3E")

	page := c.do("GET", "/", "").body
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, page, "<script>")
	assert.Contains(t, page, `<a href="/tasks/%3Ci%3E">&lt;i&gt;</a>`)
}

func TestStopsWithAClientConnected(t *testing.T) {
	addr, stop := startServer(t)
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
	addr, _ := startServer(t)
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

// startServer serves on a fresh loopback port until stop is called or the
// test ends, answering to hosts too. stop cancels Serve and checks that
// it returns, and promptly. Once the server has stopped, no goroutine may
// have a context left on a stack.
func startServer(t *testing.T, hosts ...string) (addr string, stop func()) {
	t.Helper()
	noContextsLeft(t) // checked once the server has stopped
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, hosts...) }()
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
