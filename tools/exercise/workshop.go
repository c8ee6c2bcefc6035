package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// A workshop is the exercises, the steps they start from, and the
// learner's copies.
type workshop struct {
	root      string // the repository, with the steps
	copies    string // the learner's copies, one folder per exercise
	exercises []*exercise
	out       io.Writer
}

// What a copy remembers besides its code: the last check's verdict, and
// how many hints the learner has seen. The go tool ignores files whose
// names start with a dot.
const (
	statusFile = ".exercise-status"
	hintsFile  = ".exercise-hints"
)

func (w *workshop) find(id string) *exercise {
	for _, ex := range w.exercises {
		if ex.ID == id {
			return ex
		}
	}
	return nil
}

// dir is the learner's copy of ex.
func (w *workshop) dir(ex *exercise) string {
	return filepath.Join(w.copies, ex.ID)
}

// show is how to name the copy to the learner: relative to where they
// are, if that is shorter.
func (w *workshop) show(ex *exercise) string {
	dir := w.dir(ex)
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return dir
}

func (w *workshop) started(ex *exercise) bool {
	_, err := os.Stat(filepath.Join(w.dir(ex), "go.mod"))
	return err == nil
}

func (w *workshop) status(ex *exercise) string {
	if !w.started(ex) {
		return "not started"
	}
	data, _ := os.ReadFile(filepath.Join(w.dir(ex), statusFile))
	if v := string(data); v == done || v == noVerdict {
		return v
	}
	return notYet
}

func (w *workshop) list() int {
	for _, ex := range w.exercises {
		fmt.Fprintf(w.out, "%s  %-11s  %s\n", ex.ID, w.status(ex), ex.Title)
	}
	return 0
}

func (w *workshop) start(ex *exercise) int {
	if w.started(ex) {
		fmt.Fprintf(w.out, "%s is started already, in %s. To start over:\n"+
			"    go run ./tools/exercise reset %s\n", ex.ID, w.show(ex), ex.ID)
		return 1
	}
	if err := w.writeStart(ex); err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	edit, tests, err := ex.toEdit()
	if err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	dir := w.show(ex)
	fmt.Fprintf(w.out, "%s %s: your copy of %s is in %s.\n", ex.ID, ex.Title, ex.Step, dir)
	if len(tests) > 0 {
		fmt.Fprintf(w.out, "The tests to make pass are in %s.\n", strings.Join(tests, ", "))
	}
	fmt.Fprintf(w.out, "Edit %s there, then check your work from here:\n"+
		"    go run ./tools/exercise check %s\n"+
		"Inside %s, go run . runs the server, and this the exercise's tests:\n"+
		"    go test -run '%s' .\n"+
		"(go test ./... runs every test; the README's own tests may fail while\n"+
		"your code differs from the step's.)\n",
		strings.Join(edit, " and "), ex.ID, dir, ex.runPattern())
	return 0
}

// writeStart writes the starting code into the learner's copy, which
// must not exist.
func (w *workshop) writeStart(ex *exercise) error {
	start, err := ex.startTree(w.root)
	if err != nil {
		return err
	}
	return start.write(w.dir(ex))
}

func (w *workshop) check(ex *exercise) int {
	if !w.started(ex) {
		fmt.Fprintf(w.out, "%s is not started. Start it with:\n"+
			"    go run ./tools/exercise start %s\n", ex.ID, ex.ID)
		return 1
	}
	// Without -race, tests of goroutines that share memory can pass by
	// luck: they can still say "not yet", but never "done".
	noRace := ""
	if ex.Race {
		noRace = raceProblem()
	}
	r, err := runCheck(ex, w.dir(ex), ex.Race && noRace == "")
	if err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	verdict := r.verdict(ex)
	os.WriteFile(filepath.Join(w.dir(ex), statusFile), []byte(verdict), 0o644)

	switch verdict {
	case done:
		with := ""
		if r.race {
			with = ", with -race"
		}
		fmt.Fprintf(w.out, "%s %s: done. %s pass%s, and go vet finds nothing.\n"+
			"Compare with the reference: go run ./tools/exercise solution %s\n",
			ex.ID, ex.Title, strings.Join(ex.Tests, ", "), with, ex.ID)
		return 0
	case noVerdict:
		fmt.Fprintf(w.out, "%s %s: no verdict.\n"+
			"Its tests pass without -race, but this exercise is about goroutines that\n"+
			"share memory, and only the race detector (go test -race) can tell a\n"+
			"correct answer from a lucky one. It cannot run: %s.\n"+
			"It needs cgo and a C compiler: install one (Debian, Ubuntu: sudo apt-get\n"+
			"install gcc; macOS: xcode-select --install), leave CGO_ENABLED unset,\n"+
			"and check again; go run ./tools/doctor says what this machine lacks.\n",
			ex.ID, ex.Title, noRace)
		return 1
	}
	fmt.Fprintf(w.out, "%s %s: not yet.\n", ex.ID, ex.Title)
	for _, line := range r.summary(ex) {
		fmt.Fprintln(w.out, line)
	}
	if noRace != "" {
		fmt.Fprintf(w.out, "(Checked without -race: %s; go run ./tools/doctor says why.)\n", noRace)
	}
	n := max(w.hintsSeen(ex), 1)
	fmt.Fprintf(w.out, "Hint %d of %d: %s\n", n, len(ex.Hints), ex.Hints[n-1])
	w.sawHints(ex, n) // so that hint goes on with the next one
	if n < len(ex.Hints) {
		fmt.Fprintf(w.out, "Another hint: go run ./tools/exercise hint %s\n", ex.ID)
	}
	return 1
}

// hintsSeen is how many hints of ex the learner has asked for.
func (w *workshop) hintsSeen(ex *exercise) int {
	data, _ := os.ReadFile(filepath.Join(w.dir(ex), hintsFile))
	n, _ := strconv.Atoi(string(data))
	return min(n, len(ex.Hints))
}

func (w *workshop) hint(ex *exercise) int {
	n := w.hintsSeen(ex)
	if n == len(ex.Hints) {
		fmt.Fprintf(w.out, "No more hints for %s. The reference solution:\n"+
			"    go run ./tools/exercise solution %s\n", ex.ID, ex.ID)
		return 0
	}
	n++
	fmt.Fprintf(w.out, "Hint %d of %d: %s\n", n, len(ex.Hints), ex.Hints[n-1])
	if !w.started(ex) {
		// Only a copy remembers the hints seen: without one, hint
		// would give this one again.
		fmt.Fprintf(w.out, "For the next hint, start the exercise first: "+
			"go run ./tools/exercise start %s\n", ex.ID)
		return 0
	}
	w.sawHints(ex, n)
	return 0
}

// sawHints records that the learner has seen the first n hints of ex.
func (w *workshop) sawHints(ex *exercise, n int) {
	os.WriteFile(filepath.Join(w.dir(ex), hintsFile), []byte(strconv.Itoa(n)), 0o644)
}

func (w *workshop) solution(ex *exercise, apply bool) int {
	start, err := ex.startTree(w.root)
	if err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	solution, err := ex.solutionTree(w.root)
	if err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	changed := make(tree)
	for name, data := range solution {
		if !bytes.Equal(start[name], data) {
			changed[name] = data
		}
	}
	if !apply {
		if err := w.diff(start, changed); err != nil {
			fmt.Fprintln(w.out, "exercise:", err)
			return 1
		}
		return 0
	}
	if !w.started(ex) {
		if err := w.writeStart(ex); err != nil {
			fmt.Fprintln(w.out, "exercise:", err)
			return 1
		}
	}
	if err := changed.write(w.dir(ex)); err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	names := slices.Sorted(maps.Keys(changed))
	fmt.Fprintf(w.out, "Wrote the reference solution into %s: %s.\n"+
		"Check it: go run ./tools/exercise check %s\n",
		w.show(ex), strings.Join(names, ", "), ex.ID)
	return 0
}

// diff prints the changed files as a diff against the same files of
// start, with git, which a clone of the repository has.
func (w *workshop) diff(start, changed tree) error {
	tmp, err := os.MkdirTemp("", "exercise-diff")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	before, after := make(tree), make(tree)
	for name, data := range changed {
		before[name], after[name] = start[name], data
	}
	if err := before.write(filepath.Join(tmp, "start")); err != nil {
		return err
	}
	if err := after.write(filepath.Join(tmp, "solution")); err != nil {
		return err
	}
	os.Remove(filepath.Join(tmp, "start", "go.work"))
	os.Remove(filepath.Join(tmp, "solution", "go.work"))
	cmd := exec.Command("git", "diff", "--no-index", "--no-prefix", "start", "solution")
	cmd.Dir = tmp
	cmd.Stdout, cmd.Stderr = w.out, w.out
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		return nil // git diff says 1 when the files differ
	}
	return err
}

func (w *workshop) reset(ex *exercise) int {
	hints, _ := os.ReadFile(filepath.Join(w.dir(ex), hintsFile))
	if err := os.RemoveAll(w.dir(ex)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	if err := w.writeStart(ex); err != nil {
		fmt.Fprintln(w.out, "exercise:", err)
		return 1
	}
	if hints != nil {
		os.WriteFile(filepath.Join(w.dir(ex), hintsFile), hints, 0o644)
	}
	fmt.Fprintf(w.out, "%s is back to its starting code, in %s.\n", ex.ID, w.show(ex))
	return 0
}
