package main

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestDraw(t *testing.T) {
	milli := time.Millisecond
	recs := []record{
		{client: 1, connected: 0, answered: 300 * milli, closed: 600 * milli},
		{client: 2, connected: 0, answered: 0, closed: 300 * milli},
		{client: 3, connected: 0, answered: never, closed: 1000 * milli,
			err: errors.New("no reply within 1s")},
	}

	got := draw(recs, 20, 0)

	want := "" +
		"client 2 |######              |  served at 0ms\n" +
		"client 1 |......######        |  served at 300ms\n" +
		"client 3 |....................|  never answered: no reply within 1s\n" +
		"          0              1.00s  (one column = 50ms)\n" +
		". connected, waiting for the reply   # answered, holding the connection\n"
	assert.Equal(t, want, got)
}

func TestDrawShowsAClientThatCouldNotConnectAsAnEmptyRow(t *testing.T) {
	recs := []record{{client: 1, connected: never, answered: never,
		closed: 2 * time.Millisecond, err: errors.New("connection refused")}}

	got := draw(recs, 4, 0)

	assert.Contains(t, got,
		"client 1 |    |  never answered: connection refused\n")
}

func TestGlyph(t *testing.T) {
	r := record{connected: 10, answered: 20, closed: 30}
	for _, tt := range []struct {
		name string
		at   time.Duration
		want rune
	}{
		{"before connecting, nothing", 5, away},
		{"connected, waiting", 10, waiting},
		{"answered, holding", 20, holding},
		{"still holding", 29, holding},
		{"hung up, nothing", 30, away},
	} {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, string(tt.want), string(glyph(r, tt.at)))
		})
	}
}

func TestMs(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                       "0s",
		400 * time.Microsecond:  "400µs",
		1900 * time.Microsecond: "1ms",
		301 * time.Millisecond:  "301ms",
		1514 * time.Millisecond: "1.51s",
	} {
		assert.Equal(t, want, ms(d))
	}
}

func TestDrawSaysWhenTheServerHungUpFirst(t *testing.T) {
	recs := []record{{client: 1, answered: 2 * time.Millisecond,
		closed: 4 * time.Millisecond, hungUp: true}}

	got := draw(recs, 4, 0)

	assert.Contains(t, got,
		"client 1 |..##|  served at 2ms, then hung up on\n")
}

func TestDrawSpansAtLeastTheHold(t *testing.T) {
	// step01 answers and hangs up on five clients within a millisecond.
	micro := time.Microsecond
	recs := []record{
		{client: 1, connected: 0, answered: 40 * micro, closed: 60 * micro, hungUp: true},
		{client: 2, connected: 0, answered: 90 * micro, closed: 100 * micro, hungUp: true},
		{client: 3, connected: 0, answered: never, closed: 80 * micro,
			err: errors.New("EOF")},
	}

	got := draw(recs, 10, 300*time.Millisecond)

	want := "" +
		"client 1 |#         |  served at 0ms, then hung up on\n" +
		"client 2 |#         |  served at 0ms, then hung up on\n" +
		"client 3 |.         |  never answered: EOF\n" +
		"          0    300ms  (one column = 30ms)\n" +
		". connected, waiting for the reply   # answered, holding the connection\n"
	assert.Equal(t, want, got)
}
