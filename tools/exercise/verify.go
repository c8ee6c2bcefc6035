package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// verify proves, for each exercise (or those named), what CI relies on:
// its starting code builds and fails its check because a test fails, and
// its reference solution passes it, is gofmt-clean and vet-clean.
func (w *workshop) verify(ids []string) int {
	exercises := w.exercises
	if len(ids) > 0 {
		exercises = nil
		for _, id := range ids {
			ex := w.find(id)
			if ex == nil {
				fmt.Fprintf(w.out, "no exercise %q\n", id)
				return 2
			}
			exercises = append(exercises, ex)
		}
	}
	race := raceWorks()
	if !race {
		fmt.Fprintln(w.out, "cgo is off here, so no -race (go run ./tools/doctor says why): verifying without it.")
	}
	failed := 0
	for _, ex := range exercises {
		began := time.Now()
		err := w.verifyOne(ex, race)
		took := time.Since(began).Round(100 * time.Millisecond)
		if err != nil {
			failed++
			fmt.Fprintf(w.out, "FAIL %s %s (%v)\n%s\n", ex.ID, ex.Title, took,
				indent(err.Error()))
			continue
		}
		fmt.Fprintf(w.out, "ok   %s %s (%v)\n", ex.ID, ex.Title, took)
	}
	if failed > 0 {
		fmt.Fprintf(w.out, "%d of %d exercises fail\n", failed, len(exercises))
		return 1
	}
	return 0
}

func (w *workshop) verifyOne(ex *exercise, race bool) error {
	tmp, err := os.MkdirTemp("", "exercise-"+ex.ID+"-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, ex.ID)
	race = race && ex.Race

	start, err := ex.startTree(w.root)
	if err != nil {
		return err
	}
	if err := start.write(dir); err != nil {
		return err
	}
	r, err := runTests(ex, dir, race)
	switch {
	case err != nil:
		return err
	case len(r.build) > 0:
		return fmt.Errorf("the starting code must build:\n%s",
			strings.Join(r.summary(), "\n"))
	case len(r.failed) == 0:
		return fmt.Errorf("the starting code passes its check: no test fails")
	}

	solution, err := ex.solutionTree(w.root)
	if err != nil {
		return err
	}
	if err := solution.write(dir); err != nil {
		return err
	}
	r, err = runTests(ex, dir, race)
	switch {
	case err != nil:
		return err
	case !r.done(ex):
		return fmt.Errorf("the solution fails its check:\n%s",
			strings.Join(r.summary(), "\n"))
	}
	for name, data := range solution {
		if !strings.HasSuffix(name, ".go") {
			continue
		}
		if formatted, err := format.Source(data); err != nil ||
			!bytes.Equal(formatted, data) {
			return fmt.Errorf("the solution's %s is not gofmt-clean", name)
		}
	}
	vet, err := goIn(dir, "vet", "./...")
	if err != nil {
		return err
	}
	if out, err := vet.CombinedOutput(); err != nil {
		return fmt.Errorf("go vet on the solution: %v\n%s", err, out)
	}
	return nil
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
