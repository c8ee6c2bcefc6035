package main

import (
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
)

// policy is the Content-Security-Policy of every response. The page
// loads nothing (no script, style, image or frame), its form may post
// only to this server, and no other page may show it in a frame, where
// a click could be stolen.
const policy = "default-src 'none'; form-action 'self'; " +
	"frame-ancestors 'none'; base-uri 'none'"

// guard refuses the requests that other web pages can make the
// learner's browser send to a server on localhost, and passes the rest
// to next:
//
//   - a request whose Host header names neither the address that ln
//     listens on, localhost, 127.0.0.1, [::1], nor one of hosts, with
//     the port that ln listens on: a page that reaches this server by
//     another name (DNS rebinding) gets 421 Misdirected Request;
//   - a state-changing request (POST) that a page of another origin
//     sent, as http.CrossOriginProtection decides: 403 Forbidden.
//     Requests from the server's own page, and from no browser at all
//     (curl, the tests), go through.
func guard(next http.Handler, ln net.Listener, hosts []string) http.Handler {
	listenHost, port, _ := net.SplitHostPort(ln.Addr().String())
	names := map[string]bool{} // the host names we answer to
	for _, name := range slices.Concat(hosts,
		[]string{listenHost, "localhost", "127.0.0.1", "::1"}) {
		if name != "" {
			names[canonical(name)] = true
		}
	}
	crossOrigin := http.NewCrossOriginProtection()

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// nosniff: a browser takes a text/plain task as text, and
		// never guesses that it is a script or a page.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", policy)

		name, namePort, err := net.SplitHostPort(r.Host)
		if err != nil { // no port: the scheme's, 80 for http
			name, namePort = r.Host, "80"
		}
		if !names[canonical(name)] || namePort != port {
			// RFC 9110 defines 421 for a server that will not answer
			// for the host that a request names, which is the case
			// here; 403 would blame the client instead, and it is
			// what a cross-origin request gets below.
			text(http.StatusMisdirectedRequest, fmt.Sprintf(
				"error: this server does not answer to host %q "+
					"(its -hosts flag adds names)", r.Host)).write(w)
			return
		}
		if err := crossOrigin.Check(r); err != nil {
			text(http.StatusForbidden, "error: "+err.Error()).write(w)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// canonical returns a host name as guard compares it: DNS names are
// case-insensitive, and an IPv6 address may come in brackets.
func canonical(name string) string {
	return strings.ToLower(strings.Trim(name, "[]"))
}
