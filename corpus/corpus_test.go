package corpus_test

import (
	"strings"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/corpus"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/dictionaries"
	"github.com/twintrack/twintrack/text"
)

func TestSampleWellFormed(t *testing.T) {
	docs, err := corpus.Documents()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(docs); n < 30 || n > 60 {
		t.Errorf("got %d articles, want 30 to 60", n)
	}
	ids := map[string]bool{}
	for _, d := range docs {
		if d.ID == "" || ids[d.ID] {
			t.Errorf("article %q: missing or duplicate id", d.ID)
		}
		ids[d.ID] = true
		day, err := time.Parse("2006-01-02", d.Date)
		if err != nil || day.Year() < 1990 || day.Year() > 2026 {
			t.Errorf("%s: date %q, want YYYY-MM-DD in 1990-2026", d.ID, d.Date)
		}
		if !strings.HasPrefix(d.URL, "https://example.org/") {
			t.Errorf("%s: url %q, want one on example.org", d.ID, d.URL)
		}
		if d.Title == "" || d.Source == "" {
			t.Errorf("%s: missing title or source", d.ID)
		}
		if n := len(text.Sentences(d.Text)); n < 3 {
			t.Errorf("%s: got %d sentences, want several", d.ID, n)
		}
	}
}

// TestSampleCodesBothTracks codes the corpus with the built-in dictionaries
// and requires what "twintrack tracks JPN KHM" needs: Japanese events
// towards Cambodia's government and towards its opposition, including
// meetings or visits on both tracks.
func TestSampleCodesBothTracks(t *testing.T) {
	docs, err := corpus.Documents()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.LoadProject(dictionaries.FS, dictionaries.Project)
	if err != nil {
		t.Fatalf("built-in dictionaries: %v", err)
	}
	c := coder.New(d)
	var all []twintrack.Event
	for i := range docs {
		evs, err := c.CodeDocument(&docs[i])
		if err != nil {
			t.Fatalf("%s: %v", docs[i].ID, err)
		}
		for _, e := range evs {
			if e.Spans.Sentence.Text(docs[i].Text) != e.SentenceText {
				t.Errorf("%s: sentence span %v does not give the sentence text", docs[i].ID, e.Spans.Sentence)
			}
		}
		all = append(all, evs...)
	}
	type track struct{ events, consult int }
	tracks := map[string]*track{"GOV": {}, "OPP": {}}
	for _, e := range all {
		if e.SourceCountry != "JPN" || e.TargetCountry != "KHM" {
			continue
		}
		for _, role := range []string{"GOV", "OPP"} {
			if !hasRole(e.TargetRoles, role) {
				continue
			}
			tracks[role].events++
			if strings.HasPrefix(e.Code, "04") {
				tracks[role].consult++
			}
		}
	}
	t.Logf("%d events; JPN->KHM government track %+v, opposition track %+v", len(all), *tracks["GOV"], *tracks["OPP"])
	for role, tr := range tracks {
		// Floors at what the built-in dictionaries reached (2026-11-29:
		// 28 and 18 on the government track, 28 and 20 on the opposition's).
		if tr.events < 25 || tr.consult < 15 {
			t.Errorf("JPN->KHM%s: got %d events (%d meetings or visits), want at least 25 (15)", role, tr.events, tr.consult)
		}
	}
}

func hasRole(roles []string, r string) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}
