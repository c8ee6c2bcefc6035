package main

import (
	"context"
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
// Then it asks the admin app for its name.
func TestABrowserAddsATask(t *testing.T) {
	addr, _ := startServer(t)
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

	// The same browser reaches the other app, mounted under /admin/.
	require.NoError(t, chromedp.Do(tab,
		chromedp.Navigate("http://"+addr+"/admin/index")))
	name, err := chromedp.Run(tab, chromedp.Text(chromedp.CSS("body")))
	require.NoError(t, err)
	assert.Equal(t, "admin", strings.TrimSpace(name))
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
