package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMergeDecls(t *testing.T) {
	src := `package main

import (
	"fmt"
	"strings"
)

// Hello greets.
func Hello() { fmt.Println("hello") }

type T struct{ n int } // a trailing comment

// Get returns n.
func (t *T) Get() int { return t.n }

func Shout(s string) string { return strings.ToUpper(s) }
`
	frag := `package main

import "errors"

// Get fails.
func (t *T) Get() int { panic(errors.New("not yet")) }

type T struct{ m int }

// New is added.
func New() *T { return &T{} }
`
	want := `package main

import (
	"errors"
	"fmt"
	"strings"
)

// Hello greets.
func Hello() { fmt.Println("hello") }

type T struct{ m int }

// Get fails.
func (t *T) Get() int { panic(errors.New("not yet")) }

func Shout(s string) string { return strings.ToUpper(s) }

// New is added.
func New() *T { return &T{} }
`
	got, err := mergeDecls([]byte(src), []byte(frag))
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

func TestMergeDeclsDropsImportsNoLongerUsed(t *testing.T) {
	src := `package main

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

func Serve(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	g, ctx := errgroup.WithContext(ctx)
	return g.Wait()
}
`
	frag := `package main

func Serve(ctx context.Context) error {
	return nil // TODO
}
`
	want := `package main

import (
	"context"
)

func Serve(ctx context.Context) error {
	return nil // TODO
}
`
	got, err := mergeDecls([]byte(src), []byte(frag))
	require.NoError(t, err)
	assert.Equal(t, want, string(got))
}

func TestMergeDeclsNamesMethodsOfGenericTypes(t *testing.T) {
	src := "package main\n\nfunc (s *Stack[T]) Pop() (T, bool) { return s.pop() }\n"
	frag := "package main\n\nfunc (s *Stack[T]) Pop() (T, bool) { var zero T; return zero, false }\n"
	got, err := mergeDecls([]byte(src), []byte(frag))
	require.NoError(t, err)
	assert.NotContains(t, string(got), "s.pop()")
	assert.Contains(t, string(got), "return zero, false")
}
