package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDelete(t *testing.T) {
	req, err := parse("DELETE/task_01/status")
	require.NoError(t, err)
	assert.Equal(t, request{method: "DELETE", id: "task_01"}, req)
	assert.Equal(t, "DELETE/task_01/status", req.String())

	_, err = parse("DELETE//status")
	assert.EqualError(t, err, "empty id, expected DELETE/<id>/status")
	_, err = parse("PUT/task_01/status")
	assert.ErrorContains(t, err, "DELETE")
}

func TestDelete(t *testing.T) {
	todo := newStore()
	assert.Equal(t, "delete success", todo.reply("DELETE/task_01/status"))
	assert.Equal(t, "no key match", todo.reply("GET/task_01/status"))
	assert.Equal(t, "no key match", todo.reply("DELETE/task_01/status"))
	assert.Equal(t, "read book", todo.reply("GET/task_02/status"),
		"only task_01 is deleted")
}
