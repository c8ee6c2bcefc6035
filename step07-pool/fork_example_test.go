package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// Python's ForkingTCPServer forks a child process per connection: the
// child starts as a copy of the server, memory included. Go has no fork.
// A Go program runs several threads from the start (the scheduler, the
// garbage collector, the network poller), and fork copies only the thread
// that calls it: the child would wake with a runtime whose other threads
// vanished mid-work. fork(2) itself says that after a fork in a
// multithreaded program, the child may only call async-signal-safe
// functions until it calls execve. So Go forks and execs in one step:
// os/exec starts a fresh program, which shares nothing with its parent
// but what it is given (arguments, environment, pipes, and on Unix, open
// files such as a listening socket, through cmd.ExtraFiles).
//
// Here the program is this test binary again, which TestForkedChild turns
// into a child that answers TODO requests from its standard input with a
// store of its own. Its POST changes its own copy, never the parent's: as
// in a forked server, where each child's todo_list is a private copy.
func Example_forkingTCPServer() {
	todo := newStore(10000, 64<<20) // the parent's

	cmd := exec.Command(os.Args[0], "-test.run=^TestForkedChild$")
	cmd.Env = append(os.Environ(), "STEP07_FORKED_CHILD=1")
	cmd.Stdin = strings.NewReader(
		"POST/task_04=from the child/status\nGET/task_04/status\n")
	out, err := cmd.Output()
	if err != nil {
		fmt.Println(err)
		return
	}
	for line := range strings.Lines(string(out)) {
		if reply, ok := strings.CutPrefix(line, "reply: "); ok {
			fmt.Print("child:  ", reply)
		}
	}
	fmt.Println("parent:", todo.reply("GET/task_04/status"))

	// Output:
	// child:  submit success
	// child:  from the child
	// parent: no key match
}

// TestForkedChild is the child process of Example_forkingTCPServer; in
// an ordinary test run it does nothing.
func TestForkedChild(t *testing.T) {
	if os.Getenv("STEP07_FORKED_CHILD") != "1" {
		t.Skip("runs only as the child of Example_forkingTCPServer")
	}
	todo := newStore(10000, 64<<20)
	lines := bufio.NewScanner(os.Stdin)
	for lines.Scan() {
		fmt.Println("reply:", todo.reply(lines.Text()))
	}
}
