package main

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppContext(t *testing.T) {
	t.Run("outside any context, current app and g are a clear error",
		func(t *testing.T) {
			_, err := CurrentApp()
			assert.ErrorIs(t, err, errOutsideApp)
			assert.ErrorContains(t, err,
				"working outside of application context")
			_, err = G()
			assert.ErrorIs(t, err, errOutsideApp)
		})

	t.Run("a pushed context provides the current app until it pops",
		func(t *testing.T) {
			app := NewApp("todo")
			ctx := app.AppContext()
			ctx.Push()
			assert.Same(t, app, currentApp(t))
			require.NoError(t, ctx.Pop())

			_, err := CurrentApp()
			assert.ErrorIs(t, err, errOutsideApp)
			assert.Zero(t, appStack.local.Len(), "the stack is released")
		})

	t.Run("nested contexts unwind in order, as in the original's script",
		func(t *testing.T) {
			app1, app2 := debugApps()
			assert.Equal(t, []string{
				"app1: DEBUG=false",
				"app2: DEBUG=true",
				"app1: DEBUG=false",
				errOutsideApp.Error(),
			}, scriptWithStack(app1, app2))
		})

	t.Run("every app context has a fresh g", func(t *testing.T) {
		app := NewApp("todo")
		outer := app.AppContext()
		outer.Push()
		defer outer.Pop()
		currentG(t).Set("user", "outer")

		inner := app.AppContext() // the same app, a new context
		inner.Push()
		_, ok := currentG(t).Get("user")
		assert.False(t, ok, "the inner context sees the outer's g")
		currentG(t).Set("user", "inner")
		require.NoError(t, inner.Pop())

		user, _ := currentG(t).Get("user")
		assert.Equal(t, "outer", user, "the outer g is back as it was")
	})

	t.Run("popping out of order is an error and changes nothing",
		func(t *testing.T) {
			app1, app2 := debugApps()
			ctx1, ctx2 := app1.AppContext(), app2.AppContext()
			ctx1.Push()
			ctx2.Push()

			err := ctx1.Pop()
			require.Error(t, err)
			assert.Contains(t, err.Error(), "popped wrong app context")
			assert.Contains(t, err.Error(), `"app2" is on top`)
			assert.Same(t, app2, currentApp(t), "nothing was popped")

			require.NoError(t, ctx2.Pop())
			require.NoError(t, ctx1.Pop())
		})

	t.Run("popping what was never pushed is an error", func(t *testing.T) {
		err := NewApp("todo").AppContext().Pop()
		assert.ErrorIs(t, err, errOutsideApp)
	})

	t.Run("a goroutine started inside a context sees no current app",
		func(t *testing.T) {
			ctx := NewApp("todo").AppContext()
			ctx.Push()
			defer ctx.Pop()

			errs := make(chan error)
			go func() {
				_, err := CurrentApp()
				errs <- err
			}()
			assert.ErrorIs(t, <-errs, errOutsideApp)
		})

	t.Run("teardown runs in reverse order of registration, and sees g",
		func(t *testing.T) {
			app := NewApp("todo")
			var ran []string
			for _, name := range []string{"first", "second", "third"} {
				app.TeardownAppContext(func(error) {
					db, _ := currentG(t).Get("db")
					ran = append(ran, name+" closes "+db.(string))
				})
			}
			ctx := app.AppContext()
			ctx.Push()
			currentG(t).Set("db", "the database")
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
			app := NewApp("todo")
			tornDown := 0
			app.TeardownAppContext(func(error) { tornDown++ })

			ctx := app.RequestContext(r)
			ctx.Push()
			assert.Same(t, r, request())
			assert.Same(t, app, currentApp(t))
			require.NoError(t, ctx.Pop())

			assert.Equal(t, 1, tornDown)
			assert.Panics(t, func() { request() })
			_, err := CurrentApp()
			assert.ErrorIs(t, err, errOutsideApp)
			assert.Zero(t, bound())
		})

	t.Run("inside its own app's context, it shares that context and g",
		func(t *testing.T) {
			app := NewApp("todo")
			appCtx := app.AppContext()
			appCtx.Push()
			defer appCtx.Pop()
			currentG(t).Set("user", "ann")

			ctx := app.RequestContext(r)
			ctx.Push()
			user, _ := currentG(t).Get("user")
			assert.Equal(t, "ann", user)
			currentG(t).Set("seen", true)
			require.NoError(t, ctx.Pop())

			_, ok := currentG(t).Get("seen")
			assert.True(t, ok, "the request wrote to the same g")
			assert.Same(t, appCtx, mustTop(t, &appStack), "still pushed")
		})

	t.Run("inside another app's context, it pushes its own",
		func(t *testing.T) {
			app1, app2 := debugApps()
			appCtx := app1.AppContext()
			appCtx.Push()
			defer appCtx.Pop()
			currentG(t).Set("user", "ann")

			ctx := app2.RequestContext(r)
			ctx.Push()
			assert.Same(t, app2, currentApp(t))
			_, ok := currentG(t).Get("user")
			assert.False(t, ok, "app2 sees app1's g")
			require.NoError(t, ctx.Pop())

			assert.Same(t, app1, currentApp(t), "app1 is back on top")
		})

	t.Run("popping out of order is an error and changes nothing",
		func(t *testing.T) {
			app := NewApp("todo")
			outer, inner := app.RequestContext(r), app.RequestContext(r)
			outer.Push()
			inner.Push()

			err := outer.Pop()
			require.Error(t, err)
			assert.Contains(t, err.Error(), "popped wrong request context")
			assert.Same(t, inner, mustTop(t, &requestStack))

			require.NoError(t, inner.Pop())
			require.NoError(t, outer.Pop())
			assert.Zero(t, bound())
		})

	t.Run("popping with an app context left above it changes nothing",
		func(t *testing.T) {
			app := NewApp("todo")
			tornDown := 0
			app.TeardownRequest(func(error) { tornDown++ })
			ctx := app.RequestContext(r)
			ctx.Push()
			other := NewApp("other").AppContext()
			other.Push()

			err := ctx.Pop()
			require.Error(t, err)
			assert.Contains(t, err.Error(), "popped wrong app context")
			assert.Same(t, ctx, mustTop(t, &requestStack))
			assert.Zero(t, tornDown, "no teardown for a refused pop")

			require.NoError(t, other.Pop())
			require.NoError(t, ctx.Pop())
			assert.Equal(t, 1, tornDown)
			assert.Zero(t, bound())
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

func currentApp(t *testing.T) *App {
	t.Helper()
	app, err := CurrentApp()
	require.NoError(t, err)
	return app
}

func currentG(t *testing.T) *Globals {
	t.Helper()
	g, err := G()
	require.NoError(t, err)
	return g
}

func mustTop[T any](t *testing.T, s *Stack[T]) T {
	t.Helper()
	top, ok := s.Top()
	require.True(t, ok, "the stack is empty")
	return top
}
