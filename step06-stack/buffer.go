package main

// This file holds a response until the after-request hooks, which may
// change it, have seen it, as Flask's after_request functions. A view
// does not see the client's writer, so ServeHTTP limits the body on it,
// and a 413 closes the connection. TestHooksRunInFlasksOrder and
// TestABodyTooLargeClosesTheConnection prove it.

import (
	"bytes"
	"maps"
	"net/http"
)

// A ResponseBuffer is where a view of an App writes its response.
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

// WriteHeader sets the status; as with net/http, the first call counts.
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
