package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAnUnreleasedValueLeaksIntoTheNextRequest is the leak that Release
// prevents, in a server. net/http serves every request of a keep-alive
// connection on the same goroutine, so a value that one request sets and
// does not release is there for the next request of the connection: a
// request that says no user is served as the user before it.
func TestAnUnreleasedValueLeaksIntoTheNextRequest(t *testing.T) {
	t.Parallel()
	var l Local
	srv := httptest.NewServer(http.HandlerFunc(
		func(w http.ResponseWriter, r *http.Request) {
			if user := r.URL.Query().Get("user"); user != "" {
				l.Set("user", user) // and no Release
			}
			user, _ := l.Get("user")
			fmt.Fprintf(w, "goroutine %d serves %v", goroutineID(), user)
		}))
	t.Cleanup(srv.Close)

	c := connectTo(t, srv)
	first := c.do("GET", "/?user=ann", "").body
	assert.Contains(t, first, "serves ann")
	assert.Equal(t, first, c.do("GET", "/", "").body,
		"the next request of the connection: same goroutine, same user")

	other := connectTo(t, srv).do("GET", "/", "").body
	assert.Contains(t, other, "serves <nil>",
		"another connection, served by another goroutine")

	srv.Close() // ends the goroutines of both connections
	assert.Equal(t, 1, stored(&l), "ann stays, with no goroutine to see her")
}
