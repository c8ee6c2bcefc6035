package main

import "fmt"

// The original's Local experiment: the main goroutine sets b to 1, a new
// goroutine sets b to 2, and each reads back its own. Each one releases
// what it stored before it ends: Local keys its values by goroutine, and
// a goroutine's values that nobody releases stay for good.
func Example_local() {
	var myObj Local
	myObj.Set("b", 1)
	defer myObj.Release()

	done := make(chan struct{})
	go func() { // threading.Thread(target=worker).start()
		defer close(done)
		defer myObj.Release()
		myObj.Set("b", 2)
		b, _ := myObj.Get("b")
		fmt.Println("in sub thread b is:" + fmt.Sprint(b))
	}()
	<-done // the original sleeps for a second; this waits just enough

	b, _ := myObj.Get("b")
	fmt.Printf("my_obj.b is : %v\n", b)

	// Output:
	// in sub thread b is:2
	// my_obj.b is : 1
}
