// Command nc is a tiny netcat: it sends the lines you type to a TCP server
// and prints whatever comes back, until the server hangs up. It is here so
// that a learner needs nothing but Go, on any system.
//
//	go run ./tools/nc 127.0.0.1:9000
//	go run ./tools/nc -crlf 127.0.0.1 9000
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
)

func main() {
	crlf := flag.Bool("crlf", false, `end lines with "\r\n", as telnet does`)
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: nc [-crlf] host:port | host port")
		flag.PrintDefaults()
	}
	flag.Parse()

	var addr string
	switch flag.NArg() {
	case 1:
		addr = flag.Arg(0)
	case 2:
		addr = net.JoinHostPort(flag.Arg(0), flag.Arg(1))
	default:
		flag.Usage()
		os.Exit(2)
	}

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	if err := run(conn, os.Stdin, os.Stdout, *crlf); err != nil {
		log.Fatal(err)
	}
}

// run sends the lines of in to conn and copies what conn sends to out,
// until the server closes the connection. When in runs out, run tells the
// server (by closing its half of the connection) and still prints every
// reply that follows.
func run(conn net.Conn, in io.Reader, out io.Writer, crlf bool) error {
	defer conn.Close()
	end := "\n"
	if crlf {
		end = "\r\n"
	}
	go func() {
		lines := bufio.NewScanner(in)
		for lines.Scan() {
			if _, err := io.WriteString(conn, lines.Text()+end); err != nil {
				return // the server has gone; the copy below ends too
			}
		}
		if tc, ok := conn.(*net.TCPConn); ok {
			tc.CloseWrite() // "no more from me": the server reads EOF
		}
	}()
	_, err := io.Copy(out, conn)
	return err
}
