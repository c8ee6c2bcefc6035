package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDelete(t *testing.T) {
	cmd, err := parse("DELETE/task_01/status")
	require.NoError(t, err)
	assert.Equal(t, command{method: "DELETE", id: "task_01"}, cmd)
	assert.Equal(t, "DELETE/task_01/status", format(cmd))

	_, err = parse("DELETE//status")
	assert.EqualError(t, err, "empty id, expected DELETE/<id>/status")
	_, err = parse("PUT/task_01/status")
	assert.ErrorContains(t, err, "DELETE")
}

func TestDelete(t *testing.T) {
	todo := newStore(10000, 64<<20)
	assert.Equal(t, "delete success", todo.reply("DELETE/task_01/status"))
	assert.Equal(t, "no key match", todo.reply("GET/task_01/status"))
	assert.Equal(t, "no key match", todo.reply("DELETE/task_01/status"))
	assert.Equal(t, "read book", todo.reply("GET/task_02/status"),
		"only task_01 is deleted")
}

func TestDeleteFreesItsRoom(t *testing.T) {
	full := len("task_01see someone" + "task_02read book" +
		"task_03play basketball")
	todo := newStore(3, full) // no room for one more task, or byte
	require.Equal(t, "error: store full: at most 3 tasks",
		todo.reply("POST/task_04=x/status"))
	require.Equal(t, "delete success", todo.reply("DELETE/task_01/status"))

	// task_01 gave back its 18 bytes: task_04 may take them, and no more.
	for _, tt := range []struct{ line, want string }{
		{"POST/task_04=x/status", "submit success"},
		{"POST/task_04=xxxxxxxxxxx/status", "submit success"},
		{"POST/task_04=xxxxxxxxxxxx/status",
			fmt.Sprintf("error: store full: at most %d bytes", full)},
	} {
		if got := todo.reply(tt.line); got != tt.want {
			t.Fatalf("after DELETE/task_01/status freed its 18 bytes, "+
				"%s got %q; want %q", tt.line, got, tt.want)
		}
	}
}

// TestDeletesFromManyClientsAtOnce sends DELETE/x/status from several
// clients at once, while another client posts, ten times over: each time,
// exactly one DELETE finds the task. Meanwhile the test holds the store's
// lock, as a slow request would, until the clients have waited for it over
// a millisecond; Go's mutex then hands itself to its waiters in turn
// (sync.Mutex's starvation mode). So a DELETE that takes the lock twice,
// once to look the task up and once to delete it, lets the others look it
// up in between.
func TestDeletesFromManyClientsAtOnce(t *testing.T) {
	const clients = 4
	todo := newStore(10000, 64<<20)
	for round := range 10 {
		todo.reply("POST/x=v/status")
		var deleted atomic.Int32
		var started, wg sync.WaitGroup
		todo.mu.Lock()
		for range clients {
			started.Add(1)
			wg.Go(func() {
				started.Done()
				if todo.reply("DELETE/x/status") == "delete success" {
					deleted.Add(1)
				}
			})
		}
		wg.Go(func() { todo.reply(fmt.Sprintf("POST/y%d=v/status", round)) })
		started.Wait()
		time.Sleep(2 * time.Millisecond) // the clients wait for the lock,
		todo.mu.Unlock()                 // one of them is woken,
		todo.mu.Lock()                   // finds it taken again,
		time.Sleep(2 * time.Millisecond) // and has waited too long:
		todo.mu.Unlock()                 // from now on, each in turn
		wg.Wait()

		if n := deleted.Load(); n != 1 {
			t.Fatalf("%d clients sent DELETE/x/status at once, and %d got "+
				"delete success: exactly one should", clients, n)
		}
	}
	assert.Equal(t, "v", todo.reply("GET/y9/status"))
	assert.Equal(t, "read book", todo.reply("GET/task_02/status"))
}
