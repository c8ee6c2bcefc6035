package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// gevent.spawn starts a greenlet and joinall waits for them: in Go, `go`
// and a sync.WaitGroup (or errgroup.Group, which also collects errors).
// The original fetched three web sites; here three local servers stand
// in for them. Each answers only once all three requests have arrived,
// so the example finishes only if the fetches are made at the same time.
//
// gevent needs monkey.patch_all() for that: it swaps the socket module
// for one that, where a read would block, switches to another greenlet.
// Without it, the first fetch blocks the only thread, and the other two
// never start. Go needs no patching: a goroutine that reads a socket with
// nothing to read is parked, and its thread runs other goroutines; the
// runtime's netpoller (epoll on Linux) wakes it when data arrives. Every
// net.Conn in Go is what gevent makes of a socket.
func Example_spawn() {
	sites := []string{"www.python.org", "www.yahoo.com", "github.com"}
	var arrived sync.WaitGroup
	arrived.Add(len(sites))
	allIn := make(chan struct{}) // closed once every request is in
	go func() { arrived.Wait(); close(allIn) }()
	urls := map[string]string{}
	for _, site := range sites {
		srv := httptest.NewServer(http.HandlerFunc(
			func(w http.ResponseWriter, r *http.Request) {
				arrived.Done()
				select {
				case <-allIn:
				case <-r.Context().Done(): // the client gave up
					return
				}
				fmt.Fprintf(w, "<html>the page of %s</html>\n", site)
			}))
		defer srv.Close()
		urls[site] = srv.URL
	}

	var fetches sync.WaitGroup
	for _, site := range sites {
		fetches.Go(func() { fetch(site, urls[site]) }) // gevent.spawn
	}
	fetches.Wait() // gevent.joinall

	// Unordered output:
	// GET: www.python.org
	// GET: www.yahoo.com
	// GET: github.com
	// 36 bytes received from github.com.
	// 39 bytes received from www.yahoo.com.
	// 40 bytes received from www.python.org.
}

// client gives up after 10 seconds, as the Python twin does: fetches made
// one after another would otherwise wait for ever.
var client = &http.Client{Timeout: 10 * time.Second}

// fetch gets url and says how much it received, as the original's f.
func fetch(site, url string) {
	fmt.Printf("GET: %s\n", site)
	resp, err := client.Get(url)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d bytes received from %s.\n", len(data), site)
}
