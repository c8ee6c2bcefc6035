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
// columns, rows in the order the clients were answered. It depends on
// nothing but recs, so that a test can draw made-up times.
func draw(recs []record, width int) string {
	rows := inOrderServed(recs)

	end := time.Millisecond // keeps an empty run from dividing by 0
	for _, r := range rows {
		end = max(end, r.closed)
	}
	col := end / time.Duration(width)

	var b strings.Builder
	label := fmt.Sprintf("client %d", len(rows))
	for _, r := range rows {
		fmt.Fprintf(&b, "%-*s |", len(label), fmt.Sprintf("client %d", r.client))
		for c := range width {
			// A column shows the state at its middle.
			b.WriteRune(glyph(r, col*time.Duration(c)+col/2))
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
