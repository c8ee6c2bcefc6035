package main

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The glyphs of a row.
const (
	waiting = '.' // connected, no reply yet
	holding = '#' // answered, still connected
	away    = ' ' // not connected (yet, or any more)
)

// draw renders recs as one row per client on a shared time axis of width
// columns, rows in the order the clients were answered. The axis spans
// the run, and at least span: against a server that hangs up at once
// (step01), the whole run takes a millisecond, and microsecond columns
// say less than a chart of the time the clients meant to stay. It
// depends on nothing but its arguments, so that a test can draw made-up
// times.
func draw(recs []record, width int, span time.Duration) string {
	rows := inOrderServed(recs)

	end := max(span, time.Millisecond) // never 0: end is divided below
	for _, r := range rows {
		end = max(end, r.closed)
	}
	col := end / time.Duration(width)

	var b strings.Builder
	label := fmt.Sprintf("client %d", len(rows))
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s |", len(label), fmt.Sprintf("client %d", r.client))
		for c := range width {
			b.WriteRune(cell(r, col*time.Duration(c), col))
		}
		b.WriteString("|  ")
		if r.answered == never {
			fmt.Fprintf(&b, "never answered: %v\n", r.err)
		} else {
			fmt.Fprintf(&b, "served at %dms", r.answered.Milliseconds())
			if r.hungUp {
				b.WriteString(", then hung up on")
			}
			b.WriteString("\n")
		}
	}

	// The axis: 0 under the first column, the end under the last.
	last := ms(end)
	pad := max(width-1-len(last), 1)
	fmt.Fprintf(&b, "%*s0%*s%s  (one column = %s)\n",
		len(label)+2, "", pad, "", last, ms(col))
	fmt.Fprintf(&b, "%c connected, waiting for the reply   "+
		"%c answered, holding the connection\n", waiting, holding)
	return b.String()
}

// cell is what the column that starts at from shows of r: its state at
// the column's middle. A connection shorter than a column could fall
// between two middles and vanish, so it shows in the column where it
// began, in the last state it reached, and nowhere else.
func cell(r record, from, col time.Duration) rune {
	if r.connected == never || r.closed-r.connected >= col {
		return glyph(r, from+col/2)
	}
	switch {
	case r.connected < from || r.connected >= from+col:
		return away
	case r.answered == never:
		return waiting
	default:
		return holding
	}
}

// glyph is the state of r at time t.
func glyph(r record, t time.Duration) rune {
	switch {
	case r.connected == never || t < r.connected || t >= r.closed:
		return away
	case r.answered == never || t < r.answered:
		return waiting
	default:
		return holding
	}
}

// inOrderServed returns recs in the order the clients were answered,
// those never answered last, ties in their original order.
func inOrderServed(recs []record) []record {
	rows := slices.Clone(recs)
	slices.SortStableFunc(rows, func(a, b record) int {
		return compareAnswered(a.answered, b.answered)
	})
	return rows
}

// compareAnswered orders answer times, never last.
func compareAnswered(a, b time.Duration) int {
	switch {
	case a == b:
		return 0
	case a == never:
		return 1
	case b == never:
		return -1
	case a < b:
		return -1
	default:
		return 1
	}
}

// ms formats d for a chart: whole milliseconds below a second, then
// seconds to the hundredth. Below a millisecond, it is only a column's
// width that needs more than "0ms".
func ms(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return d.Round(time.Microsecond).String()
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	default:
		return fmt.Sprintf("%.2fs", d.Seconds())
	}
}
