package main

// This file answers a panic in a view or a hook with 500 Internal Server
// Error, as Flask answers an exception in them, where net/http would drop
// the connection. TestAPanicIsAnswered500 proves it.

import (
	"log"
	"net/http"
	"runtime/debug"
)

// recovered calls serve, which answers r into resp. If serve panics, it
// logs the panic and puts a 500 in resp in place of what serve wrote.
func recovered(r *http.Request, resp *ResponseBuffer, serve func()) {
	defer func() {
		if p := recover(); p != nil {
			log.Printf("%s %s: panic: %v\n%s", r.Method, r.URL.Path, p,
				debug.Stack())
			*resp = ResponseBuffer{}
			http.Error(resp, "error: internal server error",
				http.StatusInternalServerError)
		}
	}()
	serve()
}
