// Command exercise starts, checks, hints, solves and resets the exercises
// of the steps, and verifies them all for CI. Run it from the root of the
// repository:
//
//	go run ./tools/exercise list
//	go run ./tools/exercise start 04.1
//	go run ./tools/exercise check 04.1
//
// A learner's copy of an exercise lives in exercises/NN.K, a workspace of
// its own that git and the root workspace ignore. See tools/README.md.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

const usage = `usage: go run ./tools/exercise COMMAND [ID]

  list              every exercise, its status and title
  start ID          make your copy of the starting code, in exercises/ID
  check ID          run the exercise's tests on your copy
  hint ID           the next hint
  solution ID       the reference solution, as a diff against the start
  solution ID --apply
                    write the reference solution into your copy
  reset ID          put your copy back to the starting code
  verify [-p N] [-repeat N] [-v] [ID...]
                    for CI and authors: every start fails its check, every
                    solution and other correct answer passes it, and every
                    known-wrong answer fails it, for the reason it names
`

func main() {
	root, err := findRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "exercise:", err)
		os.Exit(2)
	}
	os.Exit(run(root, filepath.Join(root, "exercises"), os.Args[1:], os.Stdout))
}

// findRoot returns the root of the repository: the nearest folder, from
// here up, that holds tools/exercise.
func findRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "tools", "exercise", "testdata")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("run me from the root of the repository: " +
				"go run ./tools/exercise list")
		}
		dir = parent
	}
}

// run carries out one command and returns the exit status: 0 when it
// worked (check: the exercise is done), 1 when not, 2 on a usage error.
// The steps are in root, the learner's copies in copies.
func run(root, copies string, args []string, out io.Writer) int {
	exercises, err := loadExercises(filepath.Join(root, "tools", "exercise", "testdata"))
	if err != nil {
		fmt.Fprintln(out, "exercise:", err)
		return 2
	}
	w := &workshop{root: root, copies: copies, exercises: exercises, out: out}
	if len(args) == 0 {
		fmt.Fprint(out, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	if cmd == "list" && len(args) == 0 {
		return w.list()
	}
	if cmd == "verify" {
		return w.verify(args)
	}
	apply := len(args) == 2 && cmd == "solution" && args[1] == "--apply"
	if len(args) != 1 && !apply {
		fmt.Fprint(out, usage)
		return 2
	}
	ex := w.find(args[0])
	if ex == nil {
		fmt.Fprintf(out, "no exercise %q: go run ./tools/exercise list\n", args[0])
		return 2
	}
	switch cmd {
	case "start":
		return w.start(ex)
	case "check":
		return w.check(ex)
	case "hint":
		return w.hint(ex)
	case "solution":
		return w.solution(ex, apply)
	case "reset":
		return w.reset(ex)
	}
	fmt.Fprint(out, usage)
	return 2
}
