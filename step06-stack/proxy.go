package main

import "net/http"

// A RequestProxy stands for the request that the calling goroutine
// serves, as Flask's request is a werkzeug LocalProxy: it holds no
// request, and each of its methods looks the request up again, with
// request(), on the goroutine that calls it. So a goroutine that a
// handler starts, and hands the proxy, finds no request: hand it the
// request itself, which CurrentObject returns.
type RequestProxy struct{}

// Method returns the method of the calling goroutine's request, as
// Flask's request.method.
func (RequestProxy) Method() string {
	return request().Method
}

// PathValue returns the wildcard name of the calling goroutine's
// request, as Flask's request.view_args[name].
func (RequestProxy) PathValue(name string) string {
	return request().PathValue(name)
}

// CurrentObject returns the request that the proxy stands for on the
// calling goroutine, as werkzeug's LocalProxy._get_current_object: the
// request itself, which stays the same on any goroutine.
func (RequestProxy) CurrentObject() *http.Request {
	return request()
}
