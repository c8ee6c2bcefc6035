package e2e

import (
	"cmp"
	"context"
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSite opens the site that tools/site renders, as a learner does
// who has no network: from file://, in a real Chromium. The site takes
// seconds to render, so it is rendered once, and each theme is a
// subtest that starts a browser of its own.
func TestSite(t *testing.T) {
	findBrowser(t) // skip before the render, not after it
	s := site{dir: buildSite(t)}
	paths, err := filepath.Glob(filepath.Join(s.dir, "*.html"))
	require.NoError(t, err)
	for _, path := range paths {
		s.pages = append(s.pages, filepath.Base(path))
	}
	require.Contains(t, s.pages, "index.html")
	for _, tt := range []struct {
		name string
		test func(*testing.T, site)
	}{
		{"LoadsNothingFromTheNetwork", loadsNothingFromTheNetwork},
		{"DiffPutsNewLinesBesideOld", diffPutsNewLinesBesideOld},
		{"ArrowKeysTurnPages", arrowKeysTurnPages},
		{"FollowsTheDarkTheme", followsTheDarkTheme},
		{"FitsANarrowScreen", fitsANarrowScreen},
	} {
		t.Run(tt.name, func(t *testing.T) { tt.test(t, s) })
	}
}

// site is a rendered site: its folder, and the names of its pages.
type site struct {
	dir   string
	pages []string
}

// url returns the file:// address of a page of the site.
func (s site) url(page string) string {
	return (&url.URL{Scheme: "file", Path: filepath.Join(s.dir, page)}).String()
}

// buildSite renders the site into a temporary folder, as go run
// ./tools/site does, and returns the folder.
func buildSite(t *testing.T) string {
	t.Helper()
	uncached() // the site is made of files outside this module
	dir := t.TempDir()
	cmd := exec.Command("go", "run", "./tools/site", "-o", dir)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go run ./tools/site -o %s:\n%s", dir, out)
	return dir
}

// loadsNothingFromTheNetwork opens every page in turn, in one tab, and
// fails on any request that leaves file:// and on any error the console
// shows: an exception, a console.error, or the browser's own complaint,
// such as a file that is not there.
func loadsNothingFromTheNetwork(t *testing.T, s site) {
	tab := openTab(t)
	var (
		mu       sync.Mutex
		page     string // the page being opened, to name in a failure
		problems []string
	)
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, page+": "+fmt.Sprintf(format, args...))
	}
	// Listen, not Events: it sees an event before the Navigate that
	// caused it returns, so the event is blamed on the right page. (One
	// that comes later, from a timer, is blamed on the page after.)
	require.NoError(t, chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(ev.Request.URL, "file://") {
				report("request to %s", ev.Request.URL)
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			text := d.Text
			if d.Exception != nil {
				text += " " + d.Exception.Description
			}
			report("exception at %s:%d: %s", d.URL, d.LineNumber+1, text)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, cmp.Or(a.Description, string(a.Value)))
				}
				report("console.error: %s", strings.Join(args, " "))
			}
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				report("%s error: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		}
	}))
	for _, p := range s.pages {
		mu.Lock()
		page = p
		mu.Unlock()
		require.NoError(t, chromedp.Do(tab, chromedp.Navigate(s.url(p))), p)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, problem := range problems {
		t.Error(problem)
	}
}

// diffPutsNewLinesBesideOld checks, in step03's diff against step02,
// that a changed line of server.go stands in the right column, on the
// same row as the line it replaces, and that an added line has an empty
// left side. The window is wide, as the two columns need.
func diffPutsNewLinesBesideOld(t *testing.T, s site) {
	tab := openTab(t)
	require.NoError(t, chromedp.Do(tab,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(s.url("diff-step02-loop-step03-goroutines.html"))))
	type cells struct {
		Old, New, AddClass, AddedOld, AddedNew string
		OldRight, NewLeft, OldTop, NewTop      float64
	}
	got, err := chromedp.Run(tab, chromedp.Evaluate[*cells](`(() => {
		const file = document.getElementById("diff-server.go");
		const rows = [...file.querySelectorAll(".row")];
		const text = (row, side) => row.querySelector("." + side).textContent;
		const row = rows.find(r => r.classList.contains("change") &&
			text(r, "new").includes("wg.Go(func() { handle(ctx, conn) })"));
		const added = rows.find(r => text(r, "new").trim() === "var wg sync.WaitGroup");
		if (!row || !added) return null;
		const o = row.querySelector(".old").getBoundingClientRect();
		const n = row.querySelector(".new").getBoundingClientRect();
		return {
			Old: text(row, "old"), New: text(row, "new"),
			OldRight: o.right, NewLeft: n.left, OldTop: o.top, NewTop: n.top,
			AddClass: added.className, AddedOld: text(added, "old"), AddedNew: text(added, "new"),
		};
	})()`))
	require.NoError(t, err)
	require.NotNil(t, got, "no changed row with wg.Go, or no added var wg, in #diff-server.go")
	assert.Contains(t, got.Old, "handle(ctx, conn) // while this runs")
	assert.Greater(t, got.NewLeft, got.OldRight, "the new line is in the right column")
	assert.Equal(t, got.OldTop, got.NewTop, "the old and the new line share a row")
	assert.Equal(t, "row add", got.AddClass, "an added line: %q", got.AddedNew)
	assert.Empty(t, got.AddedOld, "an added line has nothing on the left")
}

// arrowKeysTurnPages presses the right arrow on the index, which must
// go to the page its link rel=next names, and then the left arrow,
// which must come back.
func arrowKeysTurnPages(t *testing.T, s site) {
	tab := openTab(t)
	index := s.url("index.html")
	require.NoError(t, chromedp.Do(tab, chromedp.Navigate(index)))
	next, err := chromedp.Run(tab, chromedp.Evaluate[string](
		`document.querySelector('link[rel="next"]').href`))
	require.NoError(t, err)
	require.NotEqual(t, index, next)

	for _, turn := range []struct{ key, want string }{
		{kb.ArrowRight, next},
		{kb.ArrowLeft, index},
	} {
		// RunResponse waits for the page that the key opens to load, and
		// so for its site.js, which the next key needs.
		ctx, cancel := context.WithTimeout(tab, arrives)
		_, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(turn.key))
		cancel()
		require.NoError(t, err, "no page opened after the key, wanted %s", turn.want)
		at, err := chromedp.Run(tab, chromedp.Location())
		require.NoError(t, err)
		assert.Equal(t, turn.want, at)
	}
}

// followsTheDarkTheme reads the colours of a step page under a light
// and then a dark system theme: the background and a keyword of the
// code must change, and the dark background must be dark.
func followsTheDarkTheme(t *testing.T, s site) {
	tab := openTab(t)
	require.NoError(t, chromedp.Do(tab, chromedp.Navigate(s.url("step03-goroutines.html"))))
	type colours struct{ Background, Keyword string }
	read := func(scheme string) colours {
		_, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		require.NoError(t, err)
		// getComputedStyle applies the new media before it answers.
		c, err := chromedp.Run(tab, chromedp.Evaluate[*colours](`(() => {
			const kd = document.querySelector(".chroma .kd");
			return kd && {
				Background: getComputedStyle(document.body).backgroundColor,
				Keyword: getComputedStyle(kd).color,
			};
		})()`))
		require.NoError(t, err)
		require.NotNil(t, c, "no .chroma .kd keyword on the page")
		return *c
	}
	light, dark := read("light"), read("dark")
	assert.Equal(t, "rgb(255, 255, 255)", light.Background)
	assert.Equal(t, "rgb(13, 17, 23)", dark.Background)
	assert.NotEqual(t, light.Keyword, dark.Keyword, "keyword colour")
}

// fitsANarrowScreen opens every page in a window 400 px wide, a phone's,
// where no page may scroll sideways. A failure names the page, and the
// innermost elements that reach past the window and so widen the page.
func fitsANarrowScreen(t *testing.T, s site) {
	tab := openTab(t)
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(400, 800)))
	type width struct {
		Scroll, Client int
		Wide           []string
	}
	for _, p := range s.pages {
		require.NoError(t, chromedp.Do(tab, chromedp.Navigate(s.url(p))), p)
		// An element inside a box that scrolls (a table does) widens
		// only that box; the spaces that end a line of a pre hang past
		// the page's width without widening it.
		w, err := chromedp.Run(tab, chromedp.Evaluate[width](`(() => {
			const html = document.documentElement;
			const scroll = html.scrollWidth, client = html.clientWidth;
			if (scroll <= client) return {Scroll: scroll, Client: client};
			const right = e => e.getBoundingClientRect().right;
			const boxed = e => e.parentElement !== document.body &&
				(getComputedStyle(e.parentElement).overflowX !== "visible" || boxed(e.parentElement));
			const wide = [...document.body.querySelectorAll("*")].filter(e =>
				right(e) > client && right(e) <= scroll + 1 && !boxed(e));
			const name = e => [e.localName, ...e.classList].join(".");
			return {Scroll: scroll, Client: client, Wide: wide
				.filter(e => !wide.some(o => o !== e && e.contains(o)))
				.sort((a, b) => right(b) - right(a)).slice(0, 3)
				.map(e => name(e.parentElement) + " > " + name(e) + " " + JSON.stringify(e.textContent.slice(0, 40)))};
		})()`))
		require.NoError(t, err, p)
		assert.LessOrEqual(t, w.Scroll, w.Client, "%s scrolls sideways; too wide: %v", p, w.Wide)
	}
}
