package main

import (
	"io"
	"net/http"
)

// useDB makes app open a connection for each request, with open, before
// the request's views run, and keep it in g under "db", where they find
// it. The connection is closed when the request's app context is popped,
// as Flask's teardown_appcontext closes what g holds.
func useDB(app *App, open func() io.Closer) {
	app.BeforeRequest(func() (response, bool) {
		g, err := G()
		if err != nil {
			return text(http.StatusInternalServerError,
				"error: "+err.Error()), true
		}
		g.Set("db", open())
		return response{}, false // no answer: on to the view
	})
	app.TeardownAppContext(func(error) {
		g, err := G()
		if err != nil {
			return
		}
		// An app context whose hook did not run has no db to close.
		if db, ok := g.Get("db"); ok {
			if c, ok := db.(io.Closer); ok {
				c.Close() // NOTE: ignoring errors: nobody is left to tell
			}
		}
	})
}
