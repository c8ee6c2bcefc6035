package main

import (
	"bytes"
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
	// A workspace that needs what this module needs: those modules are in
	// the cache, or this test would not have been built.
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.work"), "go 1.26.0\n\nuse ./m\n")
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", name))
		require.NoError(t, err)
		write(t, filepath.Join(dir, "m", name), string(data))
	}

	r := checkModules(dir, nil)

	assert.Equal(t, ok, r.status, r.text)
	assert.Contains(t, r.text, "offline")
}

func TestModulesNotInTheCache(t *testing.T) {
	// An empty module cache is a machine that has never downloaded them.
	env := []string{"GOMODCACHE=" + t.TempDir(), "GOFLAGS=-modcacherw"}

	r := checkModules(".", env)

	assert.Equal(t, fail, r.status)
	assert.Contains(t, r.text, "modules are not in the module cache")
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
	ready := report(&out, []result{
		{ok, "go", "go1.26.8"},
		{note, "nc", "not found (optional)"},
	})
	assert.True(t, ready, "a note is not a failure")
	assert.Equal(t, "ok    go         go1.26.8\n"+
		"note  nc         not found (optional)\n"+
		"ready for the core path\n", out.String())

	out.Reset()
	assert.False(t, report(&out, []result{{fail, "port 9000", "taken"}}))
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
