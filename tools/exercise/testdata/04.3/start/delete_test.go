package main

import (
	"testing"

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
	assert.Equal(t, "error: store full: at most 3 tasks",
		todo.reply("POST/task_04=x/status"))
	assert.Equal(t, "delete success", todo.reply("DELETE/task_01/status"))
	assert.Equal(t, "submit success", todo.reply("POST/task_04=x/status"))
	assert.Equal(t, "submit success",
		todo.reply("POST/task_04=xxxxxxxxxxx/status"),
		"task_01 gave back its 18 bytes: task_04 may take them")
}
