package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// Waits for something that must arrive are generous, so that a busy
// machine does not fail a correct server; the wait for something that
// must not arrive is short, because it is spent on every run.
const (
	arrives    = 10 * time.Second
	nothingFor = 200 * time.Millisecond
)

// root is the root of the repository, where the steps are.
const root = ".."

// servers holds the path of each step's built server, by the step's
// folder name. TestMain fills it before any test runs.
var servers map[string]string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

// run builds the steps, runs the tests, and checks that they left no
// goroutine behind; it returns the exit status.
func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "e2e-steps-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	servers, err = build(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	code := m.Run()
	os.WriteFile(lastRun, []byte(time.Now().String()+"\n"), 0o644)
	if code != 0 {
		return code
	}
	if err := goleak.Find(); err != nil {
		fmt.Fprintln(os.Stderr, "goleak:", err)
		return 1
	}
	return 0
}

// stepNames returns the folders of the steps, stepNN-name, in order. A
// step is a folder with a go.mod of its own: the tests never import it.
func stepNames() ([]string, error) {
	mods, err := filepath.Glob(filepath.Join(root, "step[0-9][0-9]-*", "go.mod"))
	if err != nil || len(mods) == 0 {
		return nil, fmt.Errorf("no stepNN-*/go.mod in %s (%v)", root, err)
	}
	var names []string
	for _, mod := range mods {
		names = append(names, filepath.Base(filepath.Dir(mod)))
	}
	slices.Sort(names)
	return names, nil
}

// build builds every step's server into dir, in one go build from the
// root, as go run ./stepNN-name would build it; with -race when these
// tests run with it. It returns the servers' paths by step.
func build(dir string) (map[string]string, error) {
	names, err := stepNames()
	if err != nil {
		return nil, err
	}
	args := []string{"build", "-o", dir + string(filepath.Separator)}
	if race {
		args = append(args, "-race")
	}
	paths := make(map[string]string)
	for _, name := range names {
		args = append(args, "./"+name)
		paths[name] = filepath.Join(dir, name) // go build names it so
	}
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return paths, nil
}

// lastRun is a file that every run opens and then rewrites, so that go
// test never caches a result of this package. go test reuses a passing
// result until a file the tests opened changes, but it watches only the
// files of this module: the steps, their READMEs and the servers built
// from them are outside it. It does not cache a run that opened a file
// changed in the last few seconds, as lastRun is when the run ends.
const lastRun = ".last-run" // git ignores it

// uncached opens lastRun from a test (go test records only what the
// tests open, not TestMain), once per run.
var uncached = sync.OnceFunc(func() {
	if f, err := os.Open(lastRun); err == nil {
		f.Close()
	}
})

// steps returns the steps, in order.
func steps(t *testing.T) []string {
	t.Helper()
	uncached()
	names, err := stepNames()
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// readme returns the README.md of step.
func readme(t *testing.T, step string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, step, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// need fails the test if it needs a program that is missing under CI,
// where every check must run, and skips it otherwise, saying what to
// install.
func need(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set, and " + msg)
	}
	t.Skip(msg)
}
