package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAGoroutineNeedsTheRequestNotTheProxy starts two goroutines in a
// handler, as Flask code hands request to a thread or greenlet: the one
// handed the proxy finds no request, since the proxy looks it up on the
// goroutine that uses it; the one handed the request itself works.
func TestAGoroutineNeedsTheRequestNotTheProxy(t *testing.T) {
	var proxy RequestProxy
	srv := httptest.NewServer(bindRequest(http.HandlerFunc(
		func(http.ResponseWriter, *http.Request) {
			assert.Equal(t, "PUT", proxy.Method(), "the handler's own")
			r := proxy.CurrentObject()

			var wg sync.WaitGroup
			wg.Go(func() {
				assert.PanicsWithError(t, errOutsideRequest.Error(),
					func() { proxy.Method() }, "the proxy")
			})
			wg.Go(func() {
				assert.Equal(t, "PUT", r.Method, "the request")
			})
			wg.Wait()
		})))
	defer srv.Close()

	req, err := http.NewRequest("PUT", srv.URL, nil)
	if assert.NoError(t, err) {
		resp, err := srv.Client().Do(req)
		if assert.NoError(t, err) {
			resp.Body.Close()
		}
	}
}
