package main

import (
	"context"
	"errors"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPythonTwins runs every python/NAME.py, the Python 3 twin of an
// experiment of the original lessons, and checks that it prints what the
// Go example Example_<Name> prints. A twin whose Python, or one of whose
// imports, is missing is skipped, with the Debian package to install;
// in CI (CI set) it fails instead.
func TestPythonTwins(t *testing.T) {
	twins, err := filepath.Glob("python/*.py")
	require.NoError(t, err)
	if len(twins) == 0 {
		t.Skip("no python/*.py in this step")
	}
	examples := goExamples(t)
	for _, twin := range twins {
		name := strings.TrimSuffix(filepath.Base(twin), ".py")
		t.Run(name, func(t *testing.T) {
			ex, ok := examples[exampleName(name)]
			require.True(t, ok, "%s has no Go twin %s", twin, exampleName(name))
			python := pythonFor(t, twin)
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			out, err := exec.CommandContext(ctx, python, twin).Output()
			require.NoError(t, err, "%s %s: %s", python, twin, stderr(err))
			got, want := normalise(string(out)), normalise(ex.Output)
			if ex.Unordered {
				slices.Sort(got)
				slices.Sort(want)
			}
			assert.Equal(t, want, got, "%s prints other lines than %s",
				twin, exampleName(name))
		})
	}
}

// exampleName is the Go example of a twin: local_stack -> Example_localStack.
func exampleName(twin string) string {
	words := strings.Split(twin, "_")
	for i, w := range words[1:] {
		if w != "" {
			words[i+1] = string(unicode.ToUpper(rune(w[0]))) + w[1:]
		}
	}
	return "Example_" + strings.Join(words, "")
}

// goExamples returns the examples of the step's test files, by name.
func goExamples(t *testing.T) map[string]*doc.Example {
	t.Helper()
	files, err := filepath.Glob("*_test.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		require.NoError(t, err)
		parsed = append(parsed, f)
	}
	examples := map[string]*doc.Example{}
	for _, ex := range doc.Examples(parsed...) {
		examples["Example"+ex.Name] = ex
	}
	return examples
}

// debianPackage names the package that brings a module the standard
// library lacks.
var debianPackage = map[string]string{
	"flask":    "python3-flask",
	"werkzeug": "python3-werkzeug",
	"greenlet": "python3-greenlet",
	"gevent":   "python3-gevent",
}

var importLine = regexp.MustCompile(`(?m)^(?:import|from)\s+([A-Za-z_]\w*)`)

// pythonFor returns the first Python 3 (python3 on PATH, then Debian's
// /usr/bin/python3) that can import every module twin imports, or skips
// the test (fails it in CI) when there is none.
func pythonFor(t *testing.T, twin string) string {
	t.Helper()
	source, err := os.ReadFile(twin)
	require.NoError(t, err)
	var modules []string
	for _, m := range importLine.FindAllStringSubmatch(string(source), -1) {
		if !slices.Contains(modules, m[1]) {
			modules = append(modules, m[1])
		}
	}
	check := "import " + strings.Join(modules, ", ")
	for _, python := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(python)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", check).Run() == nil {
			return path
		}
	}
	var install []string
	for _, m := range modules {
		if pkg, ok := debianPackage[m]; ok {
			install = append(install, pkg)
		}
	}
	msg := "no python3 can run " + twin + " (" + check + "); install " +
		"python3 and apt-get install " + strings.Join(install, " ")
	if os.Getenv("CI") != "" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// normalise returns the lines of out with trailing spaces trimmed, and
// Python's None, True and False written as Go prints them.
func normalise(out string) []string {
	words := strings.NewReplacer("None", "<nil>", "True", "true", "False", "false")
	var lines []string
	for line := range strings.Lines(strings.TrimRight(out, "\n")) {
		line = strings.TrimRight(line, " \t\n")
		lines = append(lines, pythonWord.ReplaceAllStringFunc(line, words.Replace))
	}
	return lines
}

var pythonWord = regexp.MustCompile(`\b(None|True|False)\b`)

// stderr returns what a failed command wrote to its standard error.
func stderr(err error) string {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return string(exit.Stderr)
	}
	return ""
}
