package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDeleteATask(t *testing.T) {
	addr, _ := startServer(t, defaults)
	c := connect(t, addr)

	got := c.do("DELETE", "/tasks/task_01", "")
	assert.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, "delete success\n", got.body)

	assert.Equal(t, http.StatusNotFound, c.do("GET", "/tasks/task_01", "").status)
	got = c.do("DELETE", "/tasks/task_01", "")
	assert.Equal(t, http.StatusNotFound, got.status)
	assert.Equal(t, "no key match\n", got.body)
	assert.Equal(t, "read book\n", c.do("GET", "/tasks/task_02", "").body,
		"only task_01 is deleted")
}

func TestTheAllowHeaderNamesDelete(t *testing.T) {
	addr, _ := startServer(t, defaults)
	got := connect(t, addr).do("PUT", "/tasks/task_01", "")
	assert.Equal(t, http.StatusMethodNotAllowed, got.status)
	assert.Contains(t, got.header.Get("Allow"), "DELETE")
}
