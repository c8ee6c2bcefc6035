package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

// root is the repository, whose steps and exercises the tests use.
const root = "../.."

// runCmd runs one command in a workshop whose copies go in copies.
func runCmd(t *testing.T, copies string, args ...string) (int, string) {
	t.Helper()
	var out bytes.Buffer
	code := run(root, copies, args, &out)
	return code, out.String()
}

func TestEveryStepHasExercisesAndBothKindsFromStep02(t *testing.T) {
	all, err := loadExercises("testdata")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(all), 18)
	kinds := make(map[string]map[string]bool) // step number -> kinds
	for _, ex := range all {
		step := ex.ID[:2]
		assert.True(t, strings.HasPrefix(ex.Step, "step"+step+"-"),
			"%s starts from %s", ex.ID, ex.Step)
		assert.DirExists(t, filepath.Join(root, ex.Step))
		if kinds[step] == nil {
			kinds[step] = make(map[string]bool)
		}
		kinds[step][ex.Kind] = true
		_, err := ex.startTree(root)
		assert.NoError(t, err, "%s: starting code", ex.ID)
		_, err = ex.solutionTree(root)
		assert.NoError(t, err, "%s: solution", ex.ID)
	}
	for _, step := range []string{"01", "02", "03", "04", "05", "06", "07"} {
		require.NotEmpty(t, kinds[step], "step %s has no exercise", step)
		if step != "01" {
			assert.True(t, kinds[step]["rebuild"] && kinds[step]["further"],
				"step %s needs both kinds", step)
		}
	}
}

// TestTheWholeCycle does what a learner does with an exercise: start,
// check (not yet), apply the solution, check (done), reset, check (not
// yet again).
func TestTheWholeCycle(t *testing.T) {
	copies := t.TempDir()

	code, out := runCmd(t, copies, "list")
	require.Equal(t, 0, code, out)
	assert.Regexp(t, `(?m)^01\.1  not started  Echo once`, out)

	code, out = runCmd(t, copies, "start", "01.1")
	require.Equal(t, 0, code, out)
	assert.Contains(t, out, "check 01.1")
	assert.FileExists(t, filepath.Join(copies, "01.1", "go.work"))

	code, out = runCmd(t, copies, "check", "01.1")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "not yet")
	assert.Contains(t, out, "TestEchoesUpTo1024BytesAndHangsUp fails")
	assert.Contains(t, out, "Hint 1 of 3")
	assert.Less(t, strings.Count(out, "\n"), 15, "a few lines, not a wall")

	code, out = runCmd(t, copies, "hint", "01.1")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "Hint 2 of 3", "check has shown the first")

	code, out = runCmd(t, copies, "solution", "01.1")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "+\tn, err := conn.Read(buf)")

	code, out = runCmd(t, copies, "solution", "01.1", "--apply")
	require.Equal(t, 0, code, out)
	code, out = runCmd(t, copies, "check", "01.1")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "done")
	_, out = runCmd(t, copies, "list")
	assert.Regexp(t, `(?m)^01\.1  done         Echo once`, out)

	code, out = runCmd(t, copies, "reset", "01.1")
	require.Equal(t, 0, code, out)
	code, out = runCmd(t, copies, "check", "01.1")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "Hint 2 of 3", "reset keeps the hints seen")
	_, out = runCmd(t, copies, "list")
	assert.Regexp(t, `(?m)^01\.1  not yet      Echo once`, out)
}

func TestAStartedExerciseLeavesTheStepAlone(t *testing.T) {
	before, err := readTree(filepath.Join(root, "step01-blocking"))
	require.NoError(t, err)
	copies := t.TempDir()

	code, out := runCmd(t, copies, "start", "01.1")
	require.Equal(t, 0, code, out)
	code, out = runCmd(t, copies, "start", "01.1")
	assert.Equal(t, 1, code, "a second start must not overwrite the copy")
	assert.Contains(t, out, "reset 01.1")

	after, err := readTree(filepath.Join(root, "step01-blocking"))
	require.NoError(t, err)
	assert.Equal(t, before, after, "every file of the step, as it was")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{}, {"start"}, {"start", "99.9"}, {"frobnicate", "01.1"},
		{"solution", "01.1", "--now"},
	} {
		code, out := runCmd(t, t.TempDir(), args...)
		assert.Equal(t, 2, code, "%q: %s", args, out)
	}
}

// TestCheckGivesNoVerdictWithoutRace: tests of goroutines that share
// memory can pass by luck without -race, so check never says done
// without it, and says what to install.
func TestCheckGivesNoVerdictWithoutRace(t *testing.T) {
	copies := t.TempDir()
	code, out := runCmd(t, copies, "solution", "03.3", "--apply")
	require.Equal(t, 0, code, out)
	t.Setenv("CGO_ENABLED", "0")

	code, out = runCmd(t, copies, "check", "03.3")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "03.3 At most N clients at once: no verdict.")
	assert.Contains(t, out, "CGO_ENABLED is 0 here")
	assert.Contains(t, out, "sudo apt-get\ninstall gcc")
	_, out = runCmd(t, copies, "list")
	assert.Regexp(t, `(?m)^03\.3  no verdict `, out)
}

// TestCheckReportsALeak: a goroutine left running after the tests is
// reported as such, by its function, and not as code that does not build.
func TestCheckReportsALeak(t *testing.T) {
	copies := t.TempDir()
	code, out := runCmd(t, copies, "solution", "01.1", "--apply")
	require.Equal(t, 0, code, out)
	server := filepath.Join(copies, "01.1", "server.go")
	src, err := os.ReadFile(server)
	require.NoError(t, err)
	leaky := strings.Replace(string(src), "\tbuf := make(", "\tgo func() { select {} }()\n\tbuf := make(", 1)
	require.NotEqual(t, string(src), leaky)
	require.NoError(t, os.WriteFile(server, []byte(leaky), 0o644))

	code, out = runCmd(t, copies, "check", "01.1")
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "01.1 Echo once, then hang up: not yet.")
	assert.Contains(t, out, "It leaves goroutines running after the tests end (goleak):")
	assert.Regexp(t, `\d+ goroutines: handle\.func\d+ at server\.go:\d+ \(select \(no cases\)\), `+
		`started by handle at server\.go:\d+`, out)
	assert.NotContains(t, out, "does not build")
}
