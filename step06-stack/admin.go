package main

import (
	"net/http"
	"strings"
)

// admin returns the admin app of the original's example. Before each of
// its requests, a hook gives the request its permissions in g, where any
// view can read them.
func admin() *App {
	app := NewApp("admin")
	app.BeforeRequest(func() (response, bool) {
		g, err := G()
		if err != nil {
			return text(http.StatusInternalServerError,
				"error: "+err.Error()), true
		}
		g.Set("permissions", []string{"list", "add"})
		return response{}, false // no answer: on to the view
	})
	app.Handle("GET /index", view(appName))
	app.Handle("GET /permissions", view(permissions))
	return app
}

// appName answers with the name of the app that serves the request. Both
// apps route GET /index to it, and nothing tells it which app it serves:
// it reads current_app, the app of the top app context.
func appName() response {
	app, err := CurrentApp()
	if err != nil {
		return text(http.StatusInternalServerError, "error: "+err.Error())
	}
	return text(http.StatusOK, app.Name)
}

// permissions answers with the permissions that the before-request hook
// put in g.
func permissions() response {
	g, err := G()
	if err != nil {
		return text(http.StatusInternalServerError, "error: "+err.Error())
	}
	value, _ := g.Get("permissions")
	list, ok := value.([]string)
	if !ok {
		return text(http.StatusInternalServerError,
			"error: no permissions in g")
	}
	return text(http.StatusOK, strings.Join(list, ", "))
}
