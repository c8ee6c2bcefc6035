// Command load measures a TCP server from the outside, so that servers
// written in any language compare on equal terms. It has two modes.
//
// Round trips: -clients connections each send a request and read the
// reply, again and again, for -duration. It prints requests per second
// and, given the server's -pid, the server's CPU time per request.
//
//	go run ./bench/load -addr 127.0.0.1:9100 -clients 64 -duration 5s -pid 1234
//
// With -proto http, each connection is an HTTP/1.1 keep-alive
// connection that sends GET -path again and again, as a browser or a
// proxy in front of the server would.
//
//	go run ./bench/load -proto http -addr 127.0.0.1:5000 -clients 50 -pid 1234
//
// Idle connections: -idle N opens N connections, each doing one round
// trip first (unless -roundtrip=false, for a server that makes clients
// wait before it serves them), waits for the server's memory to settle,
// and prints how much its resident memory grew per connection.
//
//	go run ./bench/load -addr 127.0.0.1:9100 -idle 2000 -pid 1234
//
// The figures come from /proc, so the server must run on the same Linux
// machine; the address must be a loopback one.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// A protocol is the request that the clients repeat, and how to read
// one reply to it.
type protocol struct {
	request string
	reply   func(*bufio.Reader) error
}

// lineProtocols are the TCP protocols, whose every reply is one line.
var lineProtocols = map[string]protocol{
	"echo": {"hello\n", readLine},
	"todo": {"GET/task_01/status\n", readLine},
}

// protocolFor returns the protocol called name. For "http", it is
// httpGet(host, path).
func protocolFor(name, host, path string) (protocol, error) {
	if name == "http" {
		if !validPath(path) {
			return protocol{}, fmt.Errorf("-path %q: want up to 1024 "+
				"bytes, starting with /, without spaces or control "+
				"characters", path)
		}
		return httpGet(host, path), nil
	}
	p, ok := lineProtocols[name]
	if !ok {
		return protocol{}, fmt.Errorf("-proto %q: want echo, todo or http",
			name)
	}
	return p, nil
}

// httpGet returns the protocol of HTTP/1.1 keep-alive clients that GET
// path from host again and again.
func httpGet(host, path string) protocol {
	return protocol{
		"GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n",
		readResponse,
	}
}

// Limits, so that a typo cannot exhaust the machine.
const (
	maxClients  = 10000
	maxIdle     = 10000
	maxDuration = 5 * time.Minute
	replyWait   = 5 * time.Second // a slower reply is an error
	maxBody     = 1 << 20         // a larger HTTP body is an error
)

// How to tell that memory has settled: it has not grown for settleFor,
// polled every pollEvery, or maxSettle has passed.
const (
	pollEvery = 100 * time.Millisecond
	settleFor = time.Second
	maxSettle = 30 * time.Second
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "server address (loopback)")
	proto := flag.String("proto", "echo", "protocol: echo, todo or http")
	path := flag.String("path", "/tasks/task_01", "with -proto http: what to GET")
	clients := flag.Int("clients", 1, "concurrent connections doing round trips")
	duration := flag.Duration("duration", 5*time.Second, "how long to run")
	pid := flag.Int("pid", 0, "server process id, to read its CPU and memory")
	idle := flag.Int("idle", 0, "open this many idle connections (needs -pid)")
	roundtrip := flag.Bool("roundtrip", true, "with -idle: one round trip first")
	flag.Parse()

	switch {
	case *clients < 1 || *clients > maxClients:
		log.Fatalf("-clients %d: want 1 to %d", *clients, maxClients)
	case *duration <= 0 || *duration > maxDuration:
		log.Fatalf("-duration %v: want up to %v", *duration, maxDuration)
	case *idle < 0 || *idle > maxIdle:
		log.Fatalf("-idle %d: want 0 to %d", *idle, maxIdle)
	case *idle > 0 && *pid <= 0:
		log.Fatal("-idle needs the server's -pid")
	}
	target, err := loopback(*addr)
	if err != nil {
		log.Fatal(err)
	}
	p, err := protocolFor(*proto, target, *path)
	if err != nil {
		log.Fatal(err)
	}

	if *idle > 0 {
		before, after, err := idleCost(target, p, *idle, *roundtrip, *pid)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%d idle connections: RSS %.1f MiB -> %.1f MiB, "+
			"%d bytes/connection\n", *idle, mib(before), mib(after),
			(after-before)/int64(*idle))
		return
	}

	r, err := measure(target, p, *clients, *duration, *pid)
	if err != nil {
		log.Fatal(err)
	}
	what := *proto
	if *proto == "http" {
		what = "http GET " + *path
	}
	fmt.Printf("%s %d clients x %v: %d requests, %.0f requests/s",
		what, *clients, *duration, r.requests,
		float64(r.requests)/r.elapsed.Seconds())
	if *pid > 0 && r.requests > 0 {
		perReq := r.cpu.Seconds() / float64(r.requests) * 1e6
		fmt.Printf(", %.1f us CPU/request", perReq)
	}
	fmt.Println()
}

// loopback resolves addr and refuses anything but a loopback address: this
// tool is for measuring a server on this machine, never someone else's.
func loopback(addr string) (string, error) {
	a, err := net.ResolveTCPAddr("tcp", addr)
	if err != nil {
		return "", err
	}
	if !a.IP.IsLoopback() {
		return "", fmt.Errorf("%s is not a loopback address", addr)
	}
	return a.String(), nil
}

// result is what a run of round trips measured.
type result struct {
	requests int64
	elapsed  time.Duration
	cpu      time.Duration // the server's; zero without a pid
}

// measure connects n clients to addr, has each repeat p's request for d,
// and counts the round trips. With pid > 0 it also reads the CPU time
// that process used meanwhile.
func measure(addr string, p protocol, n int, d time.Duration, pid int) (
	result, error,
) {
	clients, err := connect(addr, n)
	defer closeAll(clients)
	if err != nil {
		return result{}, err
	}

	var r result
	cpu0, err := cpuTime(pid)
	if err != nil {
		return r, err
	}
	start := time.Now()
	end := start.Add(d)
	counts := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i, c := range clients {
		c.conn.SetDeadline(end.Add(replyWait)) // once, not per request
		wg.Go(func() {
			for time.Now().Before(end) {
				if errs[i] = c.roundTrip(p); errs[i] != nil {
					return
				}
				counts[i]++
			}
		})
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	cpu1, err := cpuTime(pid)
	if err != nil {
		return r, err
	}
	r.cpu = cpu1 - cpu0
	for _, c := range counts {
		r.requests += c
	}
	return r, errors.Join(errs...)
}

// idleCost opens n connections to addr (each doing one round trip of p
// first, if roundtrip), and returns the resident memory of process pid
// before, and after it has settled.
func idleCost(addr string, p protocol, n int, roundtrip bool, pid int) (
	before, after int64, err error,
) {
	if before, err = rss(pid); err != nil {
		return 0, 0, err
	}
	clients, err := connect(addr, n)
	defer closeAll(clients)
	if err != nil {
		return 0, 0, err
	}
	if roundtrip {
		for _, c := range clients {
			c.conn.SetDeadline(time.Now().Add(replyWait))
			if err := c.roundTrip(p); err != nil {
				return 0, 0, err
			}
		}
	}
	after, err = settledRSS(pid)
	return before, after, err
}

// client is one connection to the server.
type client struct {
	conn net.Conn
	r    *bufio.Reader
}

// connect opens n connections to addr, one after the other. On an error it
// returns those it opened, for the caller to close.
func connect(addr string, n int) ([]*client, error) {
	var clients []*client
	for range n {
		conn, err := net.DialTimeout("tcp", addr, replyWait)
		if err != nil {
			return clients, err
		}
		clients = append(clients, &client{conn, bufio.NewReader(conn)})
	}
	return clients, nil
}

func closeAll(clients []*client) {
	for _, c := range clients {
		c.conn.Close()
	}
}

// roundTrip sends p's request and reads one reply.
func (c *client) roundTrip(p protocol) error {
	if _, err := io.WriteString(c.conn, p.request); err != nil {
		return err
	}
	return p.reply(c.r)
}

// readLine reads one reply line, of at most the reader's buffer size.
func readLine(r *bufio.Reader) error {
	_, err := r.ReadSlice('\n')
	return err
}

// readResponse reads one HTTP response, body included, so that the next
// one can follow on the same connection. Anything but 200 OK is an
// error, and so is a server that closes the connection after it: a
// measurement of keep-alive clients must not quietly reconnect.
func readResponse(r *bufio.Reader) error {
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		return err
	}
	n, err := io.Copy(io.Discard, io.LimitReader(resp.Body, maxBody+1))
	resp.Body.Close()
	switch {
	case err != nil:
		return err
	case n > maxBody:
		return fmt.Errorf("response body over %d bytes", maxBody)
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("server answered %s", resp.Status)
	case resp.Close:
		return errors.New("server closes the connection after each response")
	}
	return nil
}

// validPath reports whether path can stand in a request line as it is.
func validPath(path string) bool {
	if !strings.HasPrefix(path, "/") || len(path) > 1024 {
		return false
	}
	for _, b := range []byte(path) {
		if b <= ' ' || b == 0x7f {
			return false
		}
	}
	return true
}

// settledRSS polls the resident memory of pid until it has stopped
// growing, and returns the largest value seen.
func settledRSS(pid int) (int64, error) {
	top, err := rss(pid)
	if err != nil {
		return 0, err
	}
	grew, giveUp := time.Now(), time.Now().Add(maxSettle)
	for time.Since(grew) < settleFor && time.Now().Before(giveUp) {
		time.Sleep(pollEvery) // /proc has nothing to wait on
		v, err := rss(pid)
		if err != nil {
			return 0, err
		}
		if v > top {
			top, grew = v, time.Now()
		}
	}
	if time.Since(grew) < settleFor {
		log.Printf("RSS still growing after %v", maxSettle)
	}
	return top, nil
}

// rss returns the resident memory of pid in bytes, from the VmRSS line of
// /proc/<pid>/status.
func rss(pid int) (int64, error) {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(status)) {
		if kb, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb = strings.TrimSuffix(strings.TrimSpace(kb), " kB")
			n, err := strconv.ParseInt(kb, 10, 64)
			return n * 1024, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for process %d", pid)
}

// cpuTime returns the CPU time pid has used, user and system, from
// /proc/<pid>/stat; zero for pid 0.
func cpuTime(pid int) (time.Duration, error) {
	if pid == 0 {
		return 0, nil
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, err
	}
	return parseCPU(string(stat))
}

// parseCPU reads utime and stime, fields 14 and 15 of a /proc/<pid>/stat
// line. They count clock ticks of 1/100 s (Linux's USER_HZ). The second
// field, the command name in parentheses, may itself hold spaces and
// parentheses, so the fields are counted from its closing one.
func parseCPU(stat string) (time.Duration, error) {
	i := strings.LastIndexByte(stat, ')')
	fields := strings.Fields(stat[i+1:]) // fields[0] is field 3, the state
	if i < 0 || len(fields) < 13 {
		return 0, fmt.Errorf("not a /proc stat line: %.40q", stat)
	}
	var ticks int64
	for _, f := range fields[11:13] {
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

func mib(bytes int64) float64 { return float64(bytes) / (1 << 20) }
