package main

import "fmt"

// A greenlet runs only when another switches to it, and the switch stops
// the one that made it: one runs at a time, in an order the program
// writes down. Goroutines run at once, scheduled by the runtime, but a
// send on an unbuffered channel waits for its receiver: a goroutine that
// sends "your turn" and then waits for its own turn has handed control
// over, as switch does.
//
// The channels here are the turns: test1 runs when it receives from gr1.
// That a goroutine blocked on a channel costs no thread is what gevent
// builds on greenlets: see Example_spawn.
func Example_switch() {
	gr1 := make(chan struct{})
	gr2 := make(chan struct{})
	done := make(chan struct{})

	go func() { // test1
		<-gr1
		fmt.Println(12)
		switchTo(gr2, gr1)
		fmt.Println(34)
		gr2 <- struct{}{} // and test1 is done: nobody switches back
	}()
	go func() { // test2
		<-gr2
		fmt.Println(56)
		switchTo(gr1, gr2)
		fmt.Println(78)
		close(done) // test2 returns, to main as a greenlet would
	}()

	gr1 <- struct{}{} // gr1.switch()
	<-done

	// Output:
	// 12
	// 56
	// 34
	// 78
}

// switchTo gives the turn to whoever waits on to, and waits on mine for
// it to come back: greenlet's switch.
func switchTo(to chan<- struct{}, mine <-chan struct{}) {
	to <- struct{}{}
	<-mine
}
