package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserTimeout bounds the whole browser test: starting Chromium on a
// busy machine takes seconds, so it is generous.
const browserTimeout = 60 * time.Second

// TestABrowserAddsATask does what the original promised, "let a browser
// reach the server": a real Chromium opens the page, fills in the form,
// submits it, and finds the new task in the list it is sent back to.
func TestABrowserAddsATask(t *testing.T) {
	addr, _ := startServer(t, defaults)
	tab := openTab(t)

	err := chromedp.Do(tab,
		chromedp.Navigate("http://"+addr+"/"),
		chromedp.SendKeys(chromedp.CSS(`input[name="id"]`), "task_04"),
		chromedp.SendKeys(chromedp.CSS(`input[name="value"]`), "buy 茶 & <milk>"),
		chromedp.Submit(chromedp.CSS("form")),
		// The new page: the server answered 303, and the browser got /.
		chromedp.WaitVisible(chromedp.CSS(`a[href="/tasks/task_04"]`)),
	)
	require.NoError(t, err)
	list, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS("#tasks")))
	require.NoError(t, err)
	assert.Contains(t, list, "task_04: buy 茶 & <milk>")
	assert.Contains(t, list, "task_01: see someone")
}

// openTab starts a headless Chrome or Chromium, with flags added to its
// usual ones, and returns a tab of it. The browser is killed when the
// test ends, or after browserTimeout.
func openTab(t *testing.T, flags ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	browser := findBrowser(t)
	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	t.Cleanup(cancel)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(
		[]chromedp.ExecAllocatorOption{
			chromedp.ExecPath(browser),
			chromedp.Headless,
			chromedp.NoSandbox, // Chromium refuses to run as root without it
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.UserDataDir(t.TempDir()), // a fresh profile every run
			// Chromium reaches for Google's servers in the background,
			// and on a machine without a network it stalls on them.
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
		}, flags...)...)
	// The cancel of an allocator kills the browser and waits until it
	// has exited, and with it every goroutine that chromedp started.
	t.Cleanup(cancelAlloc)
	tab, cancelTab := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelTab)
	return tab
}

// findBrowser returns the path of a Chrome or Chromium. Without one, the
// test is skipped, unless the environment variable CI is set: CI must
// run it.
func findBrowser(t *testing.T) string {
	t.Helper()
	names := []string{"chromium", "chromium-browser", "google-chrome",
		"google-chrome-stable", "chrome", "headless-shell"}
	for _, name := range names {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set and no browser was found (looked for %v): "+
			"install one, for example apt-get install chromium", names)
	}
	t.Skipf("no Chrome or Chromium found (looked for %v); "+
		"install one, for example apt-get install chromium", names)
	return ""
}

// TestABrowserIsRefusedWhatAnotherSiteAsks plays both attacks in a real
// Chromium. It is told that evil.example is 127.0.0.1, as a rebinding
// DNS server would tell it, and visits a page there that holds a form
// posting to the server. The form is refused, and so is the server
// itself, reached under that name.
func TestABrowserIsRefusedWhatAnotherSiteAsks(t *testing.T) {
	addr, _ := startServer(t, defaults)
	_, port, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	evil := httptest.NewServer(http.HandlerFunc(
		func(w http.ResponseWriter, _ *http.Request) {
			fmt.Fprintf(w, `<!doctype html>
<form method="post" action="http://%s/tasks">
<input name="id" value="task_09"><input name="value" value="spam">
</form>`, addr)
		}))
	defer evil.Close()
	_, evilPort, err := net.SplitHostPort(evil.Listener.Addr().String())
	require.NoError(t, err)
	tab := openTab(t, chromedp.Flag("host-resolver-rules",
		"MAP evil.example 127.0.0.1"))

	// A page on another site submits its form to the server.
	require.NoError(t, chromedp.Do(tab,
		chromedp.Navigate("http://evil.example:"+evilPort+"/")))
	resp, err := chromedp.RunResponse(tab,
		chromedp.Submit(chromedp.CSS("form")))
	require.NoError(t, err)
	assert.EqualValues(t, http.StatusForbidden, resp.Status)
	assert.Equal(t, strings.TrimSpace(crossSite), pageText(t, tab))
	got := connect(t, addr).do("GET", "/tasks/task_09", "")
	assert.Equal(t, http.StatusNotFound, got.status, "nothing stored")

	// A page at evil.example, now 127.0.0.1, reads the server.
	resp, err = chromedp.Run(tab,
		chromedp.NavigateResponse("http://evil.example:"+port+"/"))
	require.NoError(t, err)
	assert.EqualValues(t, http.StatusMisdirectedRequest, resp.Status)
	assert.Contains(t, pageText(t, tab), `"evil.example:`+port+`"`)
}

// pageText returns the text of the page that tab shows.
func pageText(t *testing.T, tab context.Context) string {
	t.Helper()
	text, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS("body")))
	require.NoError(t, err)
	return strings.TrimSpace(text)
}
