package main

import (
	"flag"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	// chroma's lexers match with regexp2, whose timeouts share one
	// clock goroutine; it stops by itself a little after the last match.
	goleak.VerifyTestMain(m, goleak.IgnoreAnyFunction("github.com/dlclark/regexp2/v2.runClock"))
}

var update = flag.Bool("update", false, "rewrite testdata/golden with what the site renders now")

// TestRendersTheFixtureAsTheGoldenFiles builds the site of testdata/repo,
// two small steps with a diff, a twin, a table, exercises and a workshop
// row, and compares each page with testdata/golden. After a change to the
// pages on purpose, go test -run Golden -update rewrites them; git diff
// then shows what the change did to every kind of page.
func TestRendersTheFixtureAsTheGoldenFiles(t *testing.T) {
	out := t.TempDir()
	_, err := build(filepath.Join("testdata", "repo"), out)
	require.NoError(t, err)
	got := pages(t, out)
	golden := filepath.Join("testdata", "golden")
	if *update {
		require.NoError(t, os.RemoveAll(golden))
		require.NoError(t, os.MkdirAll(golden, 0o755))
		for name, b := range got {
			require.NoError(t, os.WriteFile(filepath.Join(golden, name), b, 0o644))
		}
	}
	want := pages(t, golden)
	require.Equal(t, slices.Sorted(maps.Keys(want)), slices.Sorted(maps.Keys(got)))
	for name := range want {
		assert.Equal(t, string(want[name]), string(got[name]), "%s differs from testdata/golden (go test -run Golden -update rewrites it)", name)
	}
}

// pages reads the HTML files of a built site, by name.
func pages(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.html"))
	require.NoError(t, err)
	files := map[string][]byte{}
	for _, name := range names {
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		files[filepath.Base(name)] = b
	}
	return files
}

// TestReadsWhatTheREADMEsSay checks what the fixture's READMEs and
// WORKSHOP.md give each step, read the way the real ones are.
func TestReadsWhatTheREADMEsSay(t *testing.T) {
	steps, err := readSteps(filepath.Join("testdata", "repo"))
	require.NoError(t, err)
	require.Len(t, steps, 2)
	one, two := steps[0], steps[1]

	assert.Equal(t, "say hello once", one.Lesson)
	assert.Equal(t, []string{"server.go", "main.go"}, one.Files, "the README's order first")
	assert.Equal(t, 2, one.First)
	assert.Equal(t, []exercise{{"01.1", "Greet by name"}}, one.Exercises)
	assert.Equal(t, &slot{"10", "`go run ./step01-hello`", "01.1", "`hello` comes back"}, one.Slot)
	assert.Empty(t, one.Base, "the first step diffs against nothing")

	assert.Equal(t, "step01-hello", two.Base, "from a diff command cut over two lines")
	assert.Equal(t, []string{"*.md", "*.py"}, two.Exclude)
	assert.Equal(t, []exercise{{"02.1", "Say it three times"}}, two.Exercises)
	assert.Equal(t, []string{"server.go", "hello_example_test.go", "main.go"}, two.Files,
		"named files first, then the rest, tests last; the twin is not among them")
	require.Len(t, two.Twins, 1)
	assert.Equal(t, "python/hello.py", two.Twins[0].Python)
	assert.Equal(t, "Example_hello", two.Twins[0].Example)
	assert.True(t, strings.HasPrefix(two.Twins[0].Go, "// Example_hello prints"), "with its doc comment:\n%s", two.Twins[0].Go)
	assert.True(t, strings.HasSuffix(two.Twins[0].Go, "// Output: hello hello\n}\n"), "with its output:\n%s", two.Twins[0].Go)
}

// TestRefusesALinkThatNoPageShows: a link into the repository that no
// page shows would lead nowhere on the site, so the build stops and
// names it.
func TestRefusesALinkThatNoPageShows(t *testing.T) {
	s, err := newSite(filepath.Join("testdata", "repo"))
	require.NoError(t, err)
	for dest, page := range map[string]string{
		"../step02-twice":           "step02-twice.html",
		"../step02-twice/README.md": "step02-twice.html",
		"server.go":                 "step01-hello.html#file-server.go",
		"../README.md#fixture":      "readme.html#fixture",
		"#exercises":                "#exercises",
		"https://go.dev/":           "https://go.dev/",
	} {
		got, err := s.link("step01-hello", dest)
		require.NoError(t, err, dest)
		assert.Equal(t, page, got, dest)
	}
	_, err = s.link("step01-hello", "../tools/nowhere.go")
	assert.ErrorContains(t, err, "../tools/nowhere.go")
}
