package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPoppingOutOfOrder pops a context that is not on top: as in Flask
// 2.2 and later, the pop takes the stack back to what it was before the
// context was pushed, and says that it was not on top. Unlike Flask, it
// does not tear the context down: its g is not current.
func TestPoppingOutOfOrder(t *testing.T) {
	r := httptest.NewRequest("GET", "/index", nil)

	t.Run("an app context below another pops both and says so",
		func(t *testing.T) {
			noContextsLeft(t)
			app1, app2 := debugApps()
			tornDown := 0
			app1.TeardownAppContext(func() { tornDown++ })
			ctx1, ctx2 := app1.AppContext(), app2.AppContext()
			ctx1.Push()
			ctx2.Push()

			err := ctx1.Pop()
			assert.EqualError(t, err, `popped wrong context: app context `+
				`of "app2" is on top, not app context of "app1"`)
			assert.Zero(t, tornDown, "app1 is not current")
			assert.Panics(t, func() { CurrentApp() }, "ctx2 is gone too")
		})

	t.Run("a request context below another pops both, and their apps",
		func(t *testing.T) {
			noContextsLeft(t)
			outer := requestContext(NewApp("outer"), r)
			inner := requestContext(NewApp("inner"), httptest.NewRequest(
				"GET", "/inner", nil))
			outer.push()
			inner.push()

			err := outer.pop()
			assert.ErrorContains(t, err, `popped wrong context: request `+
				`context of GET /inner is on top, not request context of `+
				`GET /index`)
			assert.ErrorContains(t, err, `popped wrong context: app `+
				`context of "inner" is on top, not app context of "outer"`)
			assert.Panics(t, func() { request() }, "no request left")
		})

	t.Run("a context that is not pushed is an error", func(t *testing.T) {
		noContextsLeft(t)
		app := NewApp("todo")
		tornDown := 0
		app.TeardownAppContext(func() { tornDown++ })
		ctx := app.AppContext()
		ctx.Push()
		require.NoError(t, ctx.Pop())

		notPushed := "not pushed on this goroutine"
		assert.ErrorContains(t, ctx.Pop(), notPushed, "popped twice")
		assert.ErrorContains(t, app.AppContext().Pop(), notPushed, "never")
		assert.ErrorContains(t, requestContext(app, r).pop(), notPushed)
		assert.Equal(t, 1, tornDown, "torn down once")
	})
}

// TestAViewThatBreaksTheStackIsCleanedUp has views push or pop a context
// where they must not. The request's own pop logs the error and leaves
// the stacks as the request found them, so that the next request that
// the goroutine serves, on the same connection, starts afresh.
func TestAViewThatBreaksTheStackIsCleanedUp(t *testing.T) {
	other := NewApp("other")
	r := httptest.NewRequest("GET", "/other", nil)
	tests := []struct {
		name   string
		breaks func()
		log    string
	}{
		{"it leaves an app context pushed", func() {
			other.AppContext().Push()
		}, `GET /break: popped wrong context: app context of "other"` +
			` is on top, not app context of "test"`},
		{"it leaves a request context pushed", func() {
			requestContext(other, r).push()
		}, `GET /break: popped wrong context: request context of` +
			` GET /other is on top, not request context of GET /break`},
		{"it pops its own request context", func() {
			top, _ := requestStack.Top()
			require.NoError(t, top.pop())
		}, `GET /break: pop request context of GET /break:` +
			` not pushed on this goroutine`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			logged := captureLog(t)
			app := NewApp("test")
			app.Handle("/break", view(func() response {
				tt.breaks()
				return text(http.StatusOK, "broken")
			}))
			app.Handle("/depth", view(func() response {
				id := goroutineID()
				return text(http.StatusOK, fmt.Sprintf("%d apps, %d requests",
					len(appStack.items(id)), len(requestStack.items(id))))
			}))
			c, stop := serve(t, app)

			assert.Equal(t, "broken\n", c.do("GET", "/break", "").body)
			assert.Equal(t, "1 apps, 1 requests\n",
				c.do("GET", "/depth", "").body, "on the same goroutine")
			stop()
			assert.Contains(t, logged(), tt.log)
		})
	}
}
