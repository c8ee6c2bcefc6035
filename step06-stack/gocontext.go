package main

import (
	"context"
	"net/http"
)

// requestKey is the request's key in a context: no other package can name it.
type requestKey struct{}

// withRequest is a request context the Go way, which ties nothing to a
// goroutine: it adds the request to the request's own context.
func withRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), requestKey{}, r)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// requestFrom returns the request that ctx carries, if it carries one.
func requestFrom(ctx context.Context) (*http.Request, bool) {
	r, ok := ctx.Value(requestKey{}).(*http.Request)
	return r, ok
}
