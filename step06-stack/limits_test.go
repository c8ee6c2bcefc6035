package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestAFullStoreRefusesWhatWouldGrowIt fills a store of five tasks, then
// of 100 bytes: each POST past the bound gets 507 and stores nothing,
// what was stored stays, and a POST that does not grow the store passes.
func TestAFullStoreRefusesWhatWouldGrowIt(t *testing.T) {
	t.Run("at most 5 tasks", func(t *testing.T) {
		addr, _ := startServer(t, Config{MaxTasks: 5, MaxBytes: 1 << 20})
		c := connect(t, addr)
		for _, id := range []string{"task_04", "task_05"} {
			got := c.do("POST", "/tasks/"+id, "value=fits")
			assert.Equal(t, 200, got.status, id)
		}

		got := c.do("POST", "/tasks/task_06", "value=one+too+many")
		assert.Equal(t, 507, got.status)
		assert.Equal(t, "error: store full: at most 5 tasks\n", got.body)
		got = c.do("POST", "/tasks", "id=task_06&value=one+too+many")
		assert.Equal(t, 507, got.status, "the page's form too")
		assert.Equal(t, 404, c.do("GET", "/tasks/task_06", "").status)

		got = c.do("POST", "/tasks/task_01", "value=see+everyone")
		assert.Equal(t, 200, got.status, "a new value for a stored id")
		assertStored(t, c, map[string]string{"task_01": "see everyone",
			"task_02": "read book", "task_05": "fits"})
	})

	t.Run("at most 100 bytes", func(t *testing.T) {
		// The three tasks of newStore take 56 bytes: 44 are left.
		addr, _ := startServer(t, Config{MaxTasks: 100, MaxBytes: 100})
		c := connect(t, addr)
		got := c.do("POST", "/tasks/task_04", "value="+strings.Repeat("a", 37))
		assert.Equal(t, 200, got.status, "7+37 bytes: exactly full")

		got = c.do("POST", "/tasks/x", "value=y")
		assert.Equal(t, 507, got.status)
		assert.Equal(t, "error: store full: at most 100 bytes\n", got.body)
		got = c.do("POST", "/tasks/task_01", "value=see+someone+else")
		assert.Equal(t, 507, got.status, "a longer value for a stored id")

		got = c.do("POST", "/tasks/task_04", "value=short")
		assert.Equal(t, 200, got.status, "a shorter value always fits")
		got = c.do("POST", "/tasks/x", "value=y")
		assert.Equal(t, 200, got.status, "and makes room")
		assertStored(t, c, map[string]string{"task_01": "see someone",
			"task_04": "short", "x": "y"})
	})
}

// assertStored checks that each id of want is stored, with its value.
func assertStored(t *testing.T, c *client, want map[string]string) {
	t.Helper()
	for id, value := range want {
		got := c.do("GET", "/tasks/"+id, "")
		assert.Equal(t, fmt.Sprintf("200 %s\n", value),
			fmt.Sprintf("%d %s", got.status, got.body), id)
	}
}
