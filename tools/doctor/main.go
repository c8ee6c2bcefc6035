// Command doctor checks that this machine is ready for the workshop, and
// says in one line per check what to do about anything that is not. Run it
// from the root of the repository, once while online and again on the day:
//
//	go run ./tools/doctor
//	go run ./tools/doctor -ports 9001,5001
//
// It exits with status 0 when the core path will work as the READMEs say,
// and 1 otherwise. Lines marked "note" are optional extras. It never
// touches the network: it only looks at this machine. Each line is
// printed as soon as its check has run, all within a few seconds; but on
// a machine that has never built Go code, the first go run spends up to
// a minute or two compiling the doctor and the standard library under
// it, and prints nothing meanwhile.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run checks the machine, writes the report to stdout, and returns the
// exit status: 0 ready, 1 not ready, 2 bad arguments.
func run(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("doctor", flag.ContinueOnError)
	flags.SetOutput(stderr)
	ports := flags.String("ports", "9000,5000",
		"comma-separated ports the steps will listen on (127.0.0.1)")
	if err := flags.Parse(args); err != nil {
		return 2
	}
	var list []int
	for _, s := range strings.Split(*ports, ",") {
		p, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || p < 1 || p > 65535 {
			fmt.Fprintf(stderr, "doctor: bad port %q in -ports\n", s)
			return 2
		}
		list = append(list, p)
	}

	r := newReport(stdout)
	r.add(checkGo(runtime.Version()))
	r.add(checkModules(".", nil))
	r.add(checkRace(nil))
	for _, p := range list {
		r.add(checkPort(p))
	}
	r.add(checkTools()...)
	if !r.end() {
		return 1
	}
	return 0
}
