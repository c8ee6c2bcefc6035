package main

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
)

// The two stacks that Flask keeps per thread, here per goroutine.
// CurrentApp, G and request read their tops: nothing is passed to them.
var (
	appStack     Stack[*AppContext]
	requestStack Stack[*RequestContext]
)

// errOutsideApp is what CurrentApp and G panic with, as request does.
var errOutsideApp = errors.New("working outside of application context: " +
	"this goroutine has pushed no app context (a goroutine that a " +
	"handler starts does not inherit one)")

// An AppContext binds an app, and a g of its own, to the goroutine that
// pushes it, as Flask's app.app_context(). G holds what one request, or
// one script, needs again: Flask's g.user = u is G["user"] = u.
type AppContext struct {
	App *App
	G   map[string]any
}

// AppContext returns a new app context of the app, with an empty g.
func (app *App) AppContext() *AppContext {
	return &AppContext{App: app, G: map[string]any{}}
}

// Push makes c the current app context of the calling goroutine until it
// is popped, on the same goroutine: defer c.Pop().
func (c *AppContext) Push() { appStack.Push(c) }

// Pop runs the app's teardown functions, the last registered first,
// while c is on top, so that they can reach its g; then it removes c.
// (A context popped out of order has no teardown: its g is not current.)
func (c *AppContext) Pop() error {
	if top, _ := appStack.Top(); top == c {
		for _, f := range slices.Backward(c.App.teardown) {
			f()
		}
	}
	return popTo(&appStack, c) // order.go
}

func (c *AppContext) String() string {
	return fmt.Sprintf("app context of %q", c.App.Name)
}

// CurrentApp returns the app of the calling goroutine's current app
// context, as Flask's current_app. Outside any app context, it and G
// panic with errOutsideApp, as request does: calling them there is a bug
// in the program.
func CurrentApp() *App { return currentAppContext().App }

// G returns the g of the calling goroutine's current app context.
func G() map[string]any { return currentAppContext().G }

func currentAppContext() *AppContext {
	top, ok := appStack.Top()
	if !ok {
		panic(errOutsideApp)
	}
	return top
}

// A RequestContext binds a request to the goroutine that serves it, as
// Flask's request context. App.ServeHTTP makes and pushes one for each
// request, with an app context, and a g, of the request's own.
type RequestContext struct {
	Request *http.Request
	appCtx  *AppContext
}

// push makes c current, and its app context below it.
func (c *RequestContext) push() {
	c.appCtx.Push()
	requestStack.Push(c)
}

// pop removes c from the top of the request stack, then pops its app
// context.
func (c *RequestContext) pop() error {
	err := popTo(&requestStack, c) // order.go
	return errors.Join(err, c.appCtx.Pop())
}

func (c *RequestContext) String() string {
	return fmt.Sprintf("request context of %s %s",
		c.Request.Method, c.Request.URL.Path)
}
