package main

// This file routes the decoded path, as Flask gets it in PATH_INFO: %2F
// is a slash, so /tasks/a%2Fb is a 404 as in Flask, and /%61dmin/index is
// the admin app's. TestAnEscapedSlashIsASlash and
// TestEverySpellingOfTheMountPointReachesTheAdminApp prove it.

import "net/http"

// decodePath serves each request with h as if its path had come
// unescaped: net/http's mux, and http.StripPrefix, then match r.URL.Path.
func decodePath(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r2 := r.Clone(r.Context())
		r2.URL.RawPath = "" // the escaped form, if it differs from Path
		h.ServeHTTP(w, r2)
	})
}
