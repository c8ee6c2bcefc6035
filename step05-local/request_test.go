package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The tests of this file look at local, which every server of the
// package shares, so they do not run in parallel: Go runs them one at a
// time, before the tests that do.

// TestParallelRequestsEachSeeTheirOwn holds many requests inside their
// handlers at once, then has each read the request bound to its
// goroutine: each must find its own.
func TestParallelRequestsEachSeeTheirOwn(t *testing.T) {
	const n = 20
	inside := make(chan struct{}, n)
	allInside := make(chan struct{})
	srv := httptest.NewServer(bindRequest(http.HandlerFunc(
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
	defer srv.Close()
	c := connectTo(t, srv)

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

// TestABurstOfRequestsLeavesNothingBound sends 1,000 requests, 20 at a
// time, to the real server: each is served right, and once the server
// has stopped, no goroutine has anything left in local.
func TestABurstOfRequestsLeavesNothingBound(t *testing.T) {
	const requests, clients = 1000, 20
	logged := captureLog(t)
	addr, stop := startServer(t, defaults)
	c := connect(t, addr)

	var failed sync.Once // the first request to fail tells, and is enough
	next := make(chan int)
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for i := range next {
				path := fmt.Sprintf("/tasks/burst_%04d", i)
				got, err := c.try("POST", path, fmt.Sprintf("value=v%d", i))
				if err != nil || got.body != "submit success\n" {
					failed.Do(func() {
						t.Errorf("POST %s: %s", path, answer(got, err, logged))
					})
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
		got, err := c.try("GET", path, "")
		if want := fmt.Sprintf("v%d\n", i); err != nil || got.body != want {
			t.Errorf("GET %s: %s, want %q", path, answer(got, err, logged), want)
			break
		}
	}
	stop() // every handler has returned
	if n := stored(&local); n > 0 {
		t.Errorf("after %d requests, %d at a time, goroutines with "+
			"values left in local: %d", requests, clients, n)
	}
}

func TestTheBindingIsReleasedWhenTheHandlerPanics(t *testing.T) {
	srv := httptest.NewServer(bindRequest(http.HandlerFunc(
		func(http.ResponseWriter, *http.Request) {
			if n := stored(&local); n != 1 {
				t.Errorf("inside the handler, goroutines with values in "+
					"local: %d, not 1 (the handler's, with its request)", n)
			}
			panic("a bug in a handler")
		})))
	c := connectTo(t, srv)

	// net/http recovers the panic, logs it, and drops the connection.
	if got, err := c.try("GET", "/", ""); err == nil {
		t.Errorf("the handler panicked, and the client got %d %q, as if "+
			"all went well: the panic was recovered and dropped",
			got.status, got.body)
	}
	srv.Close() // waits for the handler
	if n := stored(&local); n > 0 {
		t.Errorf("after a handler panicked, goroutines with values "+
			"left in local: %d", n)
	}
}

// answer describes a reply, or why none came: net/http logs the panic of
// a handler, and hangs up on its client.
func answer(got reply, err error, logged func() string) string {
	if err == nil {
		return fmt.Sprintf("%d %q", got.status, got.body)
	}
	for line := range strings.Lines(logged()) {
		if _, panicked, ok := strings.Cut(line, "panic "); ok {
			return "no answer, and the server logged a panic " +
				strings.TrimSpace(panicked)
		}
	}
	return "no answer: " + err.Error()
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

// TestAGoroutineThatAHandlerStartsDoesNotSeeTheRequest shows the trap of
// goroutine-local storage: the request belongs to the goroutine that
// serves it, and a goroutine started from there is another goroutine.
// Handed the request itself, the new goroutine has it.
func TestAGoroutineThatAHandlerStartsDoesNotSeeTheRequest(t *testing.T) {
	srv := httptest.NewServer(bindRequest(http.HandlerFunc(
		func(http.ResponseWriter, *http.Request) {
			t.Logf("goroutine %d, the handler: request() is %s %s",
				goroutineID(), request().Method, request().URL)

			panicked := make(chan any)
			go func() {
				defer func() { panicked <- recover() }()
				t.Logf("goroutine %d, started by the handler, calls request()",
					goroutineID())
				request()
			}()
			err := <-panicked
			t.Logf("... and request() panics: %v", err)
			assert.Equal(t, errOutsideRequest, err)

			handed := make(chan string)
			go func(r *http.Request) {
				t.Logf("goroutine %d, handed the request by the handler: %s %s",
					goroutineID(), r.Method, r.URL)
				handed <- r.URL.Path
			}(request())
			assert.Equal(t, "/tasks/task_01", <-handed)
		})))
	defer srv.Close()

	got := connectTo(t, srv).do("GET", "/tasks/task_01", "")
	assert.Equal(t, http.StatusOK, got.status)
}

func TestOutsideARequestThereIsNoRequest(t *testing.T) {
	value, ok := local.Get("request")
	assert.Nil(t, value)
	assert.False(t, ok)
	assert.PanicsWithError(t, errOutsideRequest.Error(), func() { request() })
}
