package main

import (
	"strconv"
	"strings"

	"github.com/aymanbagabas/go-udiff/myers"
)

// A hunk is one of diff -u's: lines of each file from Old and New
// (counted from 1), and what to do with each line, ' ' (keep), '-' or '+'.
type hunk struct {
	Old, New int
	Ops      []byte
}

// hunks returns the hunks of diff -u between the lines a and b. The
// changes are the library's; this only groups them as diff -u does.
func hunks(a, b []string) []hunk {
	ops := script(a, b)
	const context = 3
	var hs []hunk
	o, n := 0, 0 // the lines of a and b before ops[i]
	for i := 0; i < len(ops); {
		if ops[i] == ' ' {
			i, o, n = i+1, o+1, n+1
			continue
		}
		// A change, with up to 3 kept lines before it, and all that
		// follows up to a run of more than 6 kept lines, and 3 of those.
		before := 0
		for before < context && i-before > 0 && ops[i-before-1] == ' ' {
			before++
		}
		end := i
		for end < len(ops) {
			kept := 0
			for end+kept < len(ops) && ops[end+kept] == ' ' {
				kept++
			}
			if end+kept == len(ops) || kept > 2*context {
				end += min(kept, context)
				break
			}
			end += kept
			for end < len(ops) && ops[end] != ' ' {
				end++
			}
		}
		hs = append(hs, hunk{Old: o - before + 1, New: n - before + 1, Ops: ops[i-before : end]})
		for _, op := range ops[i:end] {
			o += btoi(op != '+')
			n += btoi(op != '-')
		}
		i = end
	}
	return hs
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// script returns what to do with each line to turn a into b: ' ' keeps a
// line of both, '-' deletes one of a, '+' adds one of b. The library finds
// a shortest script; of the equal ones, slide picks the one diff -u prints.
func script(a, b []string) []byte {
	deleted, added := make([]bool, len(a)), make([]bool, len(b))
	old := strings.Join(a, "")
	i, j := 0, 0 // the lines of a and b before the next edit
	// The library's Myers algorithm, which finds a shortest script. It is
	// deprecated for Lines, which bounds its search, and on a large change
	// (step04's todo.go against step05's) deletes and adds lines that a
	// shortest script keeps.
	//lint:ignore SA1019 Lines is not minimal, and a diff page must be
	for _, e := range myers.ComputeEdits(old, strings.Join(b, "")) {
		start, end := count(old[:e.Start]), count(old[:e.End])
		j += start - i
		for i = start; i < end; i++ {
			deleted[i] = true
		}
		for range count(e.New) {
			added[j] = true
			j++
		}
	}
	slide(a, deleted, added)
	slide(b, added, deleted)

	var ops []byte
	for i, j := 0, 0; i < len(a) || j < len(b); {
		switch {
		case i < len(a) && deleted[i]:
			ops, i = append(ops, '-'), i+1
		case j < len(b) && added[j]:
			ops, j = append(ops, '+'), j+1
		default:
			ops, i, j = append(ops, ' '), i+1, j+1
		}
	}
	return ops
}

// count returns how many lines s has, the last one with or without "\n".
func count(s string) int {
	n := strings.Count(s, "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		n++
	}
	return n
}

// slide moves each run of changed lines of one file, where the lines
// allow it, as diff -u does: as far down as it goes, merging with the
// runs it meets; then back up to the last place where it meets a change
// in the other file, so that a deletion sits beside what replaced it.
// Both files keep their lines and a script of the same length; only the
// choice among equal scripts changes ("}", "if x {" added before a "}",
// or "if x {", "}" after it).
func slide(lines []string, changed, other []bool) {
	n := len(lines)
	// besideOther says whether the other file has changed lines where
	// this one's line p meets it: after as many kept lines as come before p.
	besideOther := func(p int) bool {
		kept := 0
		for _, c := range changed[:p] {
			kept += btoi(!c)
		}
		q := 0
		for ; kept > 0; q++ {
			kept -= btoi(!other[q])
		}
		for q < len(other) && other[q] {
			q++
		}
		return q > 0 && other[q-1]
	}
	for i := 0; i < n; {
		for i < n && !changed[i] {
			i++
		}
		if i == n {
			return
		}
		start := i
		for i < n && changed[i] {
			i++
		}
		// The run is changed[start:i]. Slide it up, then down, until it
		// stops growing by merging with its neighbours.
		var besides int // where it ended when it last met a change in the other file
		for grown := true; grown; {
			length := i - start
			for start > 0 && lines[start-1] == lines[i-1] {
				start, i = start-1, i-1
				changed[start], changed[i] = true, false
				for start > 0 && changed[start-1] {
					start--
				}
			}
			besides = n
			if besideOther(i) {
				besides = i
			}
			for i < n && lines[start] == lines[i] {
				changed[start], changed[i] = false, true
				start, i = start+1, i+1
				for i < n && changed[i] {
					i++
				}
				if besideOther(i) {
					besides = i
				}
			}
			grown = i-start != length
		}
		for i > besides {
			start, i = start-1, i-1
			changed[start], changed[i] = true, false
		}
	}
}

// Header returns the hunk's @@ line, as diff -u prints it.
func (h hunk) Header() string {
	var olds, news int
	for _, op := range h.Ops {
		olds += btoi(op != '+')
		news += btoi(op != '-')
	}
	return "@@ -" + span(h.Old, olds) + " +" + span(h.New, news) + " @@"
}

// span is a hunk's lines in one file: "3" for one line, and for none, the
// line before, "2,0".
func span(start, count int) string {
	switch count {
	case 0:
		return strconv.Itoa(start-1) + ",0"
	case 1:
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "," + strconv.Itoa(count)
}
