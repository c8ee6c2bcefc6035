// Command http is the plainest TODO server that net/http makes: one
// route, GET /tasks/{id}, answering the original's tasks from a map that
// nothing writes. It has no logs, no timeouts, no shutdown and no
// goroutine-local storage; it is the yardstick that step05-local and
// step06-stack are measured against (see bench/load).
//
//	go run ./bench/baseline/http -addr 127.0.0.1:5100
package main

import (
	"flag"
	"io"
	"log"
	"net"
	"net/http"
)

// tasks is read by every request and written by none, so it needs no
// lock.
var tasks = map[string]string{
	"task_01": "see someone",
	"task_02": "read book",
	"task_03": "play basketball",
}

func main() {
	addr := flag.String("addr", "127.0.0.1:5000", "address to listen on")
	flag.Parse()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /tasks/{id}", getTask)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("listening on %s", ln.Addr())
	log.Fatal(http.Serve(ln, mux))
}

// getTask answers with the value of the task in the path, as the steps'
// getTask does, or 404 with "no key match".
func getTask(w http.ResponseWriter, r *http.Request) {
	value, ok := tasks[r.PathValue("id")]
	if !ok {
		http.Error(w, "no key match", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, value+"\n") // NOTE: ignoring errors: the client left
}
