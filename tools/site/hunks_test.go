package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestScriptPicksTheOneDiffPrints: of the shortest scripts, each as
// short as the other, the one that diff -u prints. The lines of the
// cases are written one per character.
func TestScriptPicksTheOneDiffPrints(t *testing.T) {
	for _, c := range []struct{ name, a, b, ops string }{
		// Lines added after a "}" that they end with: kept first "}",
		// then "if {", "}", rather than "}", "if {" then the kept "}".
		{"an added block goes down", "x}.", "x}i}.", "  ++ "},
		{"a deleted block goes down", "x}i}.", "x}.", "  -- "},
		// A replacement stays where it meets its other half.
		{"a replaced line stays beside its replacement", "abc", "aXc", " -+ "},
		{"a new file", "", "ab", "++"},
		{"no change", "ab", "ab", "  "},
	} {
		a, b := chars(c.a), chars(c.b)
		assert.Equal(t, c.ops, string(script(a, b)), c.name)
	}
}

// TestHunksAreThoseOfDiffU: three lines of context on each side, and two
// changes with at most six kept lines between them share a hunk. The
// headers are those that diff -u printed for the same lines.
func TestHunksAreThoseOfDiffU(t *testing.T) {
	a := chars("abcdefghijklmnopqrstu")
	b := chars("abcdefgHijklmnopqrstU")
	var headers []string
	for _, h := range hunks(a, b) {
		headers = append(headers, h.Header())
	}
	assert.Equal(t, []string{"@@ -5,7 +5,7 @@", "@@ -18,4 +18,4 @@"}, headers)

	b = chars("abcdefgHijklmnOpqrstu") // six kept lines between
	assert.Equal(t, "@@ -5,14 +5,14 @@", hunks(a, b)[0].Header())
	assert.Len(t, hunks(a, b), 1)
	b = chars("abcdefgHijklmnoPqrstu") // seven
	assert.Len(t, hunks(a, b), 2)
	assert.Equal(t, "@@ -0,0 +1,2 @@", hunks(nil, chars("ab"))[0].Header(), "a new file")
	assert.Equal(t, "@@ -1 +1 @@", hunks(chars("a"), chars("b"))[0].Header(), "one line each")
}

func chars(s string) []string {
	var lines []string
	for _, r := range s {
		lines = append(lines, string(r)+"\n")
	}
	return lines
}
