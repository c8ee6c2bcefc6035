package main

// A store is the TODO list that every connection shares. lock is a
// channel with room for one token: whoever holds the token may touch
// the map.
type store struct {
	lock                      chan struct{}
	tasks                     map[string]string
	maxTasks, maxBytes, bytes int // bound.go
}

// newStore returns a store with the original's three tasks.
func newStore(maxTasks, maxBytes int) *store {
	s := &store{lock: make(chan struct{}, 1), tasks: map[string]string{},
		maxTasks: maxTasks, maxBytes: maxBytes}
	s.reply("POST/task_01=see someone/status")
	s.reply("POST/task_02=read book/status")
	s.reply("POST/task_03=play basketball/status")
	return s
}

// reply carries out one request line and returns the reply.
func (s *store) reply(line string) string {
	cmd, err := parse(line)
	if err != nil {
		return "error: " + err.Error()
	}
	s.lock <- struct{}{}        // take the token, or wait for it
	defer func() { <-s.lock }() // and give it back
	if cmd.method == "POST" {
		if err := s.admit(cmd.id, cmd.value); err != nil { // bound.go
			return "error: " + err.Error()
		}
		s.tasks[cmd.id] = cmd.value
		return "submit success"
	}
	if value, ok := s.tasks[cmd.id]; ok {
		return value
	}
	return "no key match"
}
