package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func TestGoVersion(t *testing.T) {
	for _, tt := range []struct {
		version string
		want    status
	}{
		{"go1.26.0", ok},
		{"go1.26.8", ok},
		{"go1.27rc1", ok},
		{"go1.25.5", fail},
		{"devel go1.27-abcdef", note},
	} {
		t.Run(tt.version, func(t *testing.T) {
			assert.Equal(t, tt.want, checkGo(tt.version).status)
		})
	}
}

func TestModulesInTheCache(t *testing.T) {
	dir, env := workspace(t)
	out, err := runGo(dir, env, "mod", "download")
	require.NoError(t, err, "go mod download: %s", out)

	r := checkModules(dir, env)

	assert.Equal(t, ok, r.status, r.text)
	assert.Contains(t, r.text, "all 1 modules")
	assert.Contains(t, r.text, "offline")
}

func TestModulesNotInTheCache(t *testing.T) {
	dir, env := workspace(t) // and nothing downloaded

	r := checkModules(dir, env)

	assert.Equal(t, fail, r.status)
	assert.Contains(t, r.text, "1 packages that the steps and tools import "+
		"are not in the module cache (example.com/dep)")
	assert.Contains(t, r.text, "while online, run go mod download")
}

func TestModulesOutsideTheWorkspace(t *testing.T) {
	r := checkModules(t.TempDir(), []string{"GOWORK=off"})

	assert.Equal(t, fail, r.status)
	assert.Contains(t, r.text, "run the doctor from the root of the repository")
}

func TestRace(t *testing.T) {
	// Any executable will do as the C compiler: the check only looks for it.
	compiler, err := os.Executable()
	require.NoError(t, err)

	for _, tt := range []struct {
		name string
		env  []string
		want status
		text string
	}{
		{"works with cgo and a C compiler",
			[]string{"CGO_ENABLED=1", "CC=" + compiler}, ok, compiler},
		{"needs a C compiler",
			[]string{"CGO_ENABLED=1", "CC=no-such-cc"}, fail, "no C compiler (no-such-cc)"},
		{"needs cgo",
			[]string{"CGO_ENABLED=0", "CC=" + compiler}, fail, "CGO_ENABLED is 0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := checkRace(tt.env)

			assert.Equal(t, tt.want, r.status, r.text)
			assert.Contains(t, r.text, tt.text)
		})
	}
}

func TestFreePort(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(t, ln.Close())

	r := checkPort(port)

	assert.Equal(t, ok, r.status, r.text)
}

func TestTakenPort(t *testing.T) {
	port := listen(t, "127.0.0.1")

	r := checkPort(port)

	assert.Equal(t, fail, r.status)
	assert.Contains(t, r.text, "taken by another program: pass -addr 127.0.0.1:")
}

func TestPortTakenOnAnotherAddress(t *testing.T) {
	// As AirPlay on macOS takes port 5000: 127.0.0.1 is free, but a
	// browser that asks for localhost may reach the other program.
	if ln, err := net.Listen("tcp", "[::1]:0"); err != nil {
		t.Skip("no IPv6 loopback here:", err)
	} else {
		ln.Close()
	}
	port := listen(t, "::1")

	r := checkPort(port)

	assert.Equal(t, fail, r.status, r.text)
}

func TestExitStatus(t *testing.T) {
	port := listen(t, "127.0.0.1")
	var out, errs bytes.Buffer

	code := run([]string{"-ports", strconv.Itoa(port)}, &out, &errs)

	assert.Equal(t, 1, code)
	assert.Contains(t, out.String(), "FAIL  port "+strconv.Itoa(port))
	assert.Contains(t, out.String(), "not ready")

	assert.Equal(t, 2, run([]string{"-ports", "9000,x"}, &out, &errs))
	assert.Contains(t, errs.String(), `bad port "x"`)
}

func TestReport(t *testing.T) {
	var out bytes.Buffer
	r := newReport(&out)
	r.add(result{ok, "go", "go1.26.8"})
	r.add(result{note, "nc", "not found (optional)"})
	assert.True(t, r.end(), "a note is not a failure")
	assert.Equal(t, "ok    go         go1.26.8\n"+
		"note  nc         not found (optional)\n"+
		"ready for the core path\n", out.String())

	out.Reset()
	r = newReport(&out)
	r.add(result{fail, "port 9000", "taken"}, result{ok, "curl", "/usr/bin/curl"})
	assert.False(t, r.end())
	assert.Contains(t, out.String(), "not ready")
}

// listen takes a free port on host for the rest of the test, as another
// program would, and returns it.
func listen(t *testing.T, host string) int {
	t.Helper()
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

func write(t *testing.T, path, data string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(data), 0o644))
}

// The module example.com/dep v1.0.0, as a module proxy serves it: a
// file:// GOPROXY can serve it to go mod download.
var depFiles = map[string]string{
	"list":        "v1.0.0\n",
	"v1.0.0.info": `{"Version":"v1.0.0","Time":"2026-01-01T00:00:00Z"}`,
	"v1.0.0.mod":  "module example.com/dep\n\ngo 1.26.0\n",
}

// workspace makes a workspace whose one module, m, imports a package of
// example.com/dep; and an empty module cache of its own, with a proxy
// that holds example.com/dep. It returns the workspace's folder, and
// the environment that the go command needs to use those: the machine's
// own module cache is never looked at.
func workspace(t *testing.T) (dir string, env []string) {
	t.Helper()
	proxy := t.TempDir()
	at := filepath.Join(proxy, "example.com", "dep", "@v")
	for name, data := range depFiles {
		write(t, filepath.Join(at, name), data)
	}
	var zipped bytes.Buffer
	zw := zip.NewWriter(&zipped)
	for name, data := range map[string]string{
		"go.mod": depFiles["v1.0.0.mod"],
		"dep.go": "package dep\n",
	} {
		w, err := zw.Create("example.com/dep@v1.0.0/" + name)
		require.NoError(t, err)
		_, err = w.Write([]byte(data))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	write(t, filepath.Join(at, "v1.0.0.zip"), zipped.String())

	env = []string{
		"GOFLAGS=-modcacherw", // or t.TempDir could not remove it
		"GOPROXY=file://" + filepath.ToSlash(proxy),
		"GOSUMDB=off",
	}
	dir = t.TempDir()
	write(t, filepath.Join(dir, "go.work"), "go 1.26.0\n\nuse ./m\n")
	write(t, filepath.Join(dir, "m", "go.mod"),
		"module m\n\ngo 1.26.0\n\nrequire example.com/dep v1.0.0\n")
	write(t, filepath.Join(dir, "m", "m.go"),
		"package m\n\nimport _ \"example.com/dep\"\n")

	// go.sum: the checksums that go mod download computes, in a module
	// cache of its own.
	out, err := runGo(dir, append(env, "GOMODCACHE="+t.TempDir()),
		"mod", "download", "-json", "example.com/dep@v1.0.0")
	require.NoError(t, err, "go mod download: %s", out)
	var sums struct{ Sum, GoModSum string }
	require.NoError(t, json.Unmarshal(out, &sums))
	write(t, filepath.Join(dir, "m", "go.sum"),
		"example.com/dep v1.0.0 "+sums.Sum+"\n"+
			"example.com/dep v1.0.0/go.mod "+sums.GoModSum+"\n")
	return dir, append(env, "GOMODCACHE="+t.TempDir()) // empty
}
