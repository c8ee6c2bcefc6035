package main

import (
	"context"
	"net/http"
)

// This file is the Go way to do what the context stacks and request do:
// nothing is tied to a goroutine, so any goroutine that is handed the
// request, or a context, can use it.
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

// withRequest is pushing a request context, the Go way: it adds the
// request to the request's own context. A real program stores the few request-scoped
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

// scriptWithContext is scriptWithStack written with contexts: each "with"
// block is a variable that holds a new layer, and leaving the block is
// using the variable that holds the layer below again.
func scriptWithContext(ctx context.Context, app1, app2 *App) []string {
	var lines []string
	say := func(ctx context.Context) {
		lines = append(lines, debugLine(appFrom(ctx)))
	}

	ctx1 := withApp(ctx, app1) // with app1.app_context():
	say(ctx1)
	ctx2 := withApp(ctx1, app2) //     with app2.app_context():
	say(ctx2)
	say(ctx1) // app1 again: ctx1 never changed
	say(ctx)  // no app at all
	return lines
}
