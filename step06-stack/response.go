package main

import (
	"io"
	"maps"
	"net/http"
)

// A view answers a request as a Flask view function does: it takes no
// arguments, reads the request with request(), and returns a response.
type view func() response

// A response is what a view returns.
type response struct {
	status int
	header http.Header
	body   string
}

// text returns a text/plain response, ending its line for curl.
func text(status int, body string) response {
	header := http.Header{"Content-Type": {"text/plain; charset=utf-8"}}
	return response{status, header, body + "\n"}
}

// ServeHTTP calls v, which finds r with request(), and sends its response.
func (v view) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody) // see form.go
	v().write(w)
}

func (resp response) write(w http.ResponseWriter) {
	maps.Copy(w.Header(), resp.header)
	w.WriteHeader(resp.status)
	io.WriteString(w, resp.body) // NOTE: ignoring errors: the client left
}
