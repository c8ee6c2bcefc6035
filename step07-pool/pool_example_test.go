package main

import (
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// applyAsync runs f on every input, at most limit at a time, and hands
// each result to callback or each error to errorCallback, as Python's
// Pool(limit).apply_async(f, (n,), callback=..., error_callback=...)
// does for each n. It returns when every call has been delivered.
//
// Like the pool's result-handler thread, one goroutine (the caller's)
// runs every callback, so the callbacks need no lock of their own.
func applyAsync(limit int, inputs []int, f func(int) (int, error),
	callback func(n, result int), errorCallback func(n int, err error)) {
	type outcome struct {
		n, result int
		err       error
	}
	outcomes := make(chan outcome)

	// A plain Group, not WithContext: in a Pool, one task that fails does
	// not cancel the others. Each task hands its error over rather than
	// returning it, because Wait would return only the first one.
	var g errgroup.Group
	g.SetLimit(limit) // Go blocks while limit tasks are running
	go func() {
		for _, n := range inputs {
			g.Go(func() error {
				result, err := f(n)
				outcomes <- outcome{n, result, err}
				return nil
			})
		}
		g.Wait()
		close(outcomes)
	}()

	for o := range outcomes {
		if o.err != nil {
			errorCallback(o.n, o.err)
		} else {
			callback(o.n, o.result)
		}
	}
}

// The original's experiment: Pool(5).apply_async(foo, (i,), callback=bar)
// for i in 0..9, where foo returns i+100 and bar prints it. "end" prints
// while the calls run; the results arrive in the order the calls finish.
func Example_applyAsync() {
	foo := func(i int) (int, error) { return i + 100, nil }
	bar := func(_, result int) { fmt.Println(result) }

	done := make(chan struct{})
	go func() {
		defer close(done)
		applyAsync(5, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, foo, bar,
			func(int, error) {}) // foo never fails
	}()
	fmt.Println("end")
	<-done // pool.close(); pool.join()

	// Unordered output:
	// end
	// 100
	// 101
	// 102
	// 103
	// 104
	// 105
	// 106
	// 107
	// 108
	// 109
}

// Pool(5).apply_async(square, (n,), callback=..., error_callback=...) for
// n in 1..6, where square fails on 3. The outcomes arrive in the order the
// tasks finish.
func Example_applyAsyncErrorCallback() {
	square := func(n int) (int, error) {
		if n == 3 {
			return 0, errors.New("three is unlucky")
		}
		return n * n, nil
	}

	applyAsync(5, []int{1, 2, 3, 4, 5, 6}, square,
		func(n, result int) { fmt.Printf("callback: %d -> %d\n", n, result) },
		func(n int, err error) { fmt.Printf("error_callback: %d: %v\n", n, err) })

	// Unordered output:
	// callback: 1 -> 1
	// callback: 2 -> 4
	// error_callback: 3: three is unlucky
	// callback: 4 -> 16
	// callback: 5 -> 25
	// callback: 6 -> 36
}

func TestApplyAsync(t *testing.T) {
	const limit, tasks = 3, 20

	t.Run("runs no more than limit at once, and the next when one ends",
		func(t *testing.T) {
			var running, most atomic.Int32
			started := make(chan int, tasks)
			release := make(chan struct{}) // closed: every task may finish
			f := func(n int) (int, error) {
				now := running.Add(1)
				defer running.Add(-1)
				for m := most.Load(); now > m; m = most.Load() {
					most.CompareAndSwap(m, now)
				}
				started <- n
				<-release
				return n, nil
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				applyAsync(limit, make([]int, tasks), f,
					func(int, int) {}, func(int, error) {})
			}()

			for range limit {
				waitFor(t, started)
			}
			select {
			case n := <-started:
				t.Fatalf("task %d started while %d were running", n, limit)
			case <-time.After(nothingFor):
			}
			close(release)
			waitFor(t, done)
			assert.Equal(t, int32(limit), most.Load())
		})

	t.Run("delivers every result and every error", func(t *testing.T) {
		inputs := make([]int, tasks)
		for i := range inputs {
			inputs[i] = i
		}
		odd := errors.New("odd")
		var results, failures []int
		applyAsync(limit, inputs,
			func(n int) (int, error) {
				if n%2 == 1 {
					return 0, fmt.Errorf("%d: %w", n, odd)
				}
				return n * 10, nil
			},
			func(n, result int) {
				assert.Equal(t, n*10, result)
				results = append(results, n) // no lock: one goroutine
			},
			func(n int, err error) {
				assert.ErrorIs(t, err, odd)
				failures = append(failures, n)
			})

		assert.ElementsMatch(t, []int{0, 2, 4, 6, 8, 10, 12, 14, 16, 18},
			results)
		assert.ElementsMatch(t, []int{1, 3, 5, 7, 9, 11, 13, 15, 17, 19},
			failures)
	})
}

// waitFor waits for one value from ch, for a generous while, and returns
// it.
func waitFor[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(arrives):
	}
	require.FailNow(t, "nothing arrived")
	return *new(T)
}
