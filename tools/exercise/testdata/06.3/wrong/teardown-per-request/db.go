package main

import "io"

// useDB makes app open a connection for each request, with open, before
// the request's views run, and keep it in g under "db", where they find
// it. The connection is closed when the request's app context is popped,
// as Flask's teardown_appcontext closes what g holds.
func useDB(app *App, open func() io.Closer) {
	app.BeforeRequest(func() (response, bool) {
		db := open()
		G()["db"] = db
		app.TeardownAppContext(func() { db.Close() })
		return response{}, false
	})
}
