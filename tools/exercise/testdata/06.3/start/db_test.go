package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A fakeDB is a connection that counts how many are open, and how many
// times it was closed itself.
type fakeDB struct {
	id     int
	open   *atomic.Int32
	closed atomic.Int32
}

func (db *fakeDB) Close() error {
	db.open.Add(-1)
	db.closed.Add(1)
	return nil
}

// fakeDBs opens fakeDBs, numbered from 1, and keeps them.
type fakeDBs struct {
	mu     sync.Mutex
	opened []*fakeDB
	open   atomic.Int32
}

func (dbs *fakeDBs) Open() io.Closer {
	dbs.mu.Lock()
	defer dbs.mu.Unlock()
	dbs.open.Add(1)
	db := &fakeDB{id: len(dbs.opened) + 1, open: &dbs.open}
	dbs.opened = append(dbs.opened, db)
	return db
}

// closedOnce checks that every connection opened was closed once, after
// what happened says.
func (dbs *fakeDBs) closedOnce(t *testing.T, happened string) {
	t.Helper()
	dbs.mu.Lock()
	defer dbs.mu.Unlock()
	for _, db := range dbs.opened {
		if n := db.closed.Load(); n != 1 {
			t.Errorf("%s: connection %d was closed %d times, not once",
				happened, db.id, n)
		}
	}
}

// dbApp returns an app that uses dbs, and whose view /db answers with
// the number of the connection in g.
func dbApp(dbs *fakeDBs) *App {
	app := NewApp("db")
	useDB(app, dbs.Open)
	app.Handle("GET /db", view(func() response {
		db, ok := G()["db"].(*fakeDB)
		if !ok {
			return text(http.StatusInternalServerError, "no db in g")
		}
		return text(http.StatusOK, fmt.Sprint(db.id))
	}))
	return app
}

// get serves GET path with h, and returns the reply.
func get(h http.Handler, path string) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
	return w
}

func TestTheDBIsOpenForTheRequestAndClosedAfter(t *testing.T) {
	noContextsLeft(t)
	var dbs fakeDBs
	app := dbApp(&dbs)
	for i := 1; i <= 3; i++ {
		w := get(app, "/db")
		if want := fmt.Sprintln(i); w.Body.String() != want {
			t.Fatalf("request %d: got %d %q, want connection %d in g",
				i, w.Code, w.Body.String(), i)
		}
		dbs.closedOnce(t, fmt.Sprintf("after %d requests", i))
	}
	w := get(app, "/nothing")
	assert.Equal(t, http.StatusNotFound, w.Code)
	dbs.closedOnce(t, "after a request that no view served")
}

// TestAnAppContextWithoutARequestClosesNothing pushes and pops an app
// context, as a script or a command does, outside any request: the
// teardown runs, and finds no connection in g.
func TestAnAppContextWithoutARequestClosesNothing(t *testing.T) {
	noContextsLeft(t)
	var dbs fakeDBs
	ctx := dbApp(&dbs).AppContext()
	ctx.Push()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("popping an app context that served no request "+
				"panicked: %v", p)
		}
	}()
	assert.NoError(t, ctx.Pop())
}

func TestTheDBIsClosedWhenAViewPanics(t *testing.T) {
	noContextsLeft(t)
	var dbs fakeDBs
	app := dbApp(&dbs)
	app.Handle("GET /bug", view(func() response { panic("a bug in a view") }))

	w := get(app, "/bug")
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	dbs.closedOnce(t, "after a view panicked")
}

// TestEachRequestHasADBOfItsOwn holds 10 requests in the view at once:
// each finds its own connection in g, and each connection is closed once.
func TestEachRequestHasADBOfItsOwn(t *testing.T) {
	noContextsLeft(t)
	const n = 10
	var dbs fakeDBs
	app := dbApp(&dbs)
	inside := make(chan struct{}, n)
	allInside := make(chan struct{})
	app.Handle("GET /held", view(func() response {
		inside <- struct{}{}
		<-allInside
		return text(http.StatusOK, fmt.Sprint(G()["db"].(*fakeDB).id))
	}))

	var wg sync.WaitGroup
	seen := make(chan string, n)
	for range n {
		wg.Go(func() { seen <- get(app, "/held").Body.String() })
	}
	wait, cancel := context.WithTimeout(context.Background(), arrives)
	defer cancel()
	for range n {
		select {
		case <-inside:
		case <-wait.Done():
		}
	}
	close(allInside)
	wg.Wait()
	close(seen)
	if !assert.NoError(t, wait.Err(), "the requests did not all arrive") {
		return
	}

	ids := map[string]bool{}
	for id := range seen {
		ids[id] = true
	}
	if len(ids) != n {
		t.Errorf("%d requests at once found %d connections in g, not %d",
			n, len(ids), n)
	}
	dbs.closedOnce(t, fmt.Sprintf("after %d requests at once", n))
}
