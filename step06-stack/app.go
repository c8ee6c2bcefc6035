package main

import (
	"log"
	"net/http"
	"slices"
)

// An App is a web application, as a Flask object is: a name, a config,
// routes (Handle is @app.route) and hooks. Set it up before it serves,
// then it only reads them: it serves many goroutines at once.
type App struct {
	Name   string
	Config map[string]any
	*http.ServeMux

	beforeRequest []func() (response, bool)
	afterRequest  []func(*ResponseBuffer)
	teardown      []func()
}

// NewApp returns an app with an empty config and no routes.
func NewApp(name string) *App {
	return &App{Name: name, Config: map[string]any{},
		ServeMux: http.NewServeMux()}
}

// BeforeRequest registers f to run before each request, as Flask's
// @app.before_request. If f returns a response and true, that is the
// answer: the later hooks and the view do not run.
func (app *App) BeforeRequest(f func() (response, bool)) {
	app.beforeRequest = append(app.beforeRequest, f)
}

// AfterRequest registers f to run on each response before it is sent,
// as Flask's @app.after_request.
func (app *App) AfterRequest(f func(*ResponseBuffer)) {
	app.afterRequest = append(app.afterRequest, f)
}

// TeardownAppContext registers f to run when an app context of the app
// is popped, as Flask's @app.teardown_appcontext.
func (app *App) TeardownAppContext(f func()) {
	app.teardown = append(app.teardown, f)
}

// ServeHTTP serves r as Flask's wsgi_app: it pushes a request context,
// runs the before-request hooks, the view and the after-request hooks
// (the last registered first), pops the context, and sends the response.
func (app *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody) // buffer.go
	ctx := &RequestContext{Request: r, appCtx: app.AppContext()}
	ctx.push()
	resp := new(ResponseBuffer) // buffer.go
	recovered(r, resp, func() { // panics.go
		app.answer(resp, r)
		for _, f := range slices.Backward(app.afterRequest) {
			f(resp)
		}
	})
	if err := ctx.pop(); err != nil {
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err) // order.go
	}
	resp.send(w)
}

// answer runs the before-request hooks until one answers, else the view.
func (app *App) answer(resp *ResponseBuffer, r *http.Request) {
	for _, f := range app.beforeRequest {
		if answer, ok := f(); ok {
			answer.write(resp)
			return
		}
	}
	app.ServeMux.ServeHTTP(resp, r)
}
