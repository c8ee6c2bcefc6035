package main

import (
	"cmp"
	"errors"
	"net/http"
	"unicode/utf8"
)

// maxBody is the most that a view reads of a request body, in bytes.
const maxBody = 64 << 10

// form returns the named fields of the request, each from its path (as
// Flask's request.view_args) or else its form (request.form). If one is
// bad, ok is false and refusal says why, so that nothing is stored (the
// bad requests of TestRoutes): a body over maxBody gets 413; a malformed
// one, or a field that is missing, empty or not UTF-8, 400.
func form(names ...string) (fields []string, refusal response, ok bool) {
	r := request()
	if err := r.ParseForm(); err != nil {
		if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
			return nil, text(http.StatusRequestEntityTooLarge,
				"error: body too large, expected at most 64 KiB"), false
		}
		return nil, text(http.StatusBadRequest, "error: "+err.Error()), false
	}
	for _, name := range names {
		value := cmp.Or(r.PathValue(name), r.PostForm.Get(name))
		switch {
		case value == "":
			return nil, text(http.StatusBadRequest,
				"error: expected a non-empty "+name), false
		case !utf8.ValidString(value):
			return nil, text(http.StatusBadRequest,
				"error: "+name+" is not UTF-8"), false
		}
		fields = append(fields, value)
	}
	return fields, response{}, true
}
