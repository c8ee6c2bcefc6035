package e2e

import (
	"context"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPythonTwins runs each step's Python programs, python/NAME.py, and
// checks that each prints what the Go example of the same name says it
// prints: python/some_name.py is the twin of Example_someName, in the
// step's test files. Where Python prints None, True or False, Go prints
// <nil>, true or false; nothing else may differ.
//
// A twin needs a python3 that can import everything it imports. Without
// one the test skips and says what to install; under CI (the CI variable
// is set) it fails instead, so that CI runs every twin.
func TestPythonTwins(t *testing.T) {
	for _, step := range steps(t) {
		dir := filepath.Join(root, step)
		twins, err := filepath.Glob(filepath.Join(dir, "python", "*.py"))
		require.NoError(t, err)
		if len(twins) == 0 {
			continue
		}
		examples := goExamples(t, dir)
		for _, twin := range twins { // Glob sorts them
			rel, err := filepath.Rel(dir, twin)
			require.NoError(t, err)
			t.Run(step+"/"+rel, func(t *testing.T) {
				t.Parallel()
				base := strings.TrimSuffix(filepath.Base(twin), ".py")
				name := "Example_" + lowerCamel(base)
				ex, ok := examples[name]
				require.True(t, ok, "%s has no Go twin %s", twin, name)
				require.NotEmpty(t, ex.Output, "%s has no output comment", name)

				python := findPython(t, twin)
				ctx, cancel := context.WithTimeout(t.Context(), 6*arrives)
				defer cancel()
				cmd := exec.CommandContext(ctx, python, rel)
				cmd.Dir = dir // where the step's README runs it
				var stderr strings.Builder
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				require.NoError(t, err, "%s %s\n%s", python, rel, stderr.String())

				want := outputLines(ex.Output)
				got := outputLines(pythonToGo(string(out)))
				if ex.Unordered {
					slices.Sort(want)
					slices.Sort(got)
				}
				assert.Equal(t, want, got, "%s %s against %s", python, rel, name)
			})
		}
	}
}

// goExamples returns the example functions of the test files in dir, by
// function name, with the output that their comments expect. It reads
// the files: a step is never imported.
func goExamples(t *testing.T, dir string) map[string]*doc.Example {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	require.NoError(t, err)
	fset := token.NewFileSet()
	examples := make(map[string]*doc.Example)
	for _, name := range names {
		file, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, ex := range doc.Examples(file) {
			examples["Example"+ex.Name] = ex
		}
	}
	return examples
}

// lowerCamel turns a twin's snake_case name into the lowerCamelCase of
// its example: local_stack becomes localStack.
func lowerCamel(snake string) string {
	words := strings.Split(snake, "_")
	for i, w := range words[1:] {
		if w != "" {
			words[i+1] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, "")
}

// pythonWords are the words that Python and Go print differently.
var pythonWords = regexp.MustCompile(`\b(None|True|False)\b`)

// pythonToGo rewrites Python's None, True and False, as whole words, the
// way Go's fmt prints them.
func pythonToGo(s string) string {
	return pythonWords.ReplaceAllStringFunc(s, func(w string) string {
		if w == "None" {
			return "<nil>"
		}
		return strings.ToLower(w)
	})
}

// outputLines splits an output into lines without trailing spaces, and
// without the blank lines at either end, as go test compares them.
func outputLines(s string) []string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, line := range lines {
		lines[i] = strings.TrimRightFunc(line, unicode.IsSpace)
	}
	return lines
}

// importLine matches "import x" and "from x import y" at the start of a
// line, and captures x's top-level module.
var importLine = regexp.MustCompile(`(?m)^(?:import|from)\s+(\w+)`)

// missingModule matches Python's error for a module it cannot import.
var missingModule = regexp.MustCompile(`No module named '(\w+)`)

// findPython returns the first python3 (on PATH, then /usr/bin/python3,
// Debian's) that can import every module that script imports. If there
// is none, it skips the test, or fails it under CI, and says which
// Debian package would provide the first missing module.
func findPython(t *testing.T, script string) string {
	t.Helper()
	source, err := os.ReadFile(script)
	require.NoError(t, err)
	var modules []string
	for _, m := range importLine.FindAllStringSubmatch(string(source), -1) {
		if !slices.Contains(modules, m[1]) {
			modules = append(modules, m[1])
		}
	}
	python, problems := pythonThatImports(modules)
	if python != "" {
		return python
	}
	install := "a python3 that imports " + strings.Join(modules, ", ")
	if m := missingModule.FindStringSubmatch(problems); m != nil {
		install = "apt-get install python3-" + m[1]
	}
	need(t, "no python3 here runs %s (%s); on Debian: %s", script, problems, install)
	return ""
}

// pythons remembers what pythonThatImports found, by import statement:
// each python3 is asked once per run, not once per script.
var pythons = struct {
	sync.Mutex
	found map[string]pythonFound
}{found: make(map[string]pythonFound)}

type pythonFound struct{ python, problems string }

// pythonThatImports returns the first python3 that can import modules,
// or "" and what each python3 said.
func pythonThatImports(modules []string) (python, problems string) {
	check := "import " + strings.Join(modules, ", ")
	if len(modules) == 0 {
		check = "pass"
	}
	pythons.Lock()
	defer pythons.Unlock()
	if f, ok := pythons.found[check]; ok {
		return f.python, f.problems
	}

	candidates := []string{"/usr/bin/python3"}
	path, err := exec.LookPath("python3")
	if err == nil && path != candidates[0] {
		candidates = slices.Insert(candidates, 0, path)
	}
	var said []string
	for _, candidate := range candidates {
		out, err := exec.Command(candidate, "-c", check).CombinedOutput()
		if err == nil {
			python = candidate
			break
		}
		said = append(said, candidate+": "+lastLine(string(out), err))
	}
	problems = strings.Join(said, "; ")
	pythons.found[check] = pythonFound{python, problems}
	return python, problems
}

// lastLine returns the last line of a failed command's output, which for
// Python is the exception, or the error when there is no output.
func lastLine(out string, err error) string {
	out = strings.TrimSpace(out)
	if out == "" {
		return err.Error()
	}
	return out[strings.LastIndex(out, "\n")+1:]
}
