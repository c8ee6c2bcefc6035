package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEverySpellingOfTheMountPointReachesTheAdminApp sends requests to
// /admin/ spelled with escapes, such as /%61dmin/index: werkzeug's
// DispatcherMiddleware matches the decoded path, so it sends them all to
// the admin app, and so must dispatch.
func TestEverySpellingOfTheMountPointReachesTheAdminApp(t *testing.T) {
	spellings := []string{""}
	for _, b := range []byte("admin") {
		var longer []string
		for _, s := range spellings {
			longer = append(longer, s+string(b),
				s+fmt.Sprintf("%%%02x", b), s+fmt.Sprintf("%%%02X", b))
		}
		spellings = longer
	}
	slices.Sort(spellings)
	spellings = slices.Compact(spellings) // %61 is %61 in either case
	require.Len(t, spellings, 2*2*3*2*3, "a, d, m, i, n")

	addr, _ := startServer(t, defaults)
	c := connect(t, addr)
	for _, mount := range spellings {
		got := c.do("GET", "/"+mount+"/index", "")
		assert.Equal(t, "admin\n", got.body, "/%s/index", mount)
		got = c.do("GET", "/"+mount+"/%70ermissions", "")
		assert.Equal(t, "list, add\n", got.body, "/%s/%%70ermissions", mount)
	}
}

// TestAnEscapedSlashIsASlash: a WSGI server decodes the path before
// Flask routes it, so %2F is a slash wherever it stands, as in step06.
func TestAnEscapedSlashIsASlash(t *testing.T) {
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)
	tests := []struct {
		method, path, form string
		status             int
		body               string
	}{
		{"POST", "/tasks/a%2Fb", "value=x", 404, "404 page not found\n"},
		{"GET", "/tasks/a%2Fb", "", 404, "404 page not found\n"},
		{"GET", "/admin%2Findex", "", 200, "admin\n"},
	}
	for _, tt := range tests {
		got := c.do(tt.method, tt.path, tt.form)
		assert.Equal(t, tt.status, got.status, tt.path)
		assert.Equal(t, tt.body, got.body, tt.path)
	}
}

// TestABurstOfRequestsLeavesNothingBound sends 1,000 requests, 20 at a
// time, to the real server: each is served right, and once the server
// has stopped, no goroutine has anything left on a stack (startServer
// checks it).
func TestABurstOfRequestsLeavesNothingBound(t *testing.T) {
	const requests, clients = 1000, 20
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)

	next := make(chan int)
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for i := range next {
				path := fmt.Sprintf("/tasks/burst_%04d", i)
				got, err := c.try("POST", path, fmt.Sprintf("value=v%d", i))
				if assert.NoError(t, err) {
					assert.Equal(t, "submit success\n", got.body)
				}
			}
		})
	}
	for i := range requests {
		next <- i
	}
	close(next)
	wg.Wait()

	for i := range requests {
		path := fmt.Sprintf("/tasks/burst_%04d", i)
		assert.Equal(t, fmt.Sprintf("v%d\n", i), c.do("GET", path, "").body)
	}
}

// TestEachAppSeesItself sends 400 requests from concurrent clients,
// alternately to the TODO app and to the admin app: whichever goroutine
// serves it, and whatever ran on it before, each request sees its own app.
func TestEachAppSeesItself(t *testing.T) {
	const requests = 400
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)

	start := make(chan struct{})
	var wg sync.WaitGroup
	for i := range requests {
		path, want := "/index", "todo\n"
		if i%2 == 1 {
			path, want = "/admin/index", "admin\n"
		}
		wg.Go(func() {
			<-start // all at once, so that they overlap
			got, err := c.try("GET", path, "")
			if assert.NoError(t, err) {
				assert.Equal(t, want, got.body, path)
			}
		})
	}
	close(start)
	wg.Wait()
}

// TestEachRequestHasAFreshG sends two requests over one connection, so
// that the same goroutine serves both: g lives as long as its app
// context, and each request pushes a new one.
func TestEachRequestHasAFreshG(t *testing.T) {
	served := make(chan uint64, 2) // the goroutine of each request
	c, _ := serve(t, inApp(http.HandlerFunc(
		func(w http.ResponseWriter, _ *http.Request) {
			served <- goroutineID()
			visits, _ := G()["visits"].(int)
			G()["visits"] = visits + 1
			fmt.Fprint(w, visits+1)
		})))

	assert.Equal(t, "1", c.do("GET", "/", "").body)
	assert.Equal(t, "1", c.do("GET", "/", "").body, "g was kept")
	assert.Equal(t, <-served, <-served, "one goroutine served both")
}

// TestParallelRequestsEachSeeTheirOwn holds many requests inside their
// handlers at once, then has each read the request bound to its
// goroutine: each must find its own.
func TestParallelRequestsEachSeeTheirOwn(t *testing.T) {
	const n = 20
	inside := make(chan struct{}, n)
	allInside := make(chan struct{})
	c, _ := serve(t, inApp(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			inside <- struct{}{}
			select {
			case <-allInside:
			case <-time.After(arrives):
				t.Error("the other requests did not arrive")
			}
			assert.Same(t, r, request())
			io.WriteString(w, request().URL.Query().Get("n"))
		})))

	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got, err := c.try("GET", fmt.Sprintf("/?n=%d", i), "")
			if assert.NoError(t, err) {
				assert.Equal(t, fmt.Sprint(i), got.body)
			}
		})
	}
	wait, cancel := context.WithTimeout(context.Background(), arrives)
	defer cancel()
	for range n {
		select {
		case <-inside:
		case <-wait.Done():
		}
	}
	assert.NoError(t, wait.Err(), "the requests did not all arrive")
	close(allInside)
	wg.Wait()
}

// TestAGoroutineThatAHandlerStartsDoesNotSeeTheRequest shows the trap of
// goroutine-local storage: the request belongs to the goroutine that
// serves it, and a goroutine started from there is another goroutine.
func TestAGoroutineThatAHandlerStartsDoesNotSeeTheRequest(t *testing.T) {
	c, _ := serve(t, inApp(http.HandlerFunc(
		func(http.ResponseWriter, *http.Request) {
			_, ok := requestStack.Top()
			assert.True(t, ok, "the handler sees the request")

			done := make(chan struct{})
			go func() {
				defer close(done)
				_, ok := requestStack.Top()
				assert.False(t, ok, "a goroutine it starts does not")
				assert.PanicsWithError(t, errOutsideApp.Error(),
					func() { CurrentApp() }, "nor the app")
				assert.PanicsWithError(t, errOutsideRequest.Error(),
					func() { request() })
			}()
			<-done
		})))

	got := c.do("GET", "/", "")
	assert.Equal(t, http.StatusOK, got.status)
}

// TestARequestLooksUpItsGoroutineSixTimes counts what one request costs
// in stack traces: pushing the request context and its app context takes
// two, the view's request() one, popping the request context one, and
// popping the app context two: one to see that it is on top before its
// teardown runs, one to pop it.
func TestARequestLooksUpItsGoroutineSixTimes(t *testing.T) {
	addr, stop := startServer(t, defaults)
	c := connect(t, addr)

	n := countLookups(func() {
		got := c.do("GET", "/tasks/task_01", "")
		assert.Equal(t, "see someone\n", got.body)
		stop() // every handler has returned, and its defers have run
	})
	if n != 6 {
		t.Errorf("a request looked up its goroutine %d times, not 6: "+
			"each lookup writes a stack trace", n)
	}
}
