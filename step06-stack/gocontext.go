package main

import (
	"context"
	"net/http"
)

// This file is the Go way to do what an App and request do: nothing
// is tied to a goroutine, so any goroutine that is handed the request, or
// a context, can use it.
//
// The first way is to pass the request: every net/http handler gets it as
// a parameter, and hands on whatever its callees need. The second is
// context.Context, for values that must cross APIs that were not written
// to carry them: net/http gives each request a context, r.Context(), and
// a middleware can add a value to it with context.WithValue.
// getTaskFromContext and getTaskFromParameter below are getTask, written
// each way.

// requestKey is the key of the request in a context. context.WithValue
// matches keys by type and value, and no other package can name this
// unexported type, so no other package can read or overwrite the value
// by mistake, as it could with a key like the string "request".
type requestKey struct{}

// withRequest is a request context the Go way: it adds the request to the
// request's own context. A real program stores the few request-scoped
// values that deep code needs (a request id, the signed-in user) rather
// than the whole request, which it passes as a parameter; storing the
// request makes the lookups here compare like with like.
func withRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), requestKey{}, r)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requestFrom returns the request that ctx carries, and whether it
// carries one.
func requestFrom(ctx context.Context) (*http.Request, bool) {
	r, ok := ctx.Value(requestKey{}).(*http.Request)
	return r, ok
}

// getTaskFromContext is getTask, reading the request from the context
// that it is handed.
func (s *store) getTaskFromContext(ctx context.Context) response {
	r, ok := requestFrom(ctx)
	if !ok {
		return text(http.StatusInternalServerError, "error: no request")
	}
	return s.task(r.PathValue("id"))
}

// getTaskFromParameter is getTask, handed the request itself.
func (s *store) getTaskFromParameter(r *http.Request) response {
	return s.task(r.PathValue("id"))
}

// goRoutes serves GET /tasks/{id} both Go ways, under /context and under
// /parameter, from the store s.
func goRoutes(s *store) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /context/tasks/{id}", withRequest(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			s.getTaskFromContext(r.Context()).write(w)
		})))
	mux.HandleFunc("GET /parameter/tasks/{id}",
		func(w http.ResponseWriter, r *http.Request) {
			s.getTaskFromParameter(r).write(w)
		})
	return mux
}
