package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// A result is what one check of a copy found: its tests, run with go test
// -json, and go vet.
type result struct {
	passed  []string            // tests that passed, subtests left out
	failed  []string            // tests that failed, in the exercise's order
	output  map[string][]string // each test's output lines
	outside []string            // output of no test: goleak's, after them
	build   []string            // compiler errors, if it did not build
	vet     []string            // what go vet found
	race    bool                // whether the tests ran with -race
	dir     string              // the copy, whose code is the learner's
}

// The verdicts of a check.
const (
	done      = "done"
	notYet    = "not yet"
	noVerdict = "no verdict" // the tests pass, but only -race could say done
)

// verdict is done when the copy builds, every test of ex ran and passed,
// no goroutine was left behind, go vet is content, and the tests ran with
// -race if ex asks for it.
func (r *result) verdict(ex *exercise) string {
	if len(r.build) > 0 || len(r.failed) > 0 || len(r.leaks()) > 0 || len(r.vet) > 0 {
		return notYet
	}
	for _, name := range ex.Tests {
		if !slices.Contains(r.passed, name) {
			return notYet
		}
	}
	if ex.Race && !r.race {
		return noVerdict
	}
	return done
}

// raceProblem says why go test -race cannot run here, or "" when it can:
// the race detector needs cgo, and cgo a C compiler.
func raceProblem() string {
	out, err := exec.Command("go", "env", "CGO_ENABLED", "CC").Output()
	if err != nil {
		return "go env fails: " + err.Error()
	}
	cgo, cc, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	compiler := strings.Fields(cc)
	if len(compiler) == 0 {
		compiler = []string{"cc"}
	}
	if _, err := exec.LookPath(compiler[0]); err != nil {
		return fmt.Sprintf("there is no C compiler here (%s)", compiler[0])
	}
	if cgo != "1" {
		return "CGO_ENABLED is " + cgo + " here"
	}
	return ""
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

// runCheck checks the copy in dir: it runs the tests of ex, every time
// (-count=1), with -race if race, and then go vet if it built.
func runCheck(ex *exercise, dir string, race bool) (*result, error) {
	r, err := runTests(ex, dir, race)
	if err != nil || len(r.build) > 0 {
		return r, err
	}
	vet, err := goIn(dir, "vet", "./...")
	if err != nil {
		return nil, err
	}
	out, err := vet.CombinedOutput()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, err
	}
	if err != nil {
		for line := range strings.Lines(string(out)) {
			line = strings.TrimSpace(line)
			if line != "" && !strings.HasPrefix(line, "#") {
				r.vet = append(r.vet, strings.TrimPrefix(line, "./"))
			}
		}
	}
	return r, nil
}

// runTests runs the tests of ex in dir, a copy of its step, with go test
// -json, and reads what happened to each test.
func runTests(ex *exercise, dir string, race bool) (*result, error) {
	args := []string{"test", "-json", "-count=1", "-timeout", "3m", "-run", ex.runPattern()}
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

	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	r := &result{output: make(map[string][]string), race: race, dir: abs}
	var running []string // tests started and not ended: a panic kills them
	for line := range strings.Lines(string(out)) {
		var ev struct {
			Action, Test, Output string
		}
		if json.Unmarshal([]byte(line), &ev) != nil {
			continue
		}
		top := ev.Test != "" && !strings.Contains(ev.Test, "/")
		text := strings.TrimRight(ev.Output, "\n")
		switch {
		case ev.Action == "build-output":
			r.build = append(r.build, text)
		case ev.Action == "output" && ev.Test != "":
			name, _, _ := strings.Cut(ev.Test, "/")
			r.output[name] = append(r.output[name], text)
		case ev.Action == "output":
			r.outside = append(r.outside, text)
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
	// It failed, and no test did, and no goroutine was left behind: it
	// did not build, or go vet, which go test runs first, found a
	// mistake. Some of that is reported on stderr, not in the JSON.
	if exit != nil && len(r.failed) == 0 && len(r.leaks()) == 0 {
		for line := range strings.Lines(stderr.String()) {
			line = strings.TrimRight(line, "\n")
			if line != "" && !strings.HasPrefix(line, "FAIL") {
				r.build = append(r.build, line)
			}
		}
		if len(r.build) == 0 {
			r.build = append(r.build, "go test failed, and no test did")
			r.build = append(r.build, r.outside...)
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
