package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// routeTests are requests to a fresh server, and what must come back:
// every route of the TODO app, every kind of bad request, then the
// routes of dispatch and of the admin app.
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
	{"a POST to an id that is not UTF-8", "POST", "/tasks/%E4%BB", "value=x",
		400, "error: id is not UTF-8\n"},
	{"a value that is not UTF-8", "POST", "/tasks/task_04", "value=%FF",
		400, "error: value is not UTF-8\n"},
	{"a form id that is not UTF-8", "POST", "/tasks", "id=%FF&value=x",
		400, "error: id is not UTF-8\n"},
	{"an id that is not UTF-8 is never stored", "GET", "/tasks/%FF", "",
		404, "no key match\n"},
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
			addr, _ := startServer(t, defaults)
			got := connect(t, addr).do(tt.method, tt.path, tt.form)
			assert.Equal(t, tt.status, got.status)
			assert.Equal(t, tt.body, got.body)
		})
	}
}

func TestAPostedValueCanBeRead(t *testing.T) {
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)

	c.do("POST", "/tasks/task_01", "value=see+nobody")
	assert.Equal(t, "see nobody\n", c.do("GET", "/tasks/task_01", "").body)

	c.do("POST", "/tasks/%E4%BB%BB%E5%8A%A1", "value=%E8%AF%BB%E4%B9%A6")
	assert.Equal(t, "读书\n", c.do("GET", "/tasks/任务", "").body)

	c.do("POST", "/tasks", "id=task_04&value=a%3Db")
	assert.Equal(t, "a=b\n", c.do("GET", "/tasks/task_04", "").body)
}

func TestReplyHeaders(t *testing.T) {
	addr, _ := startServer(t, defaults)
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
	addr, _ := startServer(t, defaults)
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
	assert.NotContains(t, page.body, "next", "one page holds them all")
}

func TestThePageEscapesIDsAndValues(t *testing.T) {
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)
	c.do("POST", "/tasks/%3Ci%3E", "value=%3Cscript%3Ealert(1)%3C/script%3E")

	page := c.do("GET", "/", "").body
	assert.Contains(t, page, "&lt;script&gt;alert(1)&lt;/script&gt;")
	assert.NotContains(t, page, "<script>")
	assert.Contains(t, page, `<a href="/tasks/%3Ci%3E">&lt;i&gt;</a>`)
}

// TestThePageShows100TasksAtATime follows the pages' "next" links
// through 250 tasks: 100, 100 and 50 of them, in order of id.
func TestThePageShows100TasksAtATime(t *testing.T) {
	s := newStore(1000, 1<<20)
	for i := range 247 { // and the three of newStore
		require.NoError(t, s.Set(fmt.Sprintf("t%03d", i), "v"))
	}
	c, _ := serve(t, todoApp(s))

	next := regexp.MustCompile(`<a href="/\?after=([^"]*)">next</a>`)
	path, shown := "/", []int{}
	for path != "" {
		page := c.do("GET", path, "").body
		shown = append(shown, strings.Count(page, "<li>"))
		path = ""
		if m := next.FindStringSubmatch(page); m != nil {
			path = "/?after=" + m[1]
		}
	}
	assert.Equal(t, []int{100, 100, 50}, shown)
	page := c.do("GET", "/?after=t099", "").body
	assert.Contains(t, page, `">t100</a>`, "the page after t099 starts at t100")
	assert.NotContains(t, page, `">t099</a>`)
}

// TestAPageLoadCostsLittleBesideTheStore fills the store with 1,000 tasks
// of 20,000 '"' characters, which the page escapes to 100,000 bytes each,
// and measures the peak of the heap during one load of the page: a page
// of 100 tasks, not of the whole store. (One page of everything is 100 MB,
// and the old, unpaged page peaked at over 400 MB.)
func TestAPageLoadCostsLittleBesideTheStore(t *testing.T) {
	noContextsLeft(t)
	s := newStore(10000, 64<<20)
	for i := range 1000 {
		require.NoError(t, s.Set(fmt.Sprintf("quotes_%04d", i),
			strings.Repeat(`"`, 20000)))
	}
	app := todoApp(s)
	w := &discard{header: http.Header{}}
	before, peak := peakHeap(func() {
		app.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
	})
	t.Logf("a page of %.1f MB: the heap went from %.1f MiB to %.1f MiB",
		float64(w.n)/1e6, float64(before)/(1<<20), float64(peak)/(1<<20))
	assert.Less(t, peak-before, uint64(64<<20), "bytes of heap")
	runtime.KeepAlive(s) // as a server keeps its store, beyond the page
}

// discard is a ResponseWriter that counts the body and keeps none of it.
type discard struct {
	header http.Header
	n      int
}

func (d *discard) Header() http.Header { return d.header }
func (d *discard) WriteHeader(int)     {}
func (d *discard) Write(p []byte) (int, error) {
	d.n += len(p)
	return len(p), nil
}

// peakHeap runs f and returns the heap's size before it, and the most it
// reached while f ran, looked at every millisecond. The garbage collector
// runs often meanwhile, so that the heap holds little besides what is in
// use.
func peakHeap(f func()) (before, peak uint64) {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	heap := func() uint64 {
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	before = heap()
	done, peaked := make(chan struct{}), make(chan uint64)
	go func() {
		most := before
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				peaked <- max(most, heap())
				return
			case <-tick.C:
				most = max(most, heap())
			}
		}
	}()
	f()
	close(done)
	return before, <-peaked
}
