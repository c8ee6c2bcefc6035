package main

import "io"

// useDB makes app open a connection for each request, with open, before
// the request's views run, and keep it in g under "db", where they find
// it. The connection is closed when the request's app context is popped,
// as Flask's teardown_appcontext closes what g holds.
func useDB(app *App, open func() io.Closer) {
	app.BeforeRequest(func() (response, bool) {
		G()["db"] = open()
		return response{}, false
	})
	app.AfterRequest(func(*ResponseBuffer) {
		G()["db"].(io.Closer).Close() // the view is done with it
	})
}
