package main

import (
	"cmp"
	"errors"
	"net/http"
	"unicode/utf8"
)

// form keeps bad input out of the store (the bad requests of TestRoutes).
// It returns the named fields, from the path (Flask's view_args) or else
// the form; if one is bad, ok is false and refusal is 413 for a body over
// maxBody, 400 for a malformed one or a missing, empty or non-UTF-8 field.
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

// maxBody is the most that a view reads of a request body, in bytes.
const maxBody = 64 << 10
