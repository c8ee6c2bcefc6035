package main

import (
	"fmt"
	"net"
	"net/http"
	"strings"
)

// guard keeps other web pages from using the learner's browser against
// the server (TestGuard): a page that reached it under another name (DNS
// rebinding) sends a Host other than addr, or localhost, 127.0.0.1, [::1]
// or one of hosts, on addr's port (421); a page of another origin posts a
// forged form, as http.CrossOriginProtection tells (403).
func guard(next http.Handler, addr string, hosts []string) http.Handler {
	_, port, _ := net.SplitHostPort(addr)
	ours := map[string]bool{addr: true} // the Host headers we answer to
	for _, name := range append([]string{"localhost", "127.0.0.1", "::1"}, hosts...) {
		ours[net.JoinHostPort(strings.ToLower(name), port)] = true
	}
	crossOrigin := http.NewCrossOriginProtection()

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A text/plain task is text, never a script; the page loads nothing.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'none'; "+
			"form-action 'self'; frame-ancestors 'none'; base-uri 'none'")

		if !ours[strings.ToLower(r.Host)] {
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
