package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHooksRunInFlasksOrder registers two hooks of each kind and checks
// the order in which they run against Flask's: before-request hooks in
// the order of registration, the others in reverse. A panic in the view,
// or in a hook, is answered 500, and the teardown functions still run.
func TestHooksRunInFlasksOrder(t *testing.T) {
	tests := []struct {
		name   string
		fails  string // "before 1", "view" or "after 2": what panics
		answer bool   // the first before-request hook answers
		status int
		hooks  []string // X-Hooks, as the after-request hooks set it
		ran    []string
	}{
		{"a request", "", false, 200, []string{"2", "1"}, []string{
			"before_request 1",
			"before_request 2",
			"view",
			"after_request 2",
			"after_request 1",
			"teardown_appcontext 2",
			"teardown_appcontext 1",
		}},
		{"a before-request hook answers", "", true, 403,
			[]string{"2", "1"}, []string{
				"before_request 1",
				"after_request 2",
				"after_request 1",
				"teardown_appcontext 2",
				"teardown_appcontext 1",
			}},
		{"the view panics", "view", false, 500, nil, []string{
			"before_request 1",
			"before_request 2",
			"view",
			"teardown_appcontext 2",
			"teardown_appcontext 1",
		}},
		{"a before-request hook panics", "before 1", false, 500, nil,
			[]string{
				"before_request 1",
				"teardown_appcontext 2",
				"teardown_appcontext 1",
			}},
		{"an after-request hook panics", "after 2", false, 500, nil,
			[]string{
				"before_request 1",
				"before_request 2",
				"view",
				"after_request 2",
				"teardown_appcontext 2",
				"teardown_appcontext 1",
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			captureLog(t) // a panic is logged
			var mu sync.Mutex
			var ran []string
			say := func(format string, args ...any) {
				mu.Lock()
				defer mu.Unlock()
				ran = append(ran, fmt.Sprintf(format, args...))
			}
			app := NewApp("hooks")
			for _, name := range []string{"1", "2"} {
				app.BeforeRequest(func() (response, bool) {
					say("before_request %s", name)
					if tt.fails == "before "+name {
						panic(tt.fails)
					}
					if tt.answer && name == "1" {
						return text(http.StatusForbidden, "no"), true
					}
					return response{}, false
				})
				app.AfterRequest(func(resp *ResponseBuffer) {
					say("after_request %s", name)
					resp.Header().Add("X-Hooks", name)
					if tt.fails == "after "+name {
						panic(tt.fails)
					}
				})
				app.TeardownAppContext(func() {
					say("teardown_appcontext %s", name)
				})
			}
			app.Handle("/", view(func() response {
				say("view")
				if tt.fails == "view" {
					panic("view")
				}
				return text(http.StatusOK, "index")
			}))
			c, stop := serve(t, app)

			got := c.do("GET", "/", "")
			assert.Equal(t, tt.status, got.status)
			assert.Equal(t, tt.hooks, got.header.Values("X-Hooks"))
			stop() // waits for the handler, and so for its teardown
			mu.Lock()
			defer mu.Unlock()
			assert.Equal(t, tt.ran, ran)
		})
	}
}

// TestAPanicIsAnswered500 panics in a view: the client gets 500, the log
// says where, and the connection serves the next request.
func TestAPanicIsAnswered500(t *testing.T) {
	logged := captureLog(t)
	app := NewApp("test")
	app.Handle("/bug", view(func() response { panic("a bug in a view") }))
	app.Handle("/client", view(func() response {
		return text(http.StatusOK, request().RemoteAddr)
	}))
	c, stop := serve(t, app)

	client := c.do("GET", "/client", "").body
	got := c.do("GET", "/bug", "")
	assert.Equal(t, http.StatusInternalServerError, got.status)
	assert.Equal(t, "error: internal server error\n", got.body)
	assert.Equal(t, client, c.do("GET", "/client", "").body,
		"the same connection")
	stop()
	assert.Contains(t, logged(), "GET /bug: panic: a bug in a view")
}

// captureLog sends the log to a buffer until the test ends, and returns
// a function that reads what was logged.
func captureLog(t *testing.T) func() string {
	var mu sync.Mutex
	var buf bytes.Buffer
	log.SetOutput(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return buf.Write(p)
	}))
	t.Cleanup(func() { log.SetOutput(io.Discard) })
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		return buf.String() // a copy
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
