package main

import (
	"net/http"
	"strings"
)

// dispatch mounts two apps in one server, as the original's
// DispatcherMiddleware(todo, {"/admin": admin}): a request under /admin/
// goes to admin, which sees its path without the prefix, and any other to
// todo. A pattern that ends in a slash matches whole path segments, so
// /adminx/index is todo's.
func dispatch(todo, admin http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/", todo)
	mux.Handle("/admin/", http.StripPrefix("/admin", admin))
	return decodePath(mux) // pathinfo.go
}

// adminApp returns the admin app of the original's example: before each
// request, a hook puts its permissions in g, where any view reads them.
func adminApp() *App {
	app := NewApp("admin")
	app.BeforeRequest(func() (response, bool) {
		G()["permissions"] = []string{"list", "add"}
		return response{}, false // no answer: on to the view
	})
	app.Handle("GET /index", view(appName))
	app.Handle("GET /permissions", view(func() response {
		list, _ := G()["permissions"].([]string)
		return text(http.StatusOK, strings.Join(list, ", "))
	}))
	return app
}

// appName answers with the name of the app that serves the request: both
// apps route GET /index to it, and it reads current_app.
func appName() response {
	return text(http.StatusOK, CurrentApp().Name)
}
