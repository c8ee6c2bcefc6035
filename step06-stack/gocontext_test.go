package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// getTaskFromParameter is getTask the Go way: handed the request.
func getTaskFromParameter(s *store, r *http.Request) response {
	if value, ok := s.Get(r.PathValue("id")); ok {
		return text(http.StatusOK, value)
	}
	return text(http.StatusNotFound, "no key match")
}

// getTaskFromContext is getTask the other Go way, for code far from the
// handler: handed a context that carries the request.
func getTaskFromContext(s *store, ctx context.Context) response {
	r, ok := requestFrom(ctx)
	if !ok {
		return text(http.StatusInternalServerError, "error: no request")
	}
	return getTaskFromParameter(s, r)
}

// goWays serves GET /tasks/{id} from s both Go ways, under /parameter
// and under /context.
func goWays(s *store) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /parameter/tasks/{id}",
		func(w http.ResponseWriter, r *http.Request) {
			getTaskFromParameter(s, r).write(w)
		})
	mux.Handle("GET /context/tasks/{id}", withRequest(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			getTaskFromContext(s, r.Context()).write(w)
		})))
	return mux
}

func TestTheGoWaysAnswerAsGetTask(t *testing.T) {
	addr, _ := startServer(t, defaults)
	local := connect(t, addr)
	srv := httptest.NewServer(goWays(newStore(10, 1000)))
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
	t.Parallel()
	r, ok := requestFrom(context.Background())
	assert.Nil(t, r)
	assert.False(t, ok)
	got := getTaskFromContext(newStore(10, 1000), context.Background())
	assert.Equal(t, http.StatusInternalServerError, got.status)
}

// TestAGoroutineHandedTheContextSeesTheRequest is the trap of
// TestAGoroutineThatAHandlerStartsDoesNotSeeTheRequest, gone: a context
// belongs to no goroutine, so whoever is handed it can read it.
func TestAGoroutineHandedTheContextSeesTheRequest(t *testing.T) {
	t.Parallel()
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

// A context.Context is a stack too, but one that no one can change:
// context.WithValue returns a new context that wraps its parent, and
// ctx.Value looks from the newest layer down to the oldest. There is no
// pop. Whoever holds the parent still holds it unchanged, so going back
// to the parent, typically by returning from the function that made the
// new layer, is the pop.

// appKey is the key of the current app in a context.
type appKey struct{}

// withApp returns a context in which app is the current app, as pushing
// an app context does; ctx itself stays as it was.
func withApp(ctx context.Context, app *App) context.Context {
	return context.WithValue(ctx, appKey{}, app)
}

// appFrom returns the current app of ctx, as CurrentApp does for the
// calling goroutine's stack, and the same error when there is none.
func appFrom(ctx context.Context) (*App, error) {
	app, ok := ctx.Value(appKey{}).(*App)
	if !ok {
		return nil, errOutsideApp
	}
	return app, nil
}

// The original's script, Example_appContexts, with contexts: each "with"
// block is a variable that holds a new layer, and leaving the block is
// using the variable that holds the layer below again.
func Example_appContextsWithContext() {
	app1 := NewApp("app01")
	app1.Config["DEBUG"] = false
	app2 := NewApp("app02")
	app2.Config["DEBUG"] = true
	debug := func(ctx context.Context) any {
		app, _ := appFrom(ctx) // NOTE: ignoring errors: ctx has an app
		return app.Config["DEBUG"]
	}

	ctx1 := withApp(context.Background(), app1) // with app1.app_context():
	fmt.Println(debug(ctx1))
	ctx2 := withApp(ctx1, app2) //     with app2.app_context():
	fmt.Println(debug(ctx2))
	fmt.Println(debug(ctx1)) // app1 again: ctx1 never changed

	// Output:
	// false
	// true
	// false
}

func TestGoContext(t *testing.T) {
	t.Parallel()
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
		ctx := requestContext(NewApp("bench"), r)
		ctx.push()
		defer ctx.pop()
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
