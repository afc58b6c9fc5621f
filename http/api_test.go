package httpserver

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/analysis"
)

// newTestServer serves the fixtures with the given token.
func newTestServer(t *testing.T, token string) *httptest.Server {
	t.Helper()
	s, err := New(Config{Store: newMemStore(t), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts
}

// get fetches path and decodes a JSON body into v (unless v is nil),
// returning the status.
func get(t *testing.T, ts *httptest.Server, path string, v any) int {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if strings.HasPrefix(path, "/api/") {
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q, want application/json", path, ct)
		}
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: %v in %s", path, err, body)
		}
	}
	return resp.StatusCode
}

func ids(p EventPage) []string {
	var out []string
	for _, e := range p.Events {
		out = append(out, e.EventID)
	}
	return out
}

func TestAPIEvents(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		all := []string{"e01", "e02", "e03", "e04", "e05", "e07", "e08", "e09", "e10"}
		tests := []struct {
			name  string
			query string
			want  []string
		}{
			{"everything counted", "", all},
			{"dyad from year", "source=JPN&target=KHM&from=1991", []string{"e03", "e05", "e07", "e08", "e09"}},
			{"lower case codes", "source=jpngov&target=khmopp", []string{"e01", "e09"}},
			{"actor either side", "actor=USA", []string{"e10"}},
			{"country either side", "country=JPN&to=1991", []string{"e01", "e02", "e03", "e04"}},
			{"role either side", "role=OPP", []string{"e01", "e09"}},
			{"target role and root", "target_role=GOV&code=04", []string{"e02", "e10"}},
			{"source role", "source_role=GOV&target=JPN", []string{"e04"}},
			{"quad class", "quad=3", []string{"e05"}},
			{"quad classes", "quad=2,3,4", []string{"e05"}},
			{"cooperation toward opposition", "quad=1,2&target_role=OPP", []string{"e01", "e09"}},
			{"negated with all", "code=043&all=true", []string{"e01", "e06"}},
			{"negated left out", "code=043", []string{"e01"}},
			{"text any case", "text=TOKYO", []string{"e01", "e04", "e05", "e08"}},
			{"month bounds", "from=1992-08&to=1992-08", []string{"e07", "e08"}},
			{"day bounds", "from=1990-02-10&to=1990-02-10", []string{"e01"}},
			{"nothing", "source=FRA", nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var p EventPage
				if code := get(t, ts, "/api/events?"+tc.query, &p); code != http.StatusOK {
					t.Fatalf("status %d, want 200", code)
				}
				if got := ids(p); !slices.Equal(got, tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
				if p.Events == nil {
					t.Errorf("events is null, want a list")
				}
			})
		}
	})
}

func TestAPIBadParameters(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		tests := []struct {
			name, path, wantInMsg string
		}{
			{"bad date", "/api/events?from=19x9", "from"},
			{"bad month", "/api/events?from=1979-13", "from"},
			{"to before from", "/api/events?from=1992&to=1990", "before"},
			{"limit over max", "/api/events?limit=1001", "at most 1000"},
			{"negative offset", "/api/events?offset=-1", "offset"},
			{"quad out of range", "/api/events?quad=5", "quad"},
			{"quad list", "/api/events?quad=1,x", "quad"},
			{"sql in actor", "/api/events?source=JPN'%20OR%201=1--", "letters and digits"},
			{"code not digits", "/api/events?code=04a", "CAMEO"},
			{"bad bool", "/api/events?all=maybe", "all"},
			{"control character", "/api/events?text=a%00b", "control"},
			{"dyad without target", "/api/dyads?source=JPN", "required"},
			{"bad period", "/api/dyads?source=JPN&target=KHM&by=decade", "by"},
			{"too many periods", "/api/dyads?source=JPN&target=KHM&by=day&from=1900&to=2026", "periods"},
			{"network bad from", "/api/network?from=1990-1", "from"},
			{"tracks without sender", "/api/tracks?target=KHM", "required"},
			{"evidence over max", "/api/tracks?sender=JPN&target=KHM&evidence=101", "evidence"},
			{"bad actor code", "/api/actors/K-H", "letters and digits"},
			{"bad network level", "/api/network?level=galaxy", "level"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var e apiError
				if code := get(t, ts, tc.path, &e); code != http.StatusBadRequest {
					t.Fatalf("status %d, want 400 (%+v)", code, e)
				}
				if e.Status != 400 || !strings.Contains(e.Error, tc.wantInMsg) {
					t.Errorf("got error %+v, want status 400 and a message containing %q", e, tc.wantInMsg)
				}
			})
		}
	})
}

func TestAPIPagination(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		var seen []string
		path := "/api/events?limit=4&source=JPN"
		for pages := 0; path != ""; pages++ {
			if pages > 10 {
				t.Fatal("pagination does not end")
			}
			var p EventPage
			if code := get(t, ts, path, &p); code != http.StatusOK {
				t.Fatalf("GET %s: status %d", path, code)
			}
			if len(p.Events) > 4 || p.Limit != 4 {
				t.Fatalf("GET %s: got %d events and limit %d, want at most 4", path, len(p.Events), p.Limit)
			}
			if (p.NextOffset == nil) != (p.Next == "") {
				t.Fatalf("GET %s: next_offset %v and next %q disagree", path, p.NextOffset, p.Next)
			}
			if p.NextOffset != nil && *p.NextOffset != p.Offset+4 {
				t.Errorf("GET %s: next_offset %d, want %d", path, *p.NextOffset, p.Offset+4)
			}
			seen = append(seen, ids(p)...)
			path = p.Next
		}
		want := []string{"e01", "e02", "e03", "e05", "e07", "e08", "e09"}
		if !slices.Equal(seen, want) {
			t.Errorf("pages gave %v, want %v", seen, want)
		}
		var p EventPage
		get(t, ts, "/api/events", &p)
		if p.Limit != DefaultLimit {
			t.Errorf("default limit %d, want %d", p.Limit, DefaultLimit)
		}
		get(t, ts, "/api/events?offset=100", &p)
		if len(p.Events) != 0 || p.NextOffset != nil {
			t.Errorf("past the end: got %d events, next %v; want none", len(p.Events), p.NextOffset)
		}
	})
}

func TestAPIEvent(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		var d EventDetail
		if code := get(t, ts, "/api/events/e07", &d); code != http.StatusOK {
			t.Fatalf("status %d, want 200", code)
		}
		var docs []string
		for _, r := range d.Reports {
			docs = append(docs, r.DocID)
		}
		if d.Event.EventID != "e07" || !slices.Equal(docs, []string{"d7", "d8"}) {
			t.Errorf("got event %s with reports %v, want e07 with d7, d8", d.Event.EventID, docs)
		}
		var e apiError
		if code := get(t, ts, "/api/events/nope", &e); code != http.StatusNotFound || e.Error == "" {
			t.Errorf("missing event: status %d, error %q; want 404 with a message", code, e.Error)
		}
		if code := get(t, ts, "/api/nothing-here", &e); code != http.StatusNotFound {
			t.Errorf("unknown endpoint: status %d, want 404", code)
		}
	})
}

func TestAPIDyads(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		type row struct {
			period string
			events int
			quad   [4]int
		}
		rows := func(p analysis.Panel) []row {
			var out []row
			for _, r := range p.Rows {
				out = append(out, row{r.Period, r.Events, r.QuadClass})
			}
			return out
		}
		tests := []struct {
			name, query string
			ab, ba      []row
		}{
			{"years from the data", "source=JPN&target=KHM&by=year",
				[]row{{"1990", 2, [4]int{2, 0, 0, 0}}, {"1991", 1, [4]int{1, 0, 0, 0}}, {"1992", 4, [4]int{3, 0, 1, 0}}},
				[]row{{"1990", 0, [4]int{}}, {"1991", 1, [4]int{1, 0, 0, 0}}, {"1992", 0, [4]int{}}}},
			{"zero-filled range", "source=KHM&target=JPN&from=1989&to=1993",
				[]row{{"1989", 0, [4]int{}}, {"1990", 0, [4]int{}}, {"1991", 1, [4]int{1, 0, 0, 0}}, {"1992", 0, [4]int{}}, {"1993", 0, [4]int{}}},
				[]row{{"1989", 0, [4]int{}}, {"1990", 2, [4]int{2, 0, 0, 0}}, {"1991", 1, [4]int{1, 0, 0, 0}}, {"1992", 4, [4]int{3, 0, 1, 0}}, {"1993", 0, [4]int{}}}},
			{"months", "source=JPNGOV&target=KHMOPP&by=month&from=1990-01&to=1990-03",
				[]row{{"1990-01", 0, [4]int{}}, {"1990-02", 1, [4]int{1, 0, 0, 0}}, {"1990-03", 0, [4]int{}}},
				[]row{{"1990-01", 0, [4]int{}}, {"1990-02", 0, [4]int{}}, {"1990-03", 0, [4]int{}}}},
			{"weeks", "source=JPN&target=KHM&by=week&from=1990-02-05&to=1990-02-18",
				[]row{{"1990-W06", 1, [4]int{1, 0, 0, 0}}, {"1990-W07", 0, [4]int{}}},
				[]row{{"1990-W06", 0, [4]int{}}, {"1990-W07", 0, [4]int{}}}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var d DyadPanels
				if code := get(t, ts, "/api/dyads?"+tc.query, &d); code != http.StatusOK {
					t.Fatalf("status %d, want 200", code)
				}
				if len(d.Panels) != 2 {
					t.Fatalf("got %d panels, want 2", len(d.Panels))
				}
				if got := rows(d.Panels[0]); !slices.Equal(got, tc.ab) {
					t.Errorf("A→B got %v, want %v", got, tc.ab)
				}
				if got := rows(d.Panels[1]); !slices.Equal(got, tc.ba) {
					t.Errorf("B→A got %v, want %v", got, tc.ba)
				}
			})
		}
		var d DyadPanels
		get(t, ts, "/api/dyads?source=JPN&target=KHM", &d)
		r := d.Panels[0].Rows[2] // 1992: codes 111, 057, 057, 040
		if mean, _ := r.GoldsteinMean(); r.GoldsteinSum != 12 || mean != 3 {
			t.Errorf("1992 Goldstein sum %v mean %v, want 12 and 3", r.GoldsteinSum, mean)
		}
		if d.Excluded != 1 {
			t.Errorf("excluded %d, want 1 (the negated e06)", d.Excluded)
		}
		get(t, ts, "/api/dyads?source=JPN&target=KHM&all=true", &d)
		if d.Excluded != 0 || d.Panels[0].Rows[2].Events != 5 {
			t.Errorf("all=true: 1992 has %d events, %d excluded; want 5 and 0", d.Panels[0].Rows[2].Events, d.Excluded)
		}
	})
}

func TestAPITracks(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		type row struct {
			period         string
			gov, opp       int
			twin           bool
			govOut, oppIn  int
			govEvi, oppEvi int
		}
		tests := []struct {
			name, query string
			want        []row
		}{
			{"default", "sender=JPN&target=KHM",
				[]row{{"1990", 1, 1, true, 1, 1, 1, 1}, {"1991", 1, 0, false, 0, 0, 1, 0}, {"1992", 2, 1, true, 0, 0, 2, 1}}},
			{"negated included", "sender=JPN&target=KHM&all=1",
				[]row{{"1990", 1, 1, true, 1, 1, 1, 1}, {"1991", 1, 0, false, 0, 0, 1, 0}, {"1992", 2, 2, true, 0, 1, 2, 2}}},
			{"evidence capped", "sender=JPN&target=KHM&evidence=1",
				[]row{{"1990", 1, 1, true, 1, 1, 1, 1}, {"1991", 1, 0, false, 0, 0, 1, 0}, {"1992", 2, 1, true, 0, 0, 1, 1}}},
			{"no evidence", "sender=JPN&target=KHM&evidence=0",
				[]row{{"1990", 1, 1, true, 1, 1, 0, 0}, {"1991", 1, 0, false, 0, 0, 0, 0}, {"1992", 2, 1, true, 0, 0, 0, 0}}},
			{"government sender only", "sender=JPNGOV&target=KHM&from=1991&to=1991",
				[]row{{"1991", 0, 0, false, 0, 0, 0, 0}}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var tr Tracks
				if code := get(t, ts, "/api/tracks?"+tc.query, &tr); code != http.StatusOK {
					t.Fatalf("status %d, want 200", code)
				}
				var got []row
				for _, r := range tr.Rows {
					got = append(got, row{r.Period, r.Gov, r.Opp, r.TwinTrack, r.GovVisits.Out, r.OppVisits.In,
						len(r.GovEvidence), len(r.OppEvidence)})
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			})
		}
		var tr Tracks
		get(t, ts, "/api/tracks?sender=JPN&target=KHM&by=year", &tr)
		if s := tr.Rows[0].OppShare; s == nil || *s != 0.5 {
			t.Errorf("1990 opp share %v, want 0.5", s)
		}
		if ev := tr.Rows[0].OppEvidence; len(ev) == 0 || ev[0].EventID != "e01" || !strings.Contains(ev[0].Text, "opposition leaders") {
			t.Errorf("1990 opposition evidence %+v, want e01 with its sentence", ev)
		}
		if tr.TwinTrackPeriods != 2 || tr.ActivePeriods != 3 {
			t.Errorf("twin-track periods %d of %d active, want 2 of 3", tr.TwinTrackPeriods, tr.ActivePeriods)
		}
	})
}

func TestAPIActor(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		var ap ActorProfile
		if code := get(t, ts, "/api/actors/khm?top=2", &ap); code != http.StatusOK {
			t.Fatalf("status %d, want 200", code)
		}
		if ap.Actor != "KHM" || ap.Events != 9 {
			t.Errorf("got actor %s with %d events, want KHM with 9", ap.Actor, ap.Events)
		}
		wantPartners := []Count{{"JPNGOV", 7}, {"JPN", 1}}
		if !slices.Equal(ap.Partners, wantPartners) {
			t.Errorf("partners %v, want %v", ap.Partners, wantPartners)
		}
		if len(ap.Roles) != 3 || ap.Roles[0].Period != "1990" || ap.Roles[0].Counts["OPP"] != 1 || ap.Roles[0].Counts["GOV"] != 1 {
			t.Errorf("roles %v, want 1990 with one OPP and one GOV first of three years", ap.Roles)
		}
		if got := ap.Roots[2].Counts; got["05"] != 2 || got["11"] != 1 || got["04"] != 2 {
			t.Errorf("1992 roots %v, want 05:2 11:1 04:2", got)
		}
	})
}

func TestAPINetwork(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		type edge struct {
			s, t                   string
			events, coop, conflict int
		}
		tests := []struct {
			name, query string
			want        []edge
		}{
			{"countries", "", []edge{{"JPN", "KHM", 7, 6, 1}, {"KHM", "JPN", 1, 1, 0}, {"USA", "KHM", 1, 1, 0}}},
			{"range", "from=1992", []edge{{"JPN", "KHM", 4, 3, 1}, {"USA", "KHM", 1, 1, 0}}},
			{"actors", "level=actor&to=1990", []edge{{"JPNGOV", "KHMGOV", 1, 1, 0}, {"JPNGOV", "KHMOPP", 1, 1, 0}}},
			{"negated included", "all=1&from=1992-06&to=1992-06", []edge{{"JPN", "KHM", 1, 1, 0}}},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				var g analysis.Graph
				if code := get(t, ts, "/api/network?"+tc.query, &g); code != http.StatusOK {
					t.Fatalf("status %d, want 200", code)
				}
				var got []edge
				for _, e := range g.Edges {
					got = append(got, edge{e.Source, e.Target, e.Events, e.Coop, e.Conflict})
				}
				if !slices.Equal(got, tc.want) {
					t.Errorf("got %v, want %v", got, tc.want)
				}
			})
		}
	})
}
