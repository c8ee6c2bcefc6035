package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
)

// The original's two apps, the context of one inside the other's:
// CurrentApp is the app of the top context of the calling goroutine.
func Example_appContexts() {
	app1 := NewApp("app01")
	app1.Config["DEBUG"] = false
	app2 := NewApp("app02")
	app2.Config["DEBUG"] = true
	debug := func() any { return CurrentApp().Config["DEBUG"] }

	// NOTE: ignoring errors: each Pop pops the context on top.
	ctx1 := app1.AppContext() // with app1.app_context():
	ctx1.Push()
	fmt.Println(debug())
	ctx2 := app2.AppContext() //     with app2.app_context():
	ctx2.Push()
	fmt.Println(debug())
	ctx2.Pop()
	fmt.Println(debug())
	ctx1.Pop()

	// Output:
	// false
	// true
	// false
}

// A before-request hook stores a list in g, and the view of the same
// request reads it there. The recorder calls the app directly, without
// a socket, as Flask's test client does.
func Example_beforeRequest() {
	app := NewApp("app")
	app.BeforeRequest(func() (response, bool) {
		G()["permission_code_list"] = []string{"list", "add"}
		return response{}, false // no answer: on to the view
	})
	app.Handle("/{$}", view(func() response {
		fmt.Println(pythonList(G()["permission_code_list"].([]string)))
		return text(http.StatusOK, "index")
	}))

	app.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))

	// Output:
	// ['list', 'add']
}

// pythonList formats a list of strings as Python's print does.
func pythonList(items []string) string {
	return "['" + strings.Join(items, "', '") + "']"
}

// The original's DispatcherMiddleware(app1, {"/admin": app2}) is
// dispatch: /admin/... goes to app2, which sees the path without /admin,
// and anything else to app1. The recorder calls it directly, without a
// socket, as werkzeug's test client does.
func Example_dispatcher() {
	app1 := NewApp("app01")
	app1.Handle("GET /index", view(func() response {
		return text(http.StatusOK, "app01")
	}))
	app2 := NewApp("app02")
	app2.Handle("GET /index2", view(func() response {
		return text(http.StatusOK, "app2")
	}))
	app := dispatch(app1, app2)

	for _, path := range []string{"/index", "/admin/index2"} {
		rec := httptest.NewRecorder()
		app.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		fmt.Println(path, "->", strings.TrimSpace(rec.Body.String()))
	}

	// Output:
	// /index -> app01
	// /admin/index2 -> app2
}
