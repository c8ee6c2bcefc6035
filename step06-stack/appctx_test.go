package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppContext(t *testing.T) {
	t.Run("outside any context, current app and g are a clear error",
		func(t *testing.T) {
			assert.PanicsWithError(t, errOutsideApp.Error(),
				func() { CurrentApp() })
			assert.PanicsWithError(t, errOutsideApp.Error(), func() { G() })
			assert.Contains(t, errOutsideApp.Error(),
				"working outside of application context")
		})

	t.Run("a pushed context provides the current app until it pops",
		func(t *testing.T) {
			noContextsLeft(t)
			app := NewApp("todo")
			ctx := app.AppContext()
			ctx.Push()
			assert.Same(t, app, CurrentApp())
			require.NoError(t, ctx.Pop())
			assert.Panics(t, func() { CurrentApp() })
		})

	t.Run("nested contexts unwind in order, as in the original's script",
		func(t *testing.T) {
			noContextsLeft(t)
			app1, app2 := debugApps()
			debug := func() any { return CurrentApp().Config["DEBUG"] }

			ctx1 := app1.AppContext() // with app1.app_context():
			ctx1.Push()
			assert.Equal(t, false, debug())
			ctx2 := app2.AppContext() //     with app2.app_context():
			ctx2.Push()
			assert.Equal(t, true, debug())
			require.NoError(t, ctx2.Pop())
			assert.Equal(t, false, debug(), "app1 again")
			require.NoError(t, ctx1.Pop())
			assert.Panics(t, func() { CurrentApp() }, "no app at all")
		})

	t.Run("every app context has a fresh g", func(t *testing.T) {
		noContextsLeft(t)
		app := NewApp("todo")
		outer := app.AppContext()
		outer.Push()
		defer outer.Pop()
		G()["user"] = "outer"

		inner := app.AppContext() // the same app, a new context
		inner.Push()
		assert.NotContains(t, G(), "user", "the outer context's g")
		G()["user"] = "inner"
		require.NoError(t, inner.Pop())

		assert.Equal(t, "outer", G()["user"], "the outer g is back")
	})

	t.Run("a goroutine started inside a context sees no current app",
		func(t *testing.T) {
			noContextsLeft(t)
			ctx := NewApp("todo").AppContext()
			ctx.Push()
			defer ctx.Pop()

			done := make(chan struct{})
			go func() {
				defer close(done)
				assert.PanicsWithError(t, errOutsideApp.Error(),
					func() { CurrentApp() })
			}()
			<-done
		})

	t.Run("teardown runs in reverse order of registration, and sees g",
		func(t *testing.T) {
			noContextsLeft(t)
			app := NewApp("todo")
			var ran []string
			for _, name := range []string{"first", "second", "third"} {
				app.TeardownAppContext(func() {
					db := G()["db"]
					ran = append(ran, name+" closes "+db.(string))
				})
			}
			ctx := app.AppContext()
			ctx.Push()
			G()["db"] = "the database"
			assert.Empty(t, ran, "nothing is torn down before the pop")
			require.NoError(t, ctx.Pop())

			assert.Equal(t, []string{
				"third closes the database",
				"second closes the database",
				"first closes the database",
			}, ran)
		})
}

func TestRequestContext(t *testing.T) {
	r := httptest.NewRequest("GET", "/index", nil)

	t.Run("outside any context, there is no request", func(t *testing.T) {
		assert.PanicsWithError(t, errOutsideRequest.Error(),
			func() { request() })
	})

	t.Run("with no app context, it pushes one and pops both",
		func(t *testing.T) {
			noContextsLeft(t)
			app := NewApp("todo")
			tornDown := 0
			app.TeardownAppContext(func() { tornDown++ })

			ctx := requestContext(app, r)
			ctx.push()
			assert.Same(t, r, request())
			assert.Same(t, app, CurrentApp())
			require.NoError(t, ctx.pop())

			if tornDown != 1 {
				t.Errorf("pop ran the app's teardown %d times, not once",
					tornDown)
			}
			if top, ok := requestStack.Top(); ok {
				t.Errorf("after pop, the %v is still on its stack", top)
			}
			if top, ok := appStack.Top(); ok {
				t.Errorf("after pop, the %v is still on its stack", top)
			}
		})

	t.Run("its app's teardown runs once the request is gone, and sees g",
		func(t *testing.T) {
			noContextsLeft(t)
			app := NewApp("todo")
			saw := "nothing: it did not run"
			app.TeardownAppContext(func() {
				saw = "no app context"
				if top, ok := appStack.Top(); ok {
					saw = fmt.Sprintf("g %v", top.G)
				}
				if _, ok := requestStack.Top(); ok {
					saw += ", and the request"
				}
			})
			ctx := requestContext(app, r)
			ctx.push()
			G()["user"] = "ann"
			require.NoError(t, ctx.pop())

			if want := "g map[user:ann]"; saw != want {
				t.Errorf("the app's teardown saw %s; want %s and no "+
					"request, as in Flask", saw, want)
			}
		})

	t.Run("inside an app context, it pushes its own, with a fresh g",
		func(t *testing.T) {
			noContextsLeft(t)
			app := NewApp("todo")
			appCtx := app.AppContext()
			appCtx.Push()
			defer appCtx.Pop()
			G()["user"] = "ann"

			ctx := requestContext(app, r)
			ctx.push()
			assert.Same(t, app, CurrentApp())
			assert.NotContains(t, G(), "user", "the request's own g")
			require.NoError(t, ctx.pop())

			if top, _ := appStack.Top(); top != appCtx {
				t.Errorf("after pop, the %v is on top of the app stack, "+
					"not the one pushed before the request", top)
			}
		})
}

// debugApps returns the two apps of the original's script: app1 with
// DEBUG off, app2 with DEBUG on.
func debugApps() (app1, app2 *App) {
	app1, app2 = NewApp("app1"), NewApp("app2")
	app1.Config["DEBUG"] = false
	app2.Config["DEBUG"] = true
	return app1, app2
}

// requestContext returns a new request context of app for r, as
// App.ServeHTTP makes one.
func requestContext(app *App, r *http.Request) *RequestContext {
	return &RequestContext{Request: r, appCtx: app.AppContext()}
}

// bound returns how many goroutines have contexts on either stack.
func bound() int {
	return stored(&appStack.local) + stored(&requestStack.local)
}

// noContextsLeft checks, when the test ends, that no goroutine has a
// context left on a stack; if one has, it fails the test and empties the
// stacks, so that the tests that follow start afresh. Servers stopped
// in the test's cleanup stop before the check, if they started after it.
func noContextsLeft(t *testing.T) {
	t.Cleanup(func() {
		if n := bound(); n > 0 {
			t.Errorf("goroutines with contexts left on a stack: %d", n)
			appStack = Stack[*AppContext]{}
			requestStack = Stack[*RequestContext]{}
		}
	})
}
