package main

import (
	"bytes"
	"html"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// root is the repository, whose site these tests build.
const root = "../.."

// rendered returns the site of the repository, rendered once for all the
// tests that read it: a render takes seconds under the race detector.
var rendered = sync.OnceValues(func() (*site, error) {
	s, err := newSite(root)
	if err != nil {
		return nil, err
	}
	return s, s.render()
})

// TestTwoBuildsAreTheSame: the site is a function of the tree, so that
// a copy on a USB stick is the copy on the projector.
func TestTwoBuildsAreTheSame(t *testing.T) {
	one, err := rendered()
	require.NoError(t, err)
	two, err := newSite(root)
	require.NoError(t, err)
	require.NoError(t, two.render())
	require.ElementsMatch(t, slices.Collect(maps.Keys(one.out)), slices.Collect(maps.Keys(two.out)))
	for name, content := range one.out {
		assert.True(t, bytes.Equal(content, two.out[name]), "%s differs between two builds", name)
	}
}

var (
	reference = regexp.MustCompile(`<(\w+)[^>]*?\s(?:href|src)="([^"]*)"`)
	anchor    = regexp.MustCompile(`\sid="([^"]*)"`)
)

// TestEveryLinkResolvesAndNothingComesFromTheNetwork opens the site as a
// browser would, offline: each link inside it leads to a page that is
// there, and to an element of that page if it names one; a stylesheet, a
// script or an image comes from the site's own folder; a link out (to
// go.dev, say) is only ever an <a> that the reader may follow.
func TestEveryLinkResolvesAndNothingComesFromTheNetwork(t *testing.T) {
	s, err := rendered()
	require.NoError(t, err)
	site := s.out
	ids := map[string]map[string]bool{}
	for name, b := range site {
		ids[name] = map[string]bool{}
		for _, m := range anchor.FindAllSubmatch(b, -1) {
			ids[name][html.UnescapeString(string(m[1]))] = true
		}
	}
	links := 0
	for name, b := range site {
		for _, m := range reference.FindAllSubmatch(b, -1) {
			tag, ref := string(m[1]), html.UnescapeString(string(m[2]))
			u, err := url.Parse(ref)
			require.NoError(t, err, "%s: %s", name, ref)
			if u.Scheme != "" || u.Host != "" {
				assert.Equal(t, "a", tag, "%s loads %s from the network", name, ref)
				continue
			}
			links++
			target := name
			if u.Path != "" {
				target = u.Path
			}
			if !assert.Contains(t, site, target, "%s links to %s, which is not in the site", name, ref) {
				continue
			}
			if u.Fragment != "" {
				assert.True(t, ids[target][u.Fragment], "%s links to %s, which has no element #%s", name, target, u.Fragment)
			}
		}
	}
	require.Greater(t, links, 1000, "the pages link to each other, and to their own lines")
	css := string(site["style.css"])
	assert.NotContains(t, css, "url(", "style.css loads something")
	assert.NotContains(t, css, "@import", "style.css loads something")
	t.Logf("%d files, %d links inside the site", len(site), links)
}

// TestDiffsShowWhatDiffShows runs diff -ruN, with each diff page's -x
// patterns, on the two steps of the page: the page shows the same files,
// and for each file the same hunks. Within a hunk, it deletes and adds as
// many lines as diff --minimal does: by default GNU diff takes shortcuts
// on a large change, and may print more lines than it must.
func TestDiffsShowWhatDiffShows(t *testing.T) {
	if _, err := exec.LookPath("diff"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("no diff on PATH to compare with: install diffutils")
		}
		t.Skip("no diff on PATH to compare with: install diffutils")
	}
	s, err := rendered()
	require.NoError(t, err)
	require.NotEmpty(t, s.diffs)
	for _, p := range s.diffs {
		t.Run(p.Old.Name+"-"+p.New.Name, func(t *testing.T) {
			plain, minimal := diff(t, p), diff(t, p, "--minimal")
			var names []string
			for _, f := range p.Files {
				names = append(names, f.Name)
				var headers []string
				var counts [][2]int
				for _, b := range f.Blocks {
					if b.Header == "" {
						continue // a fold of unchanged lines
					}
					headers = append(headers, b.Header)
					var c [2]int
					for _, r := range b.Rows {
						c[0] += btoi(r.Kind == "change" || r.Kind == "del")
						c[1] += btoi(r.Kind == "change" || r.Kind == "add")
					}
					counts = append(counts, c)
				}
				assert.Equal(t, headersOf(plain[f.Name]), headers, "%s: the hunks", f.Name)
				assert.Equal(t, changes(minimal[f.Name]), counts, "%s: lines deleted and added, hunk by hunk", f.Name)
			}
			assert.ElementsMatch(t, slices.Collect(maps.Keys(plain)), names, "the files that differ")
		})
	}
}

// diff runs diff -ruN on the steps of p, as p's page says, and returns
// its hunks for each file, by its name inside the step.
func diff(t *testing.T, p *pair, flags ...string) map[string]string {
	t.Helper()
	args := append([]string{"-ruN"}, flags...)
	for _, x := range p.New.Exclude {
		args = append(args, "-x", x)
	}
	cmd := exec.Command("diff", append(args, p.Old.Name, p.New.Name)...)
	cmd.Dir = root
	out, err := cmd.Output()
	var exit *exec.ExitError
	require.ErrorAs(t, err, &exit, "the steps differ, so diff exits with 1")
	files := map[string]string{}
	for _, part := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\ndiff ") {
		_, rest, ok := strings.Cut(part, "\n+++ ")
		if !ok {
			continue
		}
		name, hunks, _ := strings.Cut(rest, "\n")
		name, _, _ = strings.Cut(name, "\t") // the date
		_, name, _ = strings.Cut(name, "/")  // the step
		files[name] = hunks + "\n"
	}
	return files
}

// changes counts the lines that each hunk deletes and adds.
func changes(hunks string) (counts [][2]int) {
	for line := range strings.Lines(hunks) {
		switch {
		case strings.HasPrefix(line, "@@ "):
			counts = append(counts, [2]int{})
		case strings.HasPrefix(line, "-"):
			counts[len(counts)-1][0]++
		case strings.HasPrefix(line, "+"):
			counts[len(counts)-1][1]++
		}
	}
	return counts
}

func headersOf(hunks string) []string {
	var headers []string
	for line := range strings.Lines(hunks) {
		if strings.HasPrefix(line, "@@ ") {
			headers = append(headers, strings.TrimSuffix(line, "\n"))
		}
	}
	return headers
}
