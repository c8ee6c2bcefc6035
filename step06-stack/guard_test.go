package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What http.CrossOriginProtection says when it refuses a request, after
// guard's "error: ".
const (
	crossSite = "error: cross-origin request detected from " +
		"Sec-Fetch-Site header\n"
	crossOrigin = "error: cross-origin request detected, and/or browser " +
		"is out of date: Sec-Fetch-Site is missing, and Origin does " +
		"not match Host\n"
)

// guardTests are requests as other web pages make a browser send them,
// and as the server's own page and curl send them. A POST adds task_04
// with the form, as the page does; GET reads task_01. In host and in
// header values, PORT stands for the server's port.
var guardTests = []struct {
	name   string
	hosts  []string // the server's -hosts
	method string
	host   string // the Host header; "" for the address dialled
	header map[string]string
	status int
	body   string
}{
	{"curl sends no Origin and no Sec-Fetch-Site", nil, "POST", "", nil,
		303, ""},
	{"the page's own form", nil, "POST", "", map[string]string{
		"Origin": "http://127.0.0.1:PORT", "Sec-Fetch-Site": "same-origin"},
		303, ""},
	{"the page's own form, from a browser without Sec-Fetch-Site", nil,
		"POST", "", map[string]string{"Origin": "http://127.0.0.1:PORT"},
		303, ""},
	{"a form on another site", nil, "POST", "", map[string]string{
		"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
		403, crossSite},
	{"a page of another server on localhost", nil, "POST", "",
		map[string]string{"Origin": "http://localhost:3000",
			"Sec-Fetch-Site": "same-site"},
		403, crossSite},
	{"another site, from a browser without Sec-Fetch-Site", nil, "POST", "",
		map[string]string{"Origin": "http://evil.example"},
		403, crossOrigin},
	{"another site may GET: its page cannot read the reply", nil, "GET", "",
		map[string]string{"Sec-Fetch-Site": "cross-site"},
		200, "see someone\n"},

	{"a rebound name on GET", nil, "GET", "evil.example:PORT", nil,
		421, `error: this server does not answer to host ` +
			`"evil.example:PORT" (its -hosts flag adds names)` + "\n"},
	{"a rebound name on POST, same-origin to the browser", nil, "POST",
		"evil.example:PORT", map[string]string{
			"Origin":         "http://evil.example:PORT",
			"Sec-Fetch-Site": "same-origin"},
		421, `error: this server does not answer to host ` +
			`"evil.example:PORT" (its -hosts flag adds names)` + "\n"},
	{"localhost", nil, "GET", "localhost:PORT", nil, 200, "see someone\n"},
	{"localhost in capitals", nil, "GET", "LocalHost:PORT", nil,
		200, "see someone\n"},
	{"[::1]", nil, "GET", "[::1]:PORT", nil, 200, "see someone\n"},
	{"localhost on another port", nil, "GET", "localhost:1", nil,
		421, `error: this server does not answer to host "localhost:1" ` +
			`(its -hosts flag adds names)` + "\n"},
	{"localhost without a port", nil, "GET", "localhost", nil,
		421, `error: this server does not answer to host "localhost" ` +
			`(its -hosts flag adds names)` + "\n"},

	{"a host that -hosts names", []string{"laptop.local", "192.168.1.20"},
		"GET", "laptop.local:PORT", nil, 200, "see someone\n"},
	{"an address that -hosts names", []string{"laptop.local", "192.168.1.20"},
		"GET", "192.168.1.20:PORT", nil, 200, "see someone\n"},
	{"the page's own form, on a host that -hosts names",
		[]string{"laptop.local"}, "POST", "laptop.local:PORT",
		map[string]string{"Origin": "http://laptop.local:PORT",
			"Sec-Fetch-Site": "same-origin"},
		303, ""},
	{"a host that -hosts does not name", []string{"laptop.local"},
		"GET", "evil.example:PORT", nil,
		421, `error: this server does not answer to host ` +
			`"evil.example:PORT" (its -hosts flag adds names)` + "\n"},
}

func TestGuard(t *testing.T) {
	for _, tt := range guardTests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := defaults
			cfg.Hosts = tt.hosts
			addr, _ := startServer(t, cfg)
			_, port, err := net.SplitHostPort(addr)
			require.NoError(t, err)
			withPort := strings.NewReplacer("PORT", port).Replace
			c := connect(t, addr)

			path, form := "/tasks/task_01", ""
			if tt.method == "POST" {
				path, form = "/tasks", "id=task_04&value=posted"
			}
			req, err := http.NewRequest(tt.method, c.base+path,
				strings.NewReader(form))
			require.NoError(t, err)
			req.Host = withPort(tt.host)
			for name, value := range tt.header {
				req.Header.Set(name, withPort(value))
			}
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			resp, err := c.http.Do(req)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)

			assert.Equal(t, tt.status, resp.StatusCode)
			assert.Equal(t, withPort(tt.body), string(body))
			if tt.method == "POST" {
				stored := c.do("GET", "/tasks/task_04", "").status == 200
				assert.Equal(t, tt.status == 303, stored,
					"stored only if accepted")
			}
		})
	}
}

// TestEveryResponseForbidsSniffing checks the headers that guard adds to
// every response: a browser must not guess another type than the one
// sent, and the page's policy lets nothing load but the form post.
func TestEveryResponseForbidsSniffing(t *testing.T) {
	const policy = "default-src 'none'; form-action 'self'; " +
		"frame-ancestors 'none'; base-uri 'none'"
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)
	for _, req := range []struct{ method, path, form string }{
		{"GET", "/", ""},
		{"GET", "/tasks/task_01", ""},
		{"POST", "/tasks", "id=task_04&value=x"},
		{"POST", "/tasks/task_04", ""}, // 400
		{"GET", "/nope", ""},           // 404
		{"DELETE", "/tasks/task_01", ""},
	} {
		got := c.do(req.method, req.path, req.form)
		assert.Equal(t, "nosniff", got.header.Get("X-Content-Type-Options"),
			"%s %s", req.method, req.path)
		assert.Equal(t, policy, got.header.Get("Content-Security-Policy"),
			"%s %s", req.method, req.path)
	}
}

// TestOptionsStarMeetsTheHostCheck sends OPTIONS *, which asks about the
// server rather than a path, and which net/http answers by itself unless
// told not to: under a foreign name it is refused like any request.
func TestOptionsStarMeetsTheHostCheck(t *testing.T) {
	addr, _ := startServer(t, defaults)
	for _, tt := range []struct {
		host   string
		status int
	}{
		{"evil.example", http.StatusMisdirectedRequest},
		{addr, http.StatusBadRequest}, // the mux's answer to OPTIONS *
	} {
		conn, err := net.DialTimeout("tcp", addr, arrives)
		require.NoError(t, err)
		defer conn.Close()
		fmt.Fprintf(conn, "OPTIONS * HTTP/1.1\r\nHost: %s\r\n\r\n", tt.host)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, tt.status, resp.StatusCode, tt.host)
	}
}
