package main

import (
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// The original promised, for its next chapter, to parse requests with
// regular expressions. parseRegexp does, and accepts and rejects exactly
// the lines that parse does: FuzzParseRegexp checks it. The server keeps
// parse (step04-todo's README says why, in "Optional: parse with a
// regular expression?"), so parseRegexp lives here, beside its proof.

// requestLine is the protocol in one expression. (?s) lets . match a
// newline too, as parse takes any byte. Go's regexp package guarantees
// time linear in the length of the line, whatever the pattern, so a
// hostile line cannot make it backtrack for ever.
var requestLine = regexp.MustCompile(
	`(?s)^(?:GET/(.+)|POST/([^=]+)=(.+))/[^/]*$`)

// parseRegexp is parse, written with requestLine. A line either matches
// or not: it cannot say which part was wrong, so every error is
// errFields.
func parseRegexp(line string) (command, error) {
	if !utf8.ValidString(line) {
		return command{}, errNotUTF8
	}
	m := requestLine.FindStringSubmatch(line)
	switch {
	case m == nil:
		return command{}, errFields
	case m[1] != "":
		return command{method: "GET", id: m[1]}, nil
	}
	return command{method: "POST", id: m[2], value: m[3]}, nil
}

func TestParseRegexp(t *testing.T) {
	for _, tt := range parseTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseRegexp(tt.line)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.err == nil, err == nil, "error: %v", err)
		})
	}
}

// FuzzParseRegexp checks that parseRegexp accepts and rejects the same
// lines as parse, and reads the same request from those it accepts. A
// plain go test runs it on its seeds; to search, run
//
//	go test -run '^$' -fuzz FuzzParseRegexp -fuzztime 1m .
func FuzzParseRegexp(f *testing.F) {
	for _, tt := range parseTests {
		f.Add(tt.line)
	}
	f.Add("POST/a\nb=c\nd/status") // . must match a newline, as parse does
	f.Fuzz(func(t *testing.T, line string) {
		want, wantErr := parse(line)
		got, err := parseRegexp(line)
		assert.Equal(t, wantErr == nil, err == nil,
			"parse: %v, parseRegexp: %v", wantErr, err)
		assert.Equal(t, want, got)
	})
}

// BenchmarkParse times parse and parseRegexp on the same lines: a GET, a
// POST, and a line that both reject.
func BenchmarkParse(b *testing.B) {
	lines := []string{
		"GET/task_01/status",
		"POST/task_04=go shopping/status",
		"PUT/task_01/status",
	}
	for _, p := range []struct {
		name  string
		parse func(string) (command, error)
	}{{"strings", parse}, {"regexp", parseRegexp}} {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				for _, line := range lines {
					p.parse(line)
				}
			}
		})
	}
}
