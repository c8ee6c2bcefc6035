package main

import (
	"bytes"
	"maps"
	"net/http"
)

// A ResponseBuffer holds the response to a request of an App until the
// after-request hooks have seen it, as Flask hands its response object to
// its after_request functions: a hook may change the status, the header
// or the body before the client gets any of them. It is an
// http.ResponseWriter, so that a view writes to it as to the client.
type ResponseBuffer struct {
	Status int // 0 until the view writes a header or a body
	Body   bytes.Buffer
	header http.Header
}

// Header returns the header to be sent, which the hooks may still change.
func (b *ResponseBuffer) Header() http.Header {
	if b.header == nil {
		b.header = make(http.Header)
	}
	return b.header
}

// WriteHeader sets the status. As with net/http, only the first call
// counts.
func (b *ResponseBuffer) WriteHeader(status int) {
	if b.Status == 0 {
		b.Status = status
	}
}

// Write adds p to the body, with status 200 if none was set.
func (b *ResponseBuffer) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.Body.Write(p)
}

// send writes the response to w, the client's.
func (b *ResponseBuffer) send(w http.ResponseWriter) {
	maps.Copy(w.Header(), b.header)
	b.WriteHeader(http.StatusOK) // a view that wrote nothing answers 200
	w.WriteHeader(b.Status)
	w.Write(b.Body.Bytes()) // NOTE: ignoring errors: the client left
}
