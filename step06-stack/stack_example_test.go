package main

import "fmt"

// orNil returns v, or nil when ok is false. Where werkzeug's LocalStack
// gives None for the top of an empty stack, Stack gives the zero value
// and false.
func orNil(v int, ok bool) any {
	if !ok {
		return nil
	}
	return v
}

// The original's LocalStack experiment: Top reads the top and leaves it
// there, Pop removes it.
func Example_localStack() {
	var s Stack[int]
	s.Push(1)
	fmt.Println(orNil(s.Top()))
	fmt.Println(orNil(s.Top()))
	fmt.Println(orNil(s.Pop()))
	fmt.Println(orNil(s.Top())) // empty

	s.Push(1)
	s.Push(2)
	fmt.Println(orNil(s.Top()))
	fmt.Println(orNil(s.Top()))
	fmt.Println(orNil(s.Pop()))
	fmt.Println(orNil(s.Top())) // 1 is on top again

	// Output:
	// 1
	// 1
	// 1
	// <nil>
	// 2
	// 2
	// 2
	// 1
}

// A Stack is per goroutine, as a LocalStack is per thread: a new
// goroutine starts with an empty stack, and what it pushes does not
// change the main goroutine's top. Each goroutine pops what it pushed
// before it ends, so that the Stack keeps nothing of it.
func Example_localStackThread() {
	var myStack Stack[int]
	myStack.Push(1)
	defer myStack.Pop()
	fmt.Println("in main thread after push, value is:",
		orNil(myStack.Top()))

	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println("in new thread before push, value is:",
			orNil(myStack.Top()))
		myStack.Push(2)
		defer myStack.Pop()
		fmt.Println("in new thread after push, value is:",
			orNil(myStack.Top()))
	}()
	<-done // the original sleeps for a second; this waits just enough

	fmt.Println("finally, in main thread value is:", orNil(myStack.Top()))

	// Output:
	// in main thread after push, value is: 1
	// in new thread before push, value is: <nil>
	// in new thread after push, value is: 2
	// finally, in main thread value is: 1
}
