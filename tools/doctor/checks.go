package main

import (
	"context"
	"errors"
	"fmt"
	"go/version"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"
)

// A status says how one check went: ok, fail (the core path will not work
// as written until it is fixed), or note (an optional extra is missing).
type status string

const (
	ok   status = "ok"
	fail status = "FAIL"
	note status = "note"
)

// A result is one line of the report.
type result struct {
	status status
	name   string
	text   string
}

// A report writes one line per result as soon as its check has run, so
// that the screen shows progress, and then a verdict.
type report struct {
	w     io.Writer
	ready bool // no result so far failed
}

func newReport(w io.Writer) *report {
	return &report{w: w, ready: true}
}

// add writes the results' lines.
func (r *report) add(results ...result) {
	for _, res := range results {
		fmt.Fprintf(r.w, "%-4s  %-9s  %s\n", res.status, res.name, res.text)
		if res.status == fail {
			r.ready = false
		}
	}
}

// end writes the verdict, and says whether the machine is ready.
func (r *report) end() bool {
	if r.ready {
		fmt.Fprintln(r.w, "ready for the core path")
	} else {
		fmt.Fprintln(r.w, "not ready: fix the FAIL lines, then run go run ./tools/doctor again")
	}
	return r.ready
}

// checkGo checks the version of the Go toolchain that built the doctor,
// which is the one that will build the steps.
func checkGo(v string) result {
	switch {
	case !version.IsValid(v):
		return result{note, "go", v + ": a development version; the steps are written for go1.26"}
	case version.Compare(v, "go1.26") < 0:
		return result{fail, "go", v + ": the steps need go1.26 or newer: https://go.dev/dl/"}
	}
	return result{ok, "go", v}
}

// checkModules checks, without the network, that the module cache holds
// every module that the packages of the workspace around dir, and their
// tests, import: what go build, go vet and go test need there. It does
// not ask for every module that a go.sum names: those include versions
// of modules that no build of this workspace uses.
func checkModules(dir string, env []string) result {
	work, err := goOutput(dir, env, "env", "GOWORK")
	if err != nil {
		return result{fail, "modules", err.Error()}
	}
	if work == "" || work == "off" {
		return result{fail, "modules", "no go.work here: run the doctor from the root of the repository"}
	}

	// GOPROXY=off lets go list use the cache and nothing else. With -e it
	// lists every package, and a package it could not load says why.
	out, runErr := runGo(dir, append(env, "GOPROXY=off"), "list", "-e", "-deps", "-test",
		"-f", listFormat, "work")
	if runErr != nil {
		return result{fail, "modules", "go list: " + firstLine(runErr)}
	}
	var needed, missing, problems []string
	for line := range strings.Lines(string(out)) {
		kind, text, _ := strings.Cut(strings.TrimSpace(line), " ")
		pkg, msg, _ := strings.Cut(text, " ")
		switch {
		case kind == "module" && !slices.Contains(needed, text):
			needed = append(needed, text)
		case kind == "error" && strings.Contains(msg, "GOPROXY=off"):
			missing = append(missing, pkg) // go wanted to download it
		case kind == "error":
			problems = append(problems, text)
		}
	}
	switch {
	case len(missing) > 0:
		names := strings.Join(missing, ", ")
		if len(missing) > 3 {
			names = strings.Join(missing[:3], ", ") + ", ..."
		}
		return result{fail, "modules", fmt.Sprintf(
			"%d packages that the steps and tools import are not in the module cache (%s): "+
				"while online, run go mod download at the root of the repository",
			len(missing), names)}
	case len(problems) > 0:
		return result{fail, "modules", "go list: " + problems[0]}
	}
	return result{ok, "modules", fmt.Sprintf(
		"all %d modules that the steps and tools need are in the module cache: "+
			"they build and test offline", len(needed))}
}

// listFormat makes go list print a line for each package: the module
// that provides it (unless it is the standard library or one of the
// workspace's own), or why it could not be loaded.
const listFormat = `{{with .Module}}{{if not .Main}}module {{.Path}}@{{.Version}}
{{end}}{{end}}{{with .Error}}error {{$.ImportPath}} {{.Err}}
{{end}}`

// checkRace checks what go test -race needs besides Go: cgo, and the C
// compiler that cgo calls.
func checkRace(env []string) result {
	out, err := goOutput("", env, "env", "CGO_ENABLED", "CC")
	if err != nil {
		return result{fail, "race", err.Error()}
	}
	cgo, cc, _ := strings.Cut(out, "\n")
	compiler := strings.Fields(cc)
	if len(compiler) == 0 {
		compiler = []string{"cc"}
	}
	path, err := exec.LookPath(compiler[0])
	switch {
	case err != nil:
		// Without a C compiler, go turns cgo off by default, and
		// go test -race stops with "-race requires cgo".
		return result{fail, "race", fmt.Sprintf("no C compiler (%s), so go test -race cannot run: "+
			"install one (Debian: sudo apt-get install gcc; macOS: xcode-select --install); "+
			"everything else works without it", compiler[0])}
	case cgo != "1":
		return result{fail, "race", "go test -race needs cgo, and CGO_ENABLED is " + cgo +
			": unset it (a C compiler is here: " + path + ")"}
	}
	return result{ok, "race", "go test -race works: cgo is on, C compiler " + path}
}

// users says which programs listen on the default ports.
var users = map[int]string{
	9000: "step01-04 and step07",
	5000: "step05 and step06",
}

// checkPort checks that a step could listen on 127.0.0.1:port, and if not,
// names a free port to pass instead.
func checkPort(port int) result {
	name := "port " + strconv.Itoa(port)
	who := users[port]
	if who == "" {
		who = "the steps"
	}
	if free(port) {
		return result{ok, name, "free (" + who + ")"}
	}
	text := "taken by another program"
	for alt := port + 1; alt < port+100 && alt <= 65535; alt++ {
		if free(alt) {
			text += fmt.Sprintf(": pass -addr 127.0.0.1:%d (free now) to %s", alt, who)
			break
		}
	}
	return result{fail, name, text}
}

// free reports whether a server could listen on 127.0.0.1:port and be
// the only one answering on it. Both parts matter: on macOS, AirPlay
// listens on port 5000 of every address, so a listen on 127.0.0.1 may
// succeed while a browser asking for localhost reaches AirPlay.
func free(port int) bool {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)))
	if err != nil {
		return false
	}
	ln.Close()
	for _, host := range []string{"127.0.0.1", "::1"} {
		addr := net.JoinHostPort(host, strconv.Itoa(port))
		if conn, err := net.DialTimeout("tcp", addr, 300*time.Millisecond); err == nil {
			conn.Close()
			return false
		}
	}
	return true
}

// browsers are the names and places of Chromium-family browsers, which
// the browser tests of step05 and step06 drive.
var browsers = []string{
	"chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
	"chrome", "headless-shell", "msedge", "microsoft-edge", "brave-browser",
	"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
	"/Applications/Chromium.app/Contents/MacOS/Chromium",
}

// checkTools looks for the optional programs the READMEs mention, and
// names what to use without them.
func checkTools() []result {
	var results []result
	if path, err := exec.LookPath("nc"); err == nil {
		results = append(results, result{ok, "nc", path +
			": use nc -N, or Ctrl-D does not end the input of OpenBSD netcat; go run ./tools/nc works everywhere"})
	} else {
		results = append(results, result{note, "nc", "not found (optional): use go run ./tools/nc 127.0.0.1:9000"})
	}
	if path, err := exec.LookPath("curl"); err == nil {
		results = append(results, result{ok, "curl", path})
	} else {
		results = append(results, result{note, "curl",
			"not found (optional): steps 05 and 06 also work from a browser; curl is in every package manager"})
	}
	for _, name := range browsers {
		if path, err := exec.LookPath(name); err == nil {
			return append(results, result{ok, "browser", path})
		}
	}
	return append(results, result{note, "browser", "no Chrome or Chromium (optional): " +
		"steps 05 and 06 work in any browser, and their browser tests skip (Debian: sudo apt-get install chromium)"})
}

// runGo runs a go command in dir with env added to this process's
// environment, and returns its output. It is bounded in time: a check
// never hangs.
func runGo(dir string, env []string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	return cmd.Output()
}

// goOutput runs a go command and returns its output without the final
// newline, or an error that says what went wrong.
func goOutput(dir string, env []string, args ...string) (string, error) {
	out, err := runGo(dir, env, args...)
	if err != nil {
		return "", fmt.Errorf("go %s: %s", strings.Join(args, " "), firstLine(err))
	}
	return strings.TrimSuffix(string(out), "\n"), nil
}

// firstLine is the first line of what a failed command said, or of err.
func firstLine(err error) string {
	msg := err.Error()
	var exit *exec.ExitError
	if errors.As(err, &exit) && len(exit.Stderr) > 0 {
		msg = string(exit.Stderr)
	}
	line, _, _ := strings.Cut(strings.TrimSpace(msg), "\n")
	return line
}
