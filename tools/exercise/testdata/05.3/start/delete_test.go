package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDeleteATask(t *testing.T) {
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)

	for _, step := range []struct {
		method, path string
		status       int
		body         string
	}{
		{"DELETE", "/tasks/task_01", 200, "delete success\n"},
		{"GET", "/tasks/task_01", 404, "no key match\n"},
		{"DELETE", "/tasks/task_01", 404, "no key match\n"},
		{"DELETE", "/tasks/task_09", 404, "no key match\n"},
		{"GET", "/tasks/task_02", 200, "read book\n"},
	} {
		got := c.do(step.method, step.path, "")
		if got.status != step.status || got.body != step.body {
			t.Fatalf("%s %s: got %d %q, want %d %q", step.method, step.path,
				got.status, got.body, step.status, step.body)
		}
	}
}

func TestTheAllowHeaderNamesDelete(t *testing.T) {
	addr, _ := startServer(t, defaults)
	got := connect(t, addr).do("PUT", "/tasks/task_01", "")
	assert.Equal(t, http.StatusMethodNotAllowed, got.status)
	assert.Contains(t, got.header.Get("Allow"), "DELETE")
}

// TestADeletedTaskFreesItsRoom fills a store to its bound, deletes each
// of the original tasks in turn, and posts a task as large in its place:
// it fits, and one byte more does not.
func TestADeletedTaskFreesItsRoom(t *testing.T) {
	original := map[string]string{"task_01": "see someone",
		"task_02": "read book", "task_03": "play basketball"}
	full := 0 // the bytes of the original tasks
	for id, value := range original {
		full += len(id) + len(value)
	}
	for id, value := range original {
		addr, _ := startServer(t, Config{MaxTasks: 10, MaxBytes: full})
		c := connect(t, addr)
		c.do("DELETE", "/tasks/"+id, "")
		same := "value=" + strings.Repeat("a", len(value)) // as large
		if got := c.do("POST", "/tasks/task_04", same); got.status != 200 {
			t.Fatalf("a store of at most %d bytes, full; DELETE /tasks/%s "+
				"(%d bytes), then a POST of as many bytes got %d %q",
				full, id, len(id)+len(value), got.status, got.body)
		}
		if got := c.do("POST", "/tasks/task_05", "value=a"); got.status != 507 {
			t.Fatalf("a store of at most %d bytes, full again: a POST of "+
				"a new task got %d %q, want 507", full, got.status, got.body)
		}
	}
}

// TestATaskIsDeletedOnce has 8 clients delete the same task at once, for
// 100 tasks, while 2 others load the home page, which holds the store's
// lock while it sorts its 5,000 tasks: the DELETEs queue up for the lock,
// and take turns. One DELETE of each task gets "delete success", the
// others 404, and the store still counts the bytes it holds. The requests
// go straight to the app, with no sockets, so that they meet in the store.
func TestATaskIsDeletedOnce(t *testing.T) {
	const tasks, clients, stored = 100, 8, 5000
	s := newStore(defaults.MaxTasks, defaults.MaxBytes)
	app := todoApp(s)
	send := func(method, path string) int {
		w := httptest.NewRecorder()
		app.ServeHTTP(w, httptest.NewRequest(method, path, nil))
		return w.Code
	}
	for i := range stored - 3 {
		s.Set(fmt.Sprintf("task_%04d", i), "to delete")
	}

	done := make(chan struct{})
	var readers sync.WaitGroup
	for range 2 {
		readers.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
					send("GET", "/")
				}
			}
		})
	}
	for i := range tasks {
		path := fmt.Sprintf("/tasks/task_%04d", i)
		start := make(chan struct{})
		var deleted atomic.Int32
		var wg sync.WaitGroup
		for range clients {
			wg.Go(func() {
				<-start // all at once
				if send("DELETE", path) == http.StatusOK {
					deleted.Add(1)
				}
			})
		}
		close(start)
		wg.Wait()
		if n := deleted.Load(); n != 1 {
			t.Errorf("%d clients sent DELETE %s at once: %d got "+
				"delete success, want 1", clients, path, n)
			break
		}
	}
	close(done)
	readers.Wait()

	s.mu.Lock()
	defer s.mu.Unlock()
	held := 0
	for id, value := range s.tasks {
		held += len(id) + len(value)
	}
	if s.bytes != held {
		t.Errorf("after the DELETEs, the store counts %d bytes, and its "+
			"tasks hold %d", s.bytes, held)
	}
}
