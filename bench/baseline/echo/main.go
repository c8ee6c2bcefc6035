// Command echo is the plainest echo server Go has: a goroutine per
// connection, each running io.Copy(conn, conn). It has no logs, no
// shutdown and no limits; it is the yardstick that step03-goroutines is
// measured against (see bench/load).
//
//	go run ./bench/baseline/echo -addr 127.0.0.1:9100
package main

import (
	"flag"
	"io"
	"log"
	"net"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:9000", "address to listen on")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	for {
		c, err := ln.Accept()
		if err != nil {
			log.Fatal(err)
		}
		go func() { io.Copy(c, c); c.Close() }()
	}
}
