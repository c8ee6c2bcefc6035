package main

import (
	"context"
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
	t.Parallel()
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

// sink keeps the benchmarks' results, so that the compiler cannot drop
// the lookups.
var sink *http.Request

// BenchmarkLookup measures one lookup of the current request, each way.
func BenchmarkLookup(b *testing.B) {
	r := httptest.NewRequest("GET", "/tasks/task_01", nil)

	b.Run("goroutine-local", func(b *testing.B) {
		local.Set("request", r)
		defer local.Release()
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
