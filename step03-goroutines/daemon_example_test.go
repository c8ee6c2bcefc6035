package main

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"
)

// At exit, Python waits for every thread that is not a daemon, and stops
// the daemon threads where they are. Go keeps no such list: when main
// returns, the program exits, and every goroutine stops wherever it is.
// Every goroutine is a daemon. A main that must wait for its goroutines
// says so, with a sync.WaitGroup: Wait is join. (Serve does the same
// for its handlers: see server.go.)
//
// To see a program end, the example runs one, twice: this test binary
// again, which TestDaemonChild turns into the original's program. With
// daemon=false its main waits for the goroutines, with daemon=true it
// does not.
func Example_daemon() {
	for _, daemon := range []bool{false, true} {
		fmt.Printf("daemon=%t:\n", daemon)
		cmd := exec.Command(os.Args[0], "-test.run=^TestDaemonChild$")
		cmd.Env = append(os.Environ(),
			"STEP03_DAEMON_CHILD="+strconv.FormatBool(daemon),
			// Built with -race, a program waits a second before it
			// exits, to catch races at exit; this one must not.
			"GORACE="+os.Getenv("GORACE")+" atexit_sleep_ms=0")
		out, err := cmd.Output()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Print(string(out))
	}

	// Unordered output:
	// daemon=false:
	// main thread stop
	// thread0
	// thread1
	// thread2
	// thread3
	// thread4
	// thread5
	// thread6
	// thread7
	// thread8
	// thread9
	// daemon=true:
	// main thread stop
}

// TestDaemonChild is the program that Example_daemon runs; in an ordinary
// test run it does nothing.
func TestDaemonChild(t *testing.T) {
	daemon, err := strconv.ParseBool(os.Getenv("STEP03_DAEMON_CHILD"))
	if err != nil {
		t.Skip("runs only as the child of Example_daemon")
	}
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			time.Sleep(time.Second) // the work, still going on when main ends
			fmt.Println("thread" + strconv.Itoa(i))
		})
	}
	fmt.Println("main thread stop")
	if !daemon {
		wg.Wait() // join
	}
	os.Exit(0) // what the runtime does when main returns
}
