package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// A result is what one run of an exercise's tests found.
type result struct {
	passed []string            // tests that passed, subtests left out
	failed []string            // tests that failed, in order
	output map[string][]string // each test's output lines
	build  []string            // compiler and vet errors, if it did not build
	race   bool                // whether the tests ran with -race
}

// done reports whether every test of ex ran and passed.
func (r *result) done(ex *exercise) bool {
	if len(r.failed) > 0 || len(r.build) > 0 {
		return false
	}
	for _, name := range ex.Tests {
		if !slices.Contains(r.passed, name) {
			return false
		}
	}
	return true
}

// raceWorks reports whether go test -race can run here: the race
// detector needs cgo, and cgo a C compiler.
func raceWorks() bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	return err == nil && strings.TrimSpace(string(out)) == "1"
}

// goIn returns the go command with args, to run in dir, a copy, within
// the copy's own workspace whatever GOWORK says outside.
func goIn(dir string, args ...string) (*exec.Cmd, error) {
	work, err := filepath.Abs(filepath.Join(dir, "go.work"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK="+work)
	return cmd, nil
}

// runTests runs the tests of ex in dir, a copy of its step, with go test
// -json, and reads what happened to each test.
func runTests(ex *exercise, dir string, race bool) (*result, error) {
	args := []string{"test", "-json", "-timeout", "3m", "-run", ex.runPattern()}
	if race {
		args = append(args, "-race")
	}
	cmd, err := goIn(dir, append(args, "./...")...)
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, err
	}

	r := &result{output: make(map[string][]string), race: race}
	var running []string // tests started and not ended: a panic kills them
	for line := range strings.Lines(string(out)) {
		var ev struct {
			Action, Test, Output string
		}
		if json.Unmarshal([]byte(line), &ev) != nil {
			continue
		}
		top := ev.Test != "" && !strings.Contains(ev.Test, "/")
		switch {
		case ev.Action == "build-output":
			r.build = append(r.build, strings.TrimRight(ev.Output, "\n"))
		case ev.Action == "output" && ev.Test != "":
			name, _, _ := strings.Cut(ev.Test, "/")
			r.output[name] = append(r.output[name],
				strings.TrimRight(ev.Output, "\n"))
		case ev.Action == "run" && top:
			running = append(running, ev.Test)
		case ev.Action == "pass" && top:
			r.passed = append(r.passed, ev.Test)
		case ev.Action == "fail" && top:
			r.failed = append(r.failed, ev.Test)
		}
		if top && (ev.Action == "pass" || ev.Action == "fail" || ev.Action == "skip") {
			running = slices.DeleteFunc(running, func(s string) bool { return s == ev.Test })
		}
	}
	// A test that never ended was running when the test binary died, of
	// a panic in some goroutine: it failed.
	r.failed = append(r.failed, running...)
	// The exercise lists its tests in the order to read their failures.
	slices.SortStableFunc(r.failed, func(a, b string) int {
		return order(ex, a) - order(ex, b)
	})
	// It failed, and no test did: it did not build, or go vet, which go
	// test runs first, found a mistake. Some of that is reported on
	// stderr, not in the JSON.
	if exit != nil && len(r.failed) == 0 {
		for line := range strings.Lines(stderr.String()) {
			line = strings.TrimRight(line, "\n")
			if line != "" && !strings.HasPrefix(line, "FAIL") {
				r.build = append(r.build, line)
			}
		}
		if len(r.build) == 0 {
			r.build = append(r.build, "go test failed, and no test did")
		}
	}
	return r, nil
}

// order is where name stands in the exercise's tests, others last.
func order(ex *exercise, name string) int {
	if i := slices.Index(ex.Tests, name); i >= 0 {
		return i
	}
	return len(ex.Tests)
}

// summary returns a few lines on what failed: the first failing test's
// own messages, not the whole output, and the names of the others.
func (r *result) summary() []string {
	const maxLines = 8
	var lines []string
	if len(r.build) > 0 {
		lines = append(lines, "It does not build:")
		for _, l := range r.build {
			if strings.HasPrefix(l, "#") {
				continue // "# gosteps/step04-todo": the package name
			}
			lines = append(lines, "    "+strings.TrimSpace(l))
		}
		return clip(lines, maxLines+1)
	}
	if len(r.failed) == 0 {
		return []string{"No test failed, but not every test of the exercise ran."}
	}
	first := r.failed[0]
	lines = append(lines, first+" fails:")
	var body []string
	label := "" // testify's: the part of its report a line continues
	for _, l := range r.output[first] {
		t := strings.TrimSpace(l)
		name, rest, labelled := strings.Cut(t, ":")
		switch {
		case labelled && testifyLabels[name]:
			label, t = name, strings.TrimSpace(rest)
		case !strings.HasPrefix(l, "        \t"):
			label = "" // a line of the test's own, or of go test
		}
		if t == "" || label == "Error Trace" || label == "Test" || label == "Diff" ||
			strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		body = append(body, "    "+t)
	}
	lines = append(lines, clip(body, maxLines)...)
	if rest := r.failed[1:]; len(rest) > 0 {
		lines = append(lines, "Also failing: "+strings.Join(rest, ", "))
	}
	return lines
}

// testifyLabels are the parts of a testify report: Error and Messages
// say what went wrong, the others where, which the learner can do without.
var testifyLabels = map[string]bool{
	"Error Trace": true, "Error": true, "Test": true, "Messages": true,
	"Diff": true,
}

// clip keeps the first n lines, and says how many it left out.
func clip(lines []string, n int) []string {
	if len(lines) <= n {
		return lines
	}
	return append(lines[:n:n], "    ...")
}
