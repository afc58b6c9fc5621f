package httpserver

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests drive headless Chromium through the pages: they skip
// when no Chromium is found, unless CI=true, when they fail.

// chromium returns the path of the browser: $TWINTRACK_CHROMIUM, else
// chromium or chromium-browser on $PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("TWINTRACK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but no Chromium: set TWINTRACK_CHROMIUM or install chromium")
	}
	t.Skip("no Chromium found (set TWINTRACK_CHROMIUM)")
	return ""
}

// browser is one headless Chromium shared by the browser tests; each
// test opens its own tab. TestMain closes it.
var browser struct {
	once   sync.Once
	ctx    context.Context
	cancel func()
	dir    string
	err    error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if browser.cancel != nil {
		browser.cancel()
		os.RemoveAll(browser.dir)
	}
	os.Exit(code)
}

// startBrowser starts the shared browser with a fresh profile directory.
func startBrowser(path string) {
	browser.dir, browser.err = os.MkdirTemp("", "twintrack-chromium-")
	if browser.err != nil {
		return
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(browser.dir),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	browser.ctx, browser.cancel = ctx, func() { cancelCtx(); cancelAlloc() }
	if err := chromedp.Do(ctx); err != nil {
		browser.err = fmt.Errorf("start %s: %w", path, err)
	}
}

// browse starts the server over the fixtures on 127.0.0.1:0 and opens a
// tab of the shared headless Chromium, and returns the tab's context and
// the server's URL.
func browse(t *testing.T) (context.Context, string) {
	t.Helper()
	path := chromium(t)
	browser.once.Do(func() { startBrowser(path) })
	if browser.err != nil {
		t.Fatal(browser.err)
	}
	s, err := New(Config{Store: newMemStore(t)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	tab, cancelTab := chromedp.NewContext(browser.ctx)
	ctx, cancelTimeout := context.WithTimeout(tab, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelTab() })
	return ctx, "http://" + ln.Addr().String()
}

// count returns how many elements match a CSS selector on the page.
func count(ctx context.Context, sel string) (int, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
}

func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// marks returns the text of the source, verb and target <mark>s inside the
// element sel.
func marks(ctx context.Context, sel string) ([3]string, error) {
	var m [3]string
	for i, part := range []string{"source", "verb", "target"} {
		var err error
		if m[i], err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel+" mark."+part))); err != nil {
			return m, err
		}
	}
	return m, nil
}

func TestBrowserEvents(t *testing.T) {
	ctx, base := browse(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/events"), chromedp.WaitVisible(chromedp.CSS("li.event"))); err != nil {
		t.Fatal(err)
	}
	if n, err := count(ctx, "li.event"); err != nil || n != 9 {
		t.Errorf("events page shows %d events (%v), want 9", n, err)
	}

	// Filter by source and text through the form.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.CSS(`input[name="source"]`), "JPNGOV"),
		chromedp.SetValue(chromedp.CSS(`input[name="text"]`), "opposition"),
		chromedp.Click(chromedp.CSS(`form.filters button`)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="source"][value="JPNGOV"]`)),
	); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(loc, "source=JPNGOV") || !strings.Contains(loc, "text=opposition") {
		t.Errorf("after filtering the URL is %s, want source and text in it", loc)
	}
	if n, err := count(ctx, "li.event"); err != nil || n != 2 {
		t.Errorf("filtered page shows %d events (%v), want 2 (e01, e09)", n, err)
	}
	m, err := marks(ctx, "#ev-e09 .sentence")
	if err != nil {
		t.Fatal(err)
	}
	if want := [3]string{"Japanese diplomats", "met", "Cambodia's opposition"}; m != want {
		t.Errorf("list marks %q, want %q", m, want)
	}

	// Click an event: its page shows the evidence and its reports.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#ev-e01 a.open`)),
		chromedp.WaitVisible(chromedp.CSS(`dl.event-detail`)),
	); err != nil {
		t.Fatal(err)
	}
	m, err = marks(ctx, "p.sentence")
	if err != nil {
		t.Fatal(err)
	}
	if want := [3]string{"Tokyo", "hosted", "Cambodian opposition leaders"}; m != want {
		t.Errorf("event page marks %q, want %q", m, want)
	}
	reports, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ul.reports`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(reports, "d1") || !strings.Contains(reports, "Example Wire") {
		t.Errorf("reports %q, want document d1 from Example Wire", reports)
	}
}

// chartDrawn checks that the page has an SVG chart with at least
// minSeries series drawn with the shape mark (rect for bars, polyline for
// lines), and that the browser laid it out with a size.
func chartDrawn(t *testing.T, ctx context.Context, minSeries int, mark string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`figure.chart svg`))); err != nil {
		t.Fatal(err)
	}
	w, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`document.querySelector("figure.chart svg").getBoundingClientRect().width`))
	if err != nil {
		t.Fatal(err)
	}
	if w < 100 {
		t.Errorf("chart is %.0f px wide, want a drawn chart", w)
	}
	if n, err := count(ctx, "figure.chart svg g.series"); err != nil || n < minSeries {
		t.Errorf("chart has %d series (%v), want at least %d", n, err, minSeries)
	}
	if n, err := count(ctx, "figure.chart svg g.series "+mark); err != nil || n < 2 {
		t.Errorf("chart has %d %s in its series (%v), want some", n, mark, err)
	}
}

func TestBrowserDyads(t *testing.T) {
	ctx, base := browse(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/dyads"),
		chromedp.SetValue(chromedp.CSS(`input[name="source"]`), "JPN"),
		chromedp.SetValue(chromedp.CSS(`input[name="target"]`), "KHM"),
		chromedp.Click(chromedp.CSS(`form.filters button`)),
		chromedp.WaitVisible(chromedp.CSS(`section.panel`)),
	); err != nil {
		t.Fatal(err)
	}
	chartDrawn(t, ctx, 4, "rect")
	if n, err := count(ctx, "section.panel figure.chart svg"); err != nil || n != 2 {
		t.Errorf("dyad page has %d charts (%v), want A→B and B→A", n, err)
	}
}

func TestBrowserTracks(t *testing.T) {
	ctx, base := browse(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/tracks"),
		chromedp.SetValue(chromedp.CSS(`input[name="sender"]`), "JPN"),
		chromedp.SetValue(chromedp.CSS(`input[name="target"]`), "KHM"),
		chromedp.Click(chromedp.CSS(`form.filters button`)),
		chromedp.WaitVisible(chromedp.CSS(`table.tracks`)),
	); err != nil {
		t.Fatal(err)
	}
	chartDrawn(t, ctx, 2, "polyline")
	if n, err := count(ctx, "table.tracks tr.twin"); err != nil || n != 2 {
		t.Errorf("%d twin-track periods (%v), want 2 (1990, 1992)", n, err)
	}
	tracksURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	// The evidence is one click away: the 1990 opposition count opens the
	// events behind it, highlighted.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`table.tracks tbody tr a.opp`)),
		chromedp.WaitVisible(chromedp.CSS(`li.event`)),
	); err != nil {
		t.Fatal(err)
	}
	if n, err := count(ctx, "li.event"); err != nil || n != 1 {
		t.Errorf("1990 opposition track lists %d events (%v), want 1", n, err)
	}
	m, err := marks(ctx, "#ev-e01 .sentence")
	if err != nil {
		t.Fatal(err)
	}
	if want := [3]string{"Tokyo", "hosted", "Cambodian opposition leaders"}; m != want {
		t.Errorf("evidence marks %q, want %q", m, want)
	}
	// Back on the table, the examples open in place and lead to the event.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(tracksURL),
		chromedp.WaitVisible(chromedp.CSS(`table.tracks`)),
		chromedp.Click(chromedp.CSS(`details.evidence summary`)),
		chromedp.WaitVisible(chromedp.CSS(`details.evidence[open] a[href="/events/e02"]`)),
		chromedp.Click(chromedp.CSS(`details.evidence[open] a[href="/events/e02"]`)),
		chromedp.WaitVisible(chromedp.CSS(`dl.event-detail`)),
	); err != nil {
		t.Fatal(err)
	}
	if m, err = marks(ctx, "p.sentence"); err != nil {
		t.Fatal(err)
	}
	if want := [3]string{"The Japanese foreign minister", "visited", "the Cambodian government"}; m != want {
		t.Errorf("example marks %q, want %q", m, want)
	}
}

func TestBrowserActor(t *testing.T) {
	ctx, base := browse(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/actors"),
		chromedp.SetValue(chromedp.CSS(`input[name="actor"]`), "KHM"),
		chromedp.Click(chromedp.CSS(`form.filters button`)),
		chromedp.WaitVisible(chromedp.CSS(`ol.partners`)),
	); err != nil {
		t.Fatal(err)
	}
	chartDrawn(t, ctx, 4, "polyline")
	first, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`ol.partners li`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(first, "JPNGOV") || !strings.Contains(first, "(7)") {
		t.Errorf("top partner %q, want JPNGOV (7)", first)
	}
}
