package main

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"slices"
)

// The two stacks that Flask keeps per thread (up to Flask 2.1, which
// keeps them in werkzeug LocalStacks), here per goroutine: the app
// contexts and the request contexts. CurrentApp, G and request read their
// tops; nothing is passed to the code that calls them.
var (
	appStack     Stack[*AppContext]
	requestStack Stack[*RequestContext]
)

// errOutsideApp is what CurrentApp and G return when the calling
// goroutine has no app context, as Flask raises RuntimeError.
var errOutsideApp = errors.New("working outside of application context: " +
	"this goroutine has pushed no app context (a goroutine that a " +
	"handler starts does not inherit one)")

// An App is a web application, as a Flask object is: a name, a config,
// its routes and its hooks. Set it up before it serves; from then on it
// only reads them, so one App serves many goroutines at once.
type App struct {
	Name   string
	Config map[string]any

	mux                *http.ServeMux
	beforeRequest      []func() (response, bool)
	afterRequest       []func(*ResponseBuffer)
	teardownRequest    []func(error)
	teardownAppContext []func(error)
}

// NewApp returns an app with an empty config and no routes.
func NewApp(name string) *App {
	return &App{
		Name:   name,
		Config: make(map[string]any),
		mux:    http.NewServeMux(),
	}
}

// Handle routes the requests that match pattern to h, as Flask's
// @app.route. h runs inside a request context of the app.
func (app *App) Handle(pattern string, h http.Handler) {
	app.mux.Handle(pattern, h)
}

// BeforeRequest registers f to run before each request of the app, in
// the order of registration, as Flask's @app.before_request. A hook that
// returns a response and true answers the request itself, as a Flask
// hook that returns a value: the later hooks and the view do not run.
func (app *App) BeforeRequest(f func() (response, bool)) {
	app.beforeRequest = append(app.beforeRequest, f)
}

// AfterRequest registers f to run on the response to each request of the
// app, before it is sent, as Flask's @app.after_request. The last one
// registered runs first. A view that panics has no response, and then
// they do not run.
func (app *App) AfterRequest(f func(*ResponseBuffer)) {
	app.afterRequest = append(app.afterRequest, f)
}

// TeardownRequest registers f to run whenever a request context of the
// app is popped, as Flask's @app.teardown_request, the last one
// registered first. f gets what ended the request: the panic of its view
// or of a hook, as an error, or nil.
func (app *App) TeardownRequest(f func(error)) {
	app.teardownRequest = append(app.teardownRequest, f)
}

// TeardownAppContext registers f to run whenever an app context of the
// app is popped, as Flask's @app.teardown_appcontext. The last one
// registered runs first, so that what was set up last is undone first.
// f gets the error that ended the request, as TeardownRequest's do, or
// nil outside a request.
func (app *App) TeardownAppContext(f func(error)) {
	app.teardownAppContext = append(app.teardownAppContext, f)
}

// ServeHTTP serves r as Flask's wsgi_app does: it pushes a request
// context, runs the before-request hooks, routes r unless a hook
// answered it, runs the after-request hooks on the response, sends it,
// and pops the context, also when the view panics.
func (app *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := app.RequestContext(r)
	ctx.Push()
	defer func() {
		p := recover()
		cause := panicError(p)
		if err := ctx.pop(cause); err != nil {
			// A view pushed a context and left it, or popped this one.
			// The goroutine goes on to serve the next request of the
			// connection, so leave its stacks as the request found them.
			log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
			ctx.unwind(cause)
		}
		if p != nil {
			panic(p) // net/http logs it and drops the connection
		}
	}()

	resp := new(ResponseBuffer)
	if answer, ok := app.preprocess(); ok {
		answer.write(resp)
	} else {
		app.mux.ServeHTTP(resp, r)
	}
	for _, f := range slices.Backward(app.afterRequest) {
		f(resp)
	}
	resp.send(w)
}

// preprocess runs the before-request hooks until one answers, as Flask's
// preprocess_request, and returns its answer.
func (app *App) preprocess() (response, bool) {
	for _, f := range app.beforeRequest {
		if resp, ok := f(); ok {
			return resp, true
		}
	}
	return response{}, false
}

// panicError returns the value of a panic as an error, for the teardown
// functions: nil if there was no panic.
func panicError(p any) error {
	switch p := p.(type) {
	case nil:
		return nil
	case error:
		return p
	default:
		return fmt.Errorf("panic: %v", p)
	}
}

// An AppContext binds an app, and a g of its own, to the goroutine that
// pushes it, as Flask's app.app_context().
type AppContext struct {
	App *App
	G   *Globals
}

// AppContext returns a new app context of the app, with an empty g. It
// takes effect when it is pushed.
func (app *App) AppContext() *AppContext {
	return &AppContext{App: app, G: &Globals{}}
}

// Push makes c the current app context of the calling goroutine, until
// it is popped. Pop it on the same goroutine: defer c.Pop().
func (c *AppContext) Push() {
	appStack.Push(c)
}

// Pop runs the app's teardown functions and removes c from the top of
// the calling goroutine's stack. If c is not on top, Pop changes nothing
// and says so: contexts are popped in the reverse order of their pushes.
func (c *AppContext) Pop() error {
	return c.pop(nil)
}

// pop is Pop for a context that ended with cause: its teardown functions
// get cause.
func (c *AppContext) pop(cause error) error {
	id := goroutineID() // once, for the check and for the pop
	top, ok := appStack.top(id)
	if !ok {
		return fmt.Errorf("pop %v: %w", c, errOutsideApp)
	}
	if top != c {
		return fmt.Errorf("popped wrong app context: "+
			"%v is on top, not %v", top, c)
	}
	// Teardown runs while c is still current, so that it can reach G
	// to close what the request opened.
	for _, f := range slices.Backward(c.App.teardownAppContext) {
		f(cause)
	}
	appStack.pop(id)
	return nil
}

func (c *AppContext) String() string {
	return fmt.Sprintf("app context of %q", c.App.Name)
}

// CurrentApp returns the app of the calling goroutine's current app
// context, as Flask's current_app. Unlike request, it returns an error
// rather than panic: code outside any request, such as a script, may
// well ask whether it has an app.
func CurrentApp() (*App, error) {
	top, ok := appStack.Top()
	if !ok {
		return nil, errOutsideApp
	}
	return top.App, nil
}

// G returns the g of the calling goroutine's current app context, as
// Flask's g: a place for what one request, or one script, needs again.
func G() (*Globals, error) {
	top, ok := appStack.Top()
	if !ok {
		return nil, errOutsideApp
	}
	return top.G, nil
}

// Globals is the type of g: names and values that live as long as their
// app context. Like the context, it belongs to one goroutine.
type Globals struct {
	values map[string]any
}

// Set stores value under name, as Flask's g.name = value.
func (g *Globals) Set(name string, value any) {
	if g.values == nil {
		g.values = make(map[string]any)
	}
	g.values[name] = value
}

// Get returns the value stored under name, and whether there is one.
func (g *Globals) Get(name string) (any, bool) {
	value, ok := g.values[name]
	return value, ok
}

// A RequestContext binds a request to the goroutine that pushes it, as
// Flask's request context.
type RequestContext struct {
	App     *App
	Request *http.Request

	appCtx *AppContext // the app context that Push pushed, if any
}

// RequestContext returns a new request context of the app for r. It
// takes effect when it is pushed.
func (app *App) RequestContext(r *http.Request) *RequestContext {
	return &RequestContext{App: app, Request: r}
}

// Push makes c the current request context of the calling goroutine.
// A request needs a context of its own app: if none is current, or the
// current one is another app's, Push pushes one first, and Pop pops it.
// If its app's context is current already, the request shares it, g
// included, as in Flask up to 3.1.
func (c *RequestContext) Push() {
	if top, ok := appStack.Top(); !ok || top.App != c.App {
		c.appCtx = c.App.AppContext()
		c.appCtx.Push()
	}
	requestStack.Push(c)
}

// Pop runs the app's teardown-request functions, removes c from the top
// of the calling goroutine's request stack, then pops the app context
// that Push pushed, if it pushed one. As with an app context, popping
// out of order changes nothing and is an error: c must be on top of the
// request stack, and the app context it pushed on top of the app stack.
func (c *RequestContext) Pop() error {
	return c.pop(nil)
}

// pop is Pop for a request that ended with cause: the teardown functions
// get cause.
func (c *RequestContext) pop(cause error) error {
	id := goroutineID() // once, for the check and for the pop
	top, ok := requestStack.top(id)
	if !ok {
		return fmt.Errorf("pop %v: %w", c, errOutsideRequest)
	}
	if top != c {
		return fmt.Errorf("popped wrong request context: "+
			"%v is on top, not %v", top, c)
	}
	// Check the app context too before anything changes, so that a
	// refused Pop leaves both stacks, and the teardowns, for a later one.
	if c.appCtx != nil {
		if app, _ := appStack.top(id); app != c.appCtx {
			return fmt.Errorf("popped wrong app context: "+
				"%v is on top, not %v", app, c.appCtx)
		}
	}
	// Teardown runs while c is still current, so that it can still
	// read the request.
	for _, f := range slices.Backward(c.App.teardownRequest) {
		f(cause)
	}
	requestStack.pop(id)
	if c.appCtx == nil {
		return nil
	}
	if err := c.appCtx.pop(cause); err != nil {
		return err
	}
	c.appCtx = nil
	return nil
}

// unwind discards what was pushed above c and not popped, on both
// stacks, and then pops c, for a view that broke the order. What it
// discards is not torn down: that was the view's to do.
func (c *RequestContext) unwind(cause error) {
	discardAbove(&requestStack, c)
	if c.appCtx != nil {
		discardAbove(&appStack, c.appCtx)
	}
	// Now c is on top, unless the view popped it itself, and with it the
	// app context that c pushed: then there is nothing left to pop.
	c.pop(cause)
}

// discardAbove pops the items above v off the calling goroutine's stack
// s, if v is on it.
func discardAbove[T comparable](s *Stack[T], v T) {
	id := goroutineID() // once, for all that follows
	if !slices.Contains(s.items(id), v) {
		return
	}
	for top, _ := s.top(id); top != v; top, _ = s.top(id) {
		s.pop(id)
	}
}

func (c *RequestContext) String() string {
	return fmt.Sprintf("request context of %q for %s %s",
		c.App.Name, c.Request.Method, c.Request.URL.Path)
}

// scriptWithStack is the original's script in Go: two apps, the context
// of one inside the other's, and what current_app.config["DEBUG"] says in
// each. It returns a line for each print of the original, and one more
// for outside both.
func scriptWithStack(app1, app2 *App) []string {
	var lines []string
	say := func() { lines = append(lines, debugLine(CurrentApp())) }

	ctx1 := app1.AppContext() // with app1.app_context():
	ctx1.Push()
	say()
	ctx2 := app2.AppContext() //     with app2.app_context():
	ctx2.Push()
	say()
	ctx2.Pop()
	say() // app1 again
	ctx1.Pop()
	say() // no app at all
	return lines
}

// debugLine is what the original's script prints for the current app, or
// the error when there is none.
func debugLine(app *App, err error) string {
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("%s: DEBUG=%v", app.Name, app.Config["DEBUG"])
}
