package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTheGoWaysAnswerAsGetTask(t *testing.T) {
	addr, _ := startServer(t)
	local := connect(t, addr)
	srv := httptest.NewServer(goRoutes(newStore()))
	defer srv.Close()
	goWay := connectTo(t, srv)

	for _, id := range []string{"task_01", "task_09", "%E4%BB%BB", "%FF"} {
		want := local.do("GET", "/tasks/"+id, "")
		for _, way := range []string{"/context", "/parameter"} {
			got := goWay.do("GET", way+"/tasks/"+id, "")
			assert.Equal(t, want.status, got.status, way, id)
			assert.Equal(t, want.body, got.body, way, id)
		}
	}
}

func TestAContextWithoutTheRequest(t *testing.T) {
	r, ok := requestFrom(context.Background())
	assert.Nil(t, r)
	assert.False(t, ok)

	resp := newStore().getTaskFromContext(context.Background())
	assert.Equal(t, http.StatusInternalServerError, resp.status)
}

// TestAGoroutineHandedTheContextSeesTheRequest is the trap of
// TestAGoroutineThatAHandlerStartsDoesNotSeeTheRequest, gone: a context
// belongs to no goroutine, so whoever is handed it can read it.
func TestAGoroutineHandedTheContextSeesTheRequest(t *testing.T) {
	srv := httptest.NewServer(withRequest(http.HandlerFunc(
		func(_ http.ResponseWriter, r *http.Request) {
			done := make(chan struct{})
			go func(ctx context.Context) {
				defer close(done)
				got, ok := requestFrom(ctx)
				if assert.True(t, ok) {
					assert.Equal(t, "n=7", got.URL.RawQuery)
				}
			}(r.Context())
			<-done
		})))
	defer srv.Close()

	got := connectTo(t, srv).do("GET", "/?n=7", "")
	assert.Equal(t, http.StatusOK, got.status)
}

func TestGoContext(t *testing.T) {
	t.Run("the script gives the same answers with both kinds of stack",
		func(t *testing.T) {
			app1, app2 := debugApps()
			assert.Equal(t,
				scriptWithStack(app1, app2),
				scriptWithContext(context.Background(), app1, app2))
		})

	t.Run("a context with no app is the same clear error",
		func(t *testing.T) {
			_, err := appFrom(context.Background())
			assert.ErrorIs(t, err, errOutsideApp)
		})

	t.Run("a new layer leaves its parent as it was", func(t *testing.T) {
		app1, app2 := debugApps()
		parent := withApp(context.Background(), app1)
		child := withApp(parent, app2)

		assert.Same(t, app2, appIn(t, child))
		assert.Same(t, app1, appIn(t, parent))
	})

	t.Run("a goroutine given the context sees the app", func(t *testing.T) {
		app := NewApp("todo")
		ctx := withApp(context.Background(), app)

		apps := make(chan *App)
		go func(ctx context.Context) {
			app, _ := appFrom(ctx)
			apps <- app
		}(ctx)
		assert.Same(t, app, <-apps)
	})
}

func appIn(t *testing.T, ctx context.Context) *App {
	t.Helper()
	app, err := appFrom(ctx)
	require.NoError(t, err)
	return app
}

// sink keeps the benchmarks' results, so that the compiler cannot drop
// the lookups.
var sink *http.Request

// BenchmarkLookup measures one lookup of the current request, each way.
func BenchmarkLookup(b *testing.B) {
	r := httptest.NewRequest("GET", "/tasks/task_01", nil)

	b.Run("goroutine-local", func(b *testing.B) {
		ctx := NewApp("bench").RequestContext(r)
		ctx.Push()
		defer ctx.Pop()
		for b.Loop() {
			sink = request()
		}
	})
	b.Run("goroutine id alone", func(b *testing.B) {
		for b.Loop() {
			goroutineID()
		}
	})
	b.Run("context", func(b *testing.B) {
		ctx := serverContext(b)
		for b.Loop() {
			sink, _ = requestFrom(ctx)
		}
	})
	b.Run("parameter", func(b *testing.B) {
		for b.Loop() {
			sink = pass(r)
		}
	})
}

// pass is the cost of a parameter: one call that is not inlined.
//
//go:noinline
func pass(r *http.Request) *http.Request { return r }

// serverContext returns the context of a real request, served by
// withRequest: net/http has wrapped it a few times before withRequest
// adds the request, and ctx.Value walks those layers.
func serverContext(b *testing.B) context.Context {
	ctxs := make(chan context.Context, 1)
	srv := httptest.NewServer(withRequest(http.HandlerFunc(
		func(_ http.ResponseWriter, r *http.Request) { ctxs <- r.Context() })))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL)
	require.NoError(b, err)
	resp.Body.Close()
	srv.Client().CloseIdleConnections()
	return <-ctxs
}
