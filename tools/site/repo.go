package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

// A step is one step folder, with what its README and WORKSHOP.md say of it.
type step struct {
	Name      string // step03-goroutines
	Lesson    string // the README's title after the colon, in Markdown
	README    []byte
	Files     []string   // its source files, those the README says to read first in its order
	First     int        // how many of Files the README names
	Twins     []twin     // python/NAME.py beside Example_NAME
	Exercises []exercise // from its README's Exercises section
	Slot      *slot      // its row in WORKSHOP.md, nil if it has none
	Base      string     // the step its README diffs against, "" if none
	Exclude   []string   // the -x patterns of that diff command
}

type twin struct {
	Python  string // python/local.py
	Example string // Example_local
	Go      string // the example function's source, with its doc comment
}

type exercise struct{ ID, Title string }

// A slot is a step's row in WORKSHOP.md's day: each field is Markdown.
type slot struct{ Minutes, Demo, Exercises, Checkpoint string }

var (
	stepDir    = regexp.MustCompile(`^step\d\d-[a-z0-9-]+$`)
	title      = regexp.MustCompile(`(?m)^# [^:\n]+: (.+)$`)
	diffCmd    = regexp.MustCompile(`diff -ruN((?:\s+-x\s+'[^']*')*)\s+(step\d\d-[a-z0-9-]+)\s+(step\d\d-[a-z0-9-]+)`)
	excludeArg = regexp.MustCompile(`-x\s+'([^']*)'`)
	codeSpan   = regexp.MustCompile("`([^`\n]+)`")
	exerciseLi = regexp.MustCompile(`(?ms)^- \*\*(\d\d\.\d+) (.+?)\*\*`)
	slotRow    = regexp.MustCompile(`(?m)^\| \[(step\d\d-[a-z0-9-]+)\]\([^)]*\) \|.*$`)
)

// readSteps reads every step folder under root, in order.
func readSteps(root string) ([]*step, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	workshop, err := os.ReadFile(filepath.Join(root, "WORKSHOP.md"))
	if err != nil {
		return nil, fmt.Errorf("%w: run it from the root of the repository, or name the root with -root", err)
	}
	var steps []*step
	for _, e := range entries { // ReadDir sorts them
		if !e.IsDir() || !stepDir.MatchString(e.Name()) {
			continue
		}
		s, err := readStep(filepath.Join(root, e.Name()), workshop)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		steps = append(steps, s)
	}
	return steps, nil
}

func readStep(dir string, workshop []byte) (*step, error) {
	readme, err := os.ReadFile(filepath.Join(dir, "README.md"))
	if err != nil {
		return nil, err
	}
	s := &step{Name: filepath.Base(dir), README: readme}
	m := title.FindSubmatch(readme)
	if m == nil {
		return nil, fmt.Errorf("README.md has no title of the form '# %s: lesson'", s.Name)
	}
	s.Lesson = string(m[1])

	flat := strings.Join(strings.Fields(string(readme)), " ")
	for _, m := range diffCmd.FindAllStringSubmatch(flat, -1) {
		if m[3] == s.Name {
			s.Base = m[2]
			for _, x := range excludeArg.FindAllStringSubmatch(m[1], -1) {
				s.Exclude = append(s.Exclude, x[1])
			}
			break
		}
	}
	for _, m := range exerciseLi.FindAllSubmatch(section(readme, "Exercises"), -1) {
		s.Exercises = append(s.Exercises, exercise{string(m[1]), strings.Join(strings.Fields(string(m[2])), " ")})
	}
	for _, m := range slotRow.FindAllSubmatch(workshop, -1) {
		if string(m[1]) != s.Name {
			continue
		}
		if cells := splitRow(string(m[0])); len(cells) == 5 {
			s.Slot = &slot{cells[1], cells[2], cells[3], cells[4]}
		}
		break // the first path, the day, is the one the slots are for
	}
	if s.Twins, err = readTwins(dir); err != nil {
		return nil, err
	}
	return s, s.readFiles(dir)
}

// readFiles lists the step's source files: first those that its README's
// "What to read, in order" names, in that order, then the others, the
// tests last. Twins are shown beside their examples, not here.
func (s *step) readFiles(dir string) error {
	var all []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if !d.IsDir() && source(rel) && !slices.ContainsFunc(s.Twins, func(t twin) bool { return t.Python == filepath.ToSlash(rel) }) {
			all = append(all, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, m := range codeSpan.FindAllSubmatch(section(s.README, "What to read, in order"), -1) {
		if name := string(m[1]); slices.Contains(all, name) && !slices.Contains(s.Files, name) {
			s.Files = append(s.Files, name)
		}
	}
	s.First = len(s.Files)
	rest := slices.DeleteFunc(all, func(name string) bool { return slices.Contains(s.Files, name) })
	test := func(name string) int { return btoi(strings.HasSuffix(name, "_test.go")) }
	slices.SortStableFunc(rest, func(a, b string) int { return test(a) - test(b) })
	s.Files = append(s.Files, rest...)
	return nil
}

func source(name string) bool {
	switch filepath.Ext(name) {
	case ".go", ".py", ".html":
		return true
	}
	return false
}

// readTwins pairs each python/NAME.py with the example of the same name,
// as e2e's TestPythonTwins does: python/some_name.py is the twin of
// Example_someName, in the step's test files.
func readTwins(dir string) ([]twin, error) {
	pys, err := filepath.Glob(filepath.Join(dir, "python", "*.py"))
	if err != nil || len(pys) == 0 {
		return nil, err
	}
	examples, err := readExamples(dir)
	if err != nil {
		return nil, err
	}
	var twins []twin
	for _, py := range pys {
		name := "Example_" + lowerCamel(strings.TrimSuffix(filepath.Base(py), ".py"))
		if code, ok := examples[name]; ok {
			twins = append(twins, twin{"python/" + filepath.Base(py), name, code})
		}
	}
	return twins, nil
}

// readExamples returns the source of each example function in dir's
// test files, by name.
func readExamples(dir string) (map[string]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	examples := map[string]string{}
	fset := token.NewFileSet()
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || !strings.HasPrefix(fn.Name.Name, "Example") {
				continue
			}
			start := fn.Pos()
			if fn.Doc != nil {
				start = fn.Doc.Pos()
			}
			examples[fn.Name.Name] = string(src[fset.Position(start).Offset:fset.Position(fn.End()).Offset]) + "\n"
		}
	}
	return examples, nil
}

// lowerCamel turns some_name into someName.
func lowerCamel(s string) string {
	words := strings.Split(s, "_")
	for i := 1; i < len(words); i++ {
		r := []rune(words[i])
		if len(r) > 0 {
			r[0] = unicode.ToUpper(r[0])
		}
		words[i] = string(r)
	}
	return strings.Join(words, "")
}

// section returns the body of the Markdown section "## heading".
func section(md []byte, heading string) []byte {
	_, after, ok := bytes.Cut(md, []byte("\n## "+heading+"\n"))
	if !ok {
		return nil
	}
	if i := bytes.Index(after, []byte("\n## ")); i >= 0 {
		after = after[:i]
	}
	return after
}

// splitRow splits a Markdown table row into its cells; a \| stays in its cell.
func splitRow(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var cells []string
	var cell strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cell.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cell.String()))
			cell.Reset()
		default:
			cell.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cell.String()))
}
