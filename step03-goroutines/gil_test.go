package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// CPython's threads take turns: a thread runs Python code only while it
// holds the GIL, the global interpreter lock, so CPU-bound work split
// among two threads takes as long as on one (python/bench/gil.py times
// it). Goroutines have no such lock: the runtime runs as many at once as
// there are cores (GOMAXPROCS), so the same work on two goroutines takes
// half as long, if two cores are free. BenchmarkCPUBound times it:
//
//	go test -run '^$' -bench CPUBound .

// primesBelow is the work: count the primes below it. There are 17984.
const primesBelow = 200_000

func BenchmarkCPUBound(b *testing.B) {
	for _, n := range []int{1, 2} {
		b.Run(fmt.Sprintf("goroutines=%d", n), func(b *testing.B) {
			for b.Loop() {
				countPrimes(primesBelow, n)
			}
		})
	}
}

func TestCountPrimes(t *testing.T) {
	for n := 1; n <= 3; n++ {
		assert.Equal(t, 17984, countPrimes(primesBelow, n), "%d goroutines", n)
	}
}

// countPrimes counts the primes below limit on n goroutines. The numbers
// are dealt out in blocks, round-robin, so that each goroutine gets
// small and large ones, and as much work as the others.
func countPrimes(limit, n int) int {
	const block = 1000
	var total atomic.Int64
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			count := 0
			for start := i * block; start < limit; start += n * block {
				for k := start; k < min(start+block, limit); k++ {
					if isPrime(k) {
						count++
					}
				}
			}
			total.Add(int64(count))
		})
	}
	wg.Wait()
	return int(total.Load())
}

// isPrime tests k by trial division: slow on purpose, all CPU.
func isPrime(k int) bool {
	if k < 2 {
		return false
	}
	for d := 2; d*d <= k; d++ {
		if k%d == 0 {
			return false
		}
	}
	return true
}
