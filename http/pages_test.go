package httpserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// page fetches a page and returns its status and body.
func page(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestPages(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		tests := []struct {
			name, path string
			status     int
			want       []string // substrings of the body
			notWant    []string
		}{
			{"home lists events", "/", 200, []string{
				`<mark class="source" title="source">Tokyo</mark> <mark class="verb" title="verb">hosted</mark> <mark class="target" title="target">Cambodian opposition leaders</mark>`,
				`href="https://example.org/d1"`, "Example Wire", `href="/events/e01"`}, []string{"e06"}},
			{"filtered", "/events?source=USA", 200, []string{"An American envoy"}, []string{"Tokyo"}},
			{"form keeps values", "/events?text=%22%3Cb%3E", 200, []string{`value="&#34;&lt;b&gt;"`}, []string{`"<b>`}},
			{"bad filter", "/events?from=nope", 400, []string{`class="error"`, "from"}, nil},
			{"pager", "/events?limit=2&offset=2", 200, []string{`rel="prev"`, `rel="next"`, "offset=0", "offset=4"}, nil},
			{"event", "/events/e07", 200, []string{`<mark class="verb" title="verb">signed</mark>`, "d7", "d8"}, nil},
			{"missing event", "/events/nope", 404, []string{"not found"}, nil},
			{"dyads form", "/dyads", 200, []string{`name="source"`}, []string{"<svg"}},
			{"dyads", "/dyads?source=JPN&target=KHM", 200, []string{`<figure class="chart"><svg`, "<rect", "JPN → KHM", "KHM → JPN",
				`data-name="verbal cooperation"`}, nil},
			{"dyads bad", "/dyads?source=JPN", 400, []string{"required"}, []string{"<svg"}},
			{"tracks", "/tracks?sender=JPN&target=KHM", 200, []string{"<svg", `data-name="government"`, `data-name="opposition"`, "<polyline",
				`<details class="evidence">`, `href="/events/e01"`,
				`href="/events?from=1990-01-01&amp;quad=1%2C2&amp;source=JPN&amp;target=KHM&amp;target_role=OPP&amp;to=1990-12-31"`}, nil},
			{"actor", "/actors/KHM", 200, []string{"<svg", "JPNGOV", `href="/dyads?source=KHM&amp;target=JPNGOV"`}, nil},
			{"actor form", "/actors?actor=USA", 200, []string{"1 events with USA"}, nil},
			{"stylesheet", "/assets/style.css", 200, []string{"mark.verb"}, nil},
			{"no page", "/nowhere", 404, nil, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				code, body := page(t, ts.URL+tc.path)
				if code != tc.status {
					t.Errorf("status %d, want %d", code, tc.status)
				}
				for _, w := range tc.want {
					if !strings.Contains(body, w) {
						t.Errorf("body lacks %q", w)
					}
				}
				for _, w := range tc.notWant {
					if strings.Contains(body, w) {
						t.Errorf("body has %q", w)
					}
				}
			})
		}
	})
}

func TestSecurityHeaders(t *testing.T) {
	ts := newTestServer(t, "")
	resp, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	for h, want := range map[string]string{
		"Content-Security-Policy": "default-src 'self'",
		"X-Content-Type-Options":  "nosniff",
		"Content-Type":            "text/html; charset=utf-8",
	} {
		if got := resp.Header.Get(h); !strings.Contains(got, want) {
			t.Errorf("%s: got %q, want %q", h, got, want)
		}
	}
}
