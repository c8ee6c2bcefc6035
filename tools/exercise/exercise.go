package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// An exercise is read from its folder, testdata/NN.K: a file exercise.txt
// that says what it is, and Go fragments that change the step it starts
// from (see mergeDecls and tools/README.md).
type exercise struct {
	ID    string
	Title string
	Step  string   // the step folder it starts from, e.g. step04-todo
	Kind  string   // "rebuild" or "further"
	Tests []string // the tests that check it
	Race  bool     // whether check runs them with -race
	Hints []string

	// Answers are the known-wrong answers and the other correct ones,
	// kept to prove the check (see answer.go).
	Answers []*answer

	dir string // testdata/NN.K
}

var idPattern = regexp.MustCompile(`^\d\d\.\d+$`)

// loadExercises reads every exercise under dir, in order of id.
func loadExercises(dir string) ([]*exercise, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var all []*exercise
	for _, e := range entries {
		if !e.IsDir() || !idPattern.MatchString(e.Name()) {
			continue
		}
		ex, err := readExercise(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		all = append(all, ex)
	}
	slices.SortFunc(all, func(a, b *exercise) int {
		return compareIDs(a.ID, b.ID)
	})
	return all, nil
}

// compareIDs orders 04.2 before 04.10.
func compareIDs(a, b string) int {
	as, ak, _ := strings.Cut(a, ".")
	bs, bk, _ := strings.Cut(b, ".")
	if as != bs {
		return strings.Compare(as, bs)
	}
	if len(ak) != len(bk) {
		return len(ak) - len(bk)
	}
	return strings.Compare(ak, bk)
}

// A field is a "key: value" line of exercise.txt or answer.txt.
type field struct {
	key, value string
	line       int
}

// readFields parses name: "key: value" lines, a line that starts with a
// space continuing the value before it, # for comments.
func readFields(name string) ([]field, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var fields []field
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(fields) == 0 {
				return nil, fmt.Errorf("%s:%d: continues nothing", name, n)
			}
			fields[len(fields)-1].value += " " + strings.TrimSpace(line)
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("%s:%d: expected key: value", name, n)
		}
		fields = append(fields, field{key, strings.TrimSpace(value), n})
	}
	return fields, nil
}

// readExercise reads dir/exercise.txt, and the answers kept beside the
// solution.
func readExercise(dir string) (*exercise, error) {
	name := filepath.Join(dir, "exercise.txt")
	fields, err := readFields(name)
	if err != nil {
		return nil, err
	}
	ex := &exercise{ID: filepath.Base(dir), dir: dir}
	for _, f := range fields {
		switch f.key {
		case "title":
			ex.Title = f.value
		case "step":
			ex.Step = f.value
		case "kind":
			ex.Kind = f.value
		case "tests":
			ex.Tests = strings.Fields(f.value)
		case "race":
			ex.Race = f.value == "yes"
		case "hint":
			ex.Hints = append(ex.Hints, f.value)
		default:
			return nil, fmt.Errorf("%s:%d: unknown key %q", name, f.line, f.key)
		}
	}
	switch {
	case ex.Title == "" || ex.Step == "" || len(ex.Tests) == 0:
		return nil, fmt.Errorf("%s: needs a title, a step and tests", name)
	case ex.Kind != "rebuild" && ex.Kind != "further":
		return nil, fmt.Errorf("%s: kind is rebuild or further", name)
	case len(ex.Hints) < 1 || len(ex.Hints) > 3:
		return nil, fmt.Errorf("%s: needs 1 to 3 hints", name)
	}
	for _, kind := range []string{"wrong", "correct"} {
		answers, err := readAnswers(filepath.Join(dir, kind), kind == "wrong")
		if err != nil {
			return nil, err
		}
		ex.Answers = append(ex.Answers, answers...)
	}
	return ex, nil
}

// runPattern is the -run pattern of the exercise's tests.
func (ex *exercise) runPattern() string {
	return "^(" + strings.Join(ex.Tests, "|") + ")$"
}

// A tree is a folder's files, by slash-separated path.
type tree map[string][]byte

// readTree reads every file under dir, but for the binaries that go build
// leaves in a step folder.
func readTree(dir string) (tree, error) {
	t := make(tree)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == filepath.Base(dir) || strings.HasSuffix(rel, ".test") ||
			strings.HasSuffix(rel, ".out") {
			return nil
		}
		data, err := os.ReadFile(p)
		t[rel] = data
		return err
	})
	return t, err
}

// fragments reads the .go files of the exercise's folder sub: "start",
// "solution", or an answer's "wrong/NAME" or "correct/NAME"; a missing
// folder has none.
func (ex *exercise) fragments(sub string) (tree, error) {
	dir := filepath.Join(ex.dir, filepath.FromSlash(sub))
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return tree{}, nil
	}
	t, err := readTree(dir)
	for name := range t {
		if !strings.HasSuffix(name, ".go") {
			delete(t, name) // an answer's answer.txt
		}
	}
	return t, err
}

// apply returns t with the fragments put in: a file that t has gets the
// fragment's declarations by name, any other is added as it is.
func (t tree) apply(frags tree) (tree, error) {
	out := make(tree, len(t))
	for name, data := range t {
		out[name] = data
	}
	for name, frag := range frags {
		src, ok := t[name]
		if !ok {
			out[name] = frag
			continue
		}
		merged, err := mergeDecls(src, frag)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = merged
	}
	return out, nil
}

// startTree is the starting code: the step, with the start fragments.
func (ex *exercise) startTree(root string) (tree, error) {
	step, err := readTree(filepath.Join(root, ex.Step))
	if err != nil {
		return nil, err
	}
	start, err := ex.fragments("start")
	if err != nil {
		return nil, err
	}
	return step.apply(start)
}

// solutionTree is the reference solution. For a rebuild it is the step
// itself, with what the start added, so it never drifts from the lesson;
// for a go-further exercise, the starting code with the solution
// fragments.
func (ex *exercise) solutionTree(root string) (tree, error) {
	start, err := ex.startTree(root)
	if err != nil {
		return nil, err
	}
	solution, err := ex.fragments("solution")
	if err != nil {
		return nil, err
	}
	if ex.Kind == "further" {
		return start.apply(solution)
	}
	step, err := readTree(filepath.Join(root, ex.Step))
	if err != nil {
		return nil, err
	}
	for name, data := range step {
		start[name] = data
	}
	return start, nil
}

// toEdit names the files the learner works on, and the tests files the
// exercise adds, for the message of start.
func (ex *exercise) toEdit() (edit, tests []string, err error) {
	frags, err := ex.fragments("solution")
	if err != nil {
		return nil, nil, err
	}
	start, err := ex.fragments("start")
	if err != nil {
		return nil, nil, err
	}
	if len(frags) == 0 {
		frags = start
	}
	for name := range frags {
		if !strings.HasSuffix(name, "_test.go") {
			edit = append(edit, name)
		}
	}
	for name := range start {
		if strings.HasSuffix(name, "_test.go") {
			tests = append(tests, name)
		}
	}
	slices.Sort(edit)
	slices.Sort(tests)
	return edit, tests, nil
}

// write puts t's files in dir, and a go.work that makes dir a workspace
// of its own: go run . and go test ./... work in it with no flags, and
// the workspace at the root of the repository never sees it.
func (t tree) write(dir string) error {
	for name, data := range t {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	work := "go 1.26.0\n\nuse .\n"
	return os.WriteFile(filepath.Join(dir, "go.work"), []byte(work), 0o644)
}
