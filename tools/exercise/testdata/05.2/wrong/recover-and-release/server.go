package main

// bindRequest binds each request to the goroutine that serves it while
// next runs, as Flask pushes a request context: there, request() finds
// it. The deferred Release runs when next returns, and when it panics.
func bindRequest(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		local.Set("request", r)
		defer func() {
			recover() // release whether next returns or panics
			local.Release()
		}()
		next.ServeHTTP(w, r)
	})
}
