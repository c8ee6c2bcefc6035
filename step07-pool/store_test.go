package main

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The original's three tasks hold 3 ids and values of 56 bytes in all.
const originalBytes = len("task_01see someone" + "task_02read book" +
	"task_03play basketball")

func TestTheStoreIsBounded(t *testing.T) {
	for _, tt := range []struct {
		name               string
		maxTasks, maxBytes int
		lines, want        []string
	}{
		{"a new task past -max-tasks is refused", 4, 1000,
			[]string{"POST/task_04=x/status", "POST/task_05=x/status",
				"GET/task_05/status", "GET/task_04/status"},
			[]string{"submit success", "error: store full: at most 4 tasks",
				"no key match", "x"}},
		{"a new value for a task takes no place of another", 3, 1000,
			[]string{"POST/task_01=see nobody/status", "GET/task_01/status"},
			[]string{"submit success", "see nobody"}},
		{"a task past -max-bytes is refused", 10, originalBytes + 8,
			[]string{"POST/task_04=xy/status", "POST/task_04=x/status",
				"GET/task_04/status"},
			[]string{"error: store full: at most 64 bytes",
				"submit success", "x"}},
		{"a longer value counts the difference", 10, originalBytes + 2,
			[]string{"POST/task_01=see someone!!!/status",
				"POST/task_01=see someone!!/status", "GET/task_01/status"},
			[]string{"error: store full: at most 58 bytes",
				"submit success", "see someone!!"}},
		{"a POST that does not grow a full store succeeds", 3, originalBytes,
			[]string{"POST/task_03=play chess/status",
				"POST/task_03=play basketball/status", "GET/task_03/status"},
			[]string{"submit success", "submit success", "play basketball"}},
		{"a bound below the original's tasks keeps what fits", 2, 1000,
			[]string{"GET/task_02/status", "GET/task_03/status"},
			[]string{"read book", "no key match"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			todo := newStore(tt.maxTasks, tt.maxBytes)
			var got []string
			for _, line := range tt.lines {
				got = append(got, todo.reply(line))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestAFullStoreRefusesAndKeepsServing fills a server's store with
// values of 4 KB, from several clients at once, as a flood of POSTs would.
func TestAFullStoreRefusesAndKeepsServing(t *testing.T) {
	t.Parallel()
	cfg := config()
	cfg.MaxBytes = 100 << 10 // room for 25 values of 4 KB
	addr, _ := startServer(t, cfg)
	value := strings.Repeat("v", 4000)

	var mu sync.Mutex
	stored := map[string]bool{} // the ids that got submit success
	var wg sync.WaitGroup
	for c := range 4 {
		conn := dial(t, addr)
		wg.Go(func() {
			for i := range 25 {
				id := fmt.Sprintf("c%d_%02d", c, i)
				send(t, conn, "POST/"+id+"="+value+"/status\n")
				switch reply := receive(t, conn); reply {
				case "submit success":
					mu.Lock()
					stored[id] = true
					mu.Unlock()
				default:
					assert.Equal(t,
						"error: store full: at most 102400 bytes", reply)
				}
			}
		})
	}
	wg.Wait()

	assert.Len(t, stored, (cfg.MaxBytes-originalBytes)/(len("c0_00")+4000))
	conn := dial(t, addr) // the server keeps serving, and lost nothing
	for c := range 4 {
		for i := range 25 {
			id := fmt.Sprintf("c%d_%02d", c, i)
			send(t, conn, "GET/"+id+"/status\n")
			if stored[id] {
				assert.Equal(t, value, receive(t, conn), id)
			} else {
				assert.Equal(t, "no key match", receive(t, conn), id)
			}
		}
	}
	send(t, conn, "GET/task_01/status\n")
	assert.Equal(t, "see someone", receive(t, conn))
}
