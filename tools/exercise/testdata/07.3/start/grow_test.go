package main

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestThePoolGrowsWhileItServes(t *testing.T) {
	cfg := config()
	cfg.Workers = 1
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	grow := make(chan int, 1)
	done := make(chan error, 1)
	go func() { done <- ServeGrowing(ctx, ln, cfg, grow) }()
	addr := ln.Addr().String()

	first := dial(t, addr)
	send(t, first, "GET/task_01/status\n")
	assert.Equal(t, "see someone", receive(t, first))
	second := dial(t, addr)
	send(t, second, "GET/task_02/status\n")
	nothingArrives(t, second) // the one worker serves first

	grow <- 2
	assert.Equal(t, "read book", receive(t, second))
	third := dial(t, addr)
	send(t, third, "GET/task_03/status\n")
	assert.Equal(t, "play basketball", receive(t, third))

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(arrives):
		t.Fatal("ServeGrowing did not return after cancel")
	}
}
