package main

import (
	"bufio"
	"strings"
	"testing"
	"time"
)

// The benchmarks time round trips over loopback: a client sends a request,
// or a batch of them, and reads the replies before it sends more.

func BenchmarkGet(b *testing.B) {
	benchmarkRoundTrips(b, "GET/task_01/status\n", 1)
}

func BenchmarkPost(b *testing.B) {
	benchmarkRoundTrips(b, "POST/task_04=go shopping/status\n", 1)
}

func BenchmarkGetPipelined(b *testing.B) {
	benchmarkRoundTrips(b, "GET/task_01/status\n", 64)
}

// benchmarkRoundTrips sends batch copies of request in each write, reads
// the replies, and reports the time per request.
func benchmarkRoundTrips(b *testing.B, request string, batch int) {
	addr, _ := startServer(b, config())
	conn := dial(b, addr)
	r := bufio.NewReader(conn)
	requests := []byte(strings.Repeat(request, batch))
	for b.Loop() {
		if _, err := conn.Write(requests); err != nil {
			b.Fatal(err)
		}
		for range batch {
			if _, err := r.ReadSlice('\n'); err != nil {
				b.Fatal(err)
			}
		}
	}
	perRequest := b.Elapsed() / time.Duration(b.N*batch)
	b.ReportMetric(float64(perRequest.Nanoseconds()), "ns/request")
}
