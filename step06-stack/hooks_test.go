package main

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHooksRunInFlasksOrder registers two hooks of each kind and checks
// the order in which they run, and what they get, against Flask 2.2's:
// before-request hooks in the order of registration, the others in
// reverse, request teardown before app context teardown.
func TestHooksRunInFlasksOrder(t *testing.T) {
	tests := []struct {
		name   string
		answer bool // the first before-request hook answers
		panics bool // the view panics
		status int
		hooks  []string // X-Hooks, as the after-request hooks set it
		ran    []string
	}{
		{"a request", false, false, 200, []string{"2", "1"}, []string{
			"before_request 1",
			"before_request 2",
			"view",
			"after_request 2",
			"after_request 1",
			"teardown_request 2 <nil>",
			"teardown_request 1 <nil>",
			"teardown_appcontext 2 <nil>",
			"teardown_appcontext 1 <nil>",
		}},
		{"a before-request hook answers", true, false, 403,
			[]string{"2", "1"}, []string{
				"before_request 1",
				"after_request 2",
				"after_request 1",
				"teardown_request 2 <nil>",
				"teardown_request 1 <nil>",
				"teardown_appcontext 2 <nil>",
				"teardown_appcontext 1 <nil>",
			}},
		{"the view panics", false, true, 0, nil, []string{
			"before_request 1",
			"before_request 2",
			"view",
			"teardown_request 2 panic: a bug in a view",
			"teardown_request 1 panic: a bug in a view",
			"teardown_appcontext 2 panic: a bug in a view",
			"teardown_appcontext 1 panic: a bug in a view",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
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
					if tt.answer && name == "1" {
						return text(http.StatusForbidden, "no"), true
					}
					return response{}, false
				})
				app.AfterRequest(func(resp *ResponseBuffer) {
					say("after_request %s", name)
					resp.Header().Add("X-Hooks", name)
				})
				app.TeardownRequest(func(err error) {
					assert.Equal(t, "/", request().URL.Path,
						"the request is still current")
					say("teardown_request %s %v", name, err)
				})
				app.TeardownAppContext(func(err error) {
					say("teardown_appcontext %s %v", name, err)
				})
			}
			app.Handle("/", view(func() response {
				say("view")
				if tt.panics {
					panic("a bug in a view")
				}
				return text(http.StatusOK, "index")
			}))
			srv := httptest.NewServer(app)
			c := connectTo(t, srv)

			got, err := c.try("GET", "/", "")
			if tt.panics {
				assert.Error(t, err, "net/http drops the connection")
			} else if assert.NoError(t, err) {
				assert.Equal(t, tt.status, got.status)
				assert.Equal(t, tt.hooks, got.header.Values("X-Hooks"))
			}
			srv.Close() // waits for the handler, and so for its teardown
			mu.Lock()
			defer mu.Unlock()
			assert.Equal(t, tt.ran, ran)
			assert.Zero(t, bound(), "goroutines with contexts left")
		})
	}
}

// TestTheReadmeShowsWhatFlaskPrints runs flask_hooks.py, where Flask is
// installed, and checks that README.md shows what it prints.
func TestTheReadmeShowsWhatFlaskPrints(t *testing.T) {
	python := findPython(t, "flask_hooks.py") // as for the twins
	out, err := exec.Command(python, "flask_hooks.py").Output()
	require.NoError(t, err)
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme),
		"$ python3 step06-stack/flask_hooks.py\n"+string(out)+"```\n")
}

// TestAViewThatBreaksTheStackIsLoggedAndCleanedUp has views push or pop
// a context where they must not. App.ServeHTTP cannot pop its request
// context as it should: it logs the error and leaves the stacks as the
// request found them, so that the next request that the goroutine serves,
// on the same connection, starts afresh.
func TestAViewThatBreaksTheStackIsLoggedAndCleanedUp(t *testing.T) {
	other := NewApp("other")
	r := httptest.NewRequest("GET", "/other", nil)
	tests := []struct {
		name   string
		breaks func()
		log    string
	}{
		{"it leaves an app context pushed", func() {
			other.AppContext().Push()
		}, `GET /break: popped wrong app context: app context of "other"` +
			` is on top, not app context of "test"`},
		{"it leaves a request context pushed", func() {
			other.RequestContext(r).Push()
		}, `GET /break: popped wrong request context: request context` +
			` of "other" for GET /other is on top, not request context` +
			` of "test" for GET /break`},
		{"it pops its own request context", func() {
			top, _ := requestStack.Top()
			require.NoError(t, top.Pop())
		}, `GET /break: pop request context of "test" for GET /break:` +
			` working outside of request context`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logged := captureLog(t)
			app := NewApp("test")
			tornDown := 0
			app.TeardownAppContext(func(error) { tornDown++ })
			app.Handle("/break", view(func() response {
				tt.breaks()
				return text(http.StatusOK, "broken")
			}))
			app.Handle("/depth", view(func() response {
				id := goroutineID()
				return text(http.StatusOK, fmt.Sprintf("%d apps, %d requests",
					len(appStack.items(id)), len(requestStack.items(id))))
			}))
			srv := httptest.NewServer(app)
			c := connectTo(t, srv)

			assert.Equal(t, "broken\n", c.do("GET", "/break", "").body)
			assert.Equal(t, "1 apps, 1 requests\n",
				c.do("GET", "/depth", "").body, "on the same goroutine")
			srv.Close()
			assert.Contains(t, logged(), tt.log)
			assert.Equal(t, 2, tornDown, "each request's app context")
			assert.Zero(t, bound(), "goroutines with contexts left")
		})
	}
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
