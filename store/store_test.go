package store_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// fx describes one fixture event; its label goes in SourceText so that
// tests can name the events they expect.
type fx struct {
	label, doc, date, src, tgt, code string
	sent                             int
	negated                          bool
	modality                         string
	text                             string
}

func roles(code string) []string {
	var r []string
	for i := 3; i+3 <= len(code); i += 3 {
		r = append(r, code[i:i+3])
	}
	return r
}

// docs turns fixtures into coded documents, one per doc name, in order.
func docs(fs []fx) []store.CodedDocument {
	var out []store.CodedDocument
	idx := map[string]int{}
	for _, f := range fs {
		i, ok := idx[f.doc]
		if !ok {
			i = len(out)
			idx[f.doc] = i
			out = append(out, store.CodedDocument{
				Doc: twintrack.Document{ID: f.doc, Date: f.date, URL: "https://example.org/" + f.doc,
					Source: "Example Wire", Text: "text of " + f.doc},
				Sentences: 3,
			})
		}
		text := f.text
		if text == "" {
			text = "Sentence about " + f.label + "."
		}
		ev := twintrack.Event{
			DocID: f.doc, Sentence: f.sent, DocDate: f.date, EventDate: f.date, DatePrecision: "day",
			Source: f.src, Target: f.tgt, SourceCountry: f.src[:3], TargetCountry: f.tgt[:3],
			SourceRoles: roles(f.src), TargetRoles: roles(f.tgt), Code: f.code,
			Negated: f.negated, Modality: f.modality,
			SourceText: f.label, TargetText: "target", VerbText: "verb",
			Spans: twintrack.EventSpans{Sentence: twintrack.Span{Start: 0, End: len(text)},
				Source: twintrack.Span{Start: 0, End: 1}, Verb: twintrack.Span{Start: 2, End: 3}},
			SentenceText: text,
		}
		cameo.Annotate(&ev)
		out[i].Events = append(out[i].Events, ev)
	}
	return out
}

var fixtures = []fx{
	{label: "a", doc: "d1", date: "1991-10-23", src: "JPNGOV", tgt: "KHMGOV", code: "042"},
	{label: "b", doc: "d1", date: "1991-10-23", src: "JPNGOV", tgt: "KHMOPP", code: "043", sent: 1},
	{label: "c", doc: "d2", date: "1991-10-23", src: "JPNGOV", tgt: "KHMGOV", code: "042"}, // same happening as a
	{label: "d", doc: "d2", date: "1991-10-24", src: "JPN", tgt: "KHM", code: "071", sent: 1},
	{label: "e", doc: "d3", date: "1979-01-07", src: "VNMMIL", tgt: "KHMGOV", code: "190", text: "Troops took 100% of the city_centre."},
	{label: "f", doc: "d3", date: "1979-01-07", src: "CHNGOV", tgt: "VNMGOV", code: "111", sent: 1, negated: true},
	{label: "g", doc: "d4", date: "1993-05-02", src: "USAGOV", tgt: "KHMOPPPTY", code: "036", modality: "hypothetical"},
	{label: "h", doc: "d4", date: "1993-05-02", src: "USAGOV", tgt: "KHMGOV", code: "036", sent: 1, modality: "future"},
	{label: "i", doc: "d5", date: "2017-11-16", src: "KHMJUD", tgt: "KHMOPPPTY", code: "1722", text: "The COURT dissolved the party."},
}

func labels(t *testing.T, seq func(func(twintrack.Event, error) bool)) []string {
	t.Helper()
	var out []string
	for ev, err := range seq {
		if err != nil {
			t.Fatalf("events: %v", err)
		}
		out = append(out, ev.SourceText)
	}
	sort.Strings(out)
	return out
}

func TestFilters(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := mustRun(t, db, "dicts-1")
		if _, err := db.Write(ctx, run.ID, docs(fixtures)); err != nil {
			t.Fatalf("write: %v", err)
		}
		tests := []struct {
			name string
			f    store.Filter
			want string // labels, sorted, joined
		}{
			{"zero filter drops negated, hypothetical and future", store.Filter{}, "a b c d e i"},
			{"all", store.Filter{All: true}, "a b c d e f g h i"},
			{"source country", store.Filter{Source: []string{"JPN"}}, "a b c d"},
			{"source and target", store.Filter{Source: []string{"JPN"}, Target: []string{"KHM"}}, "a b c d"},
			{"long prefix", store.Filter{Target: []string{"KHMOPP"}, All: true}, "b g i"},
			{"short prefix", store.Filter{Source: []string{"JP"}}, "a b c d"},
			{"several targets", store.Filter{Target: []string{"VNM", "KHMOPP"}, All: true}, "b f g i"},
			{"target role", store.Filter{TargetRoles: []string{"OPP"}}, "b i"},
			{"source role", store.Filter{SourceRoles: []string{"MIL", "JUD"}}, "e i"},
			{"code prefix", store.Filter{Codes: []string{"04"}}, "a b c"},
			{"code exact", store.Filter{Codes: []string{"043"}}, "b"},
			{"root", store.Filter{Roots: []string{"17", "19"}}, "e i"},
			{"quad class", store.Filter{QuadClasses: []int{2}}, "d"},
			{"year range", store.Filter{From: "1979", To: "1991"}, "a b c d e"},
			{"month", store.Filter{From: "1991-10", To: "1991-10"}, "a b c d"},
			{"day", store.Filter{From: "1991-10-24", To: "1991-10-24"}, "d"},
			{"from only", store.Filter{From: "1993"}, "i"},
			{"text ignores case", store.Filter{Text: "court DISSOLVED"}, "i"},
			{"text percent is literal", store.Filter{Text: "100%"}, "e"},
			{"text underscore is literal", store.Filter{Text: "city_centre"}, "e"},
			{"text underscore not a wildcard", store.Filter{Text: "city centre"}, ""},
			{"text with quote", store.Filter{Text: "'; DROP TABLE events; --"}, ""},
			{"document", store.Filter{DocID: "d2"}, "c d"},
			{"limit", store.Filter{Limit: 2}, "a e"}, // in date order: e (1979), then a, b, c (1991-10-23)
			{"offset", store.Filter{Offset: 4}, "d i"},
			{"limit and offset", store.Filter{Limit: 2, Offset: 1}, "a b"},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got := strings.Join(labels(t, db.Events(ctx, tc.f)), " ")
				if got != tc.want {
					t.Errorf("got %q, want %q", got, tc.want)
				}
			})
		}
		// The quoted text above must not have reached SQL.
		if n, err := db.Count(ctx, store.Filter{All: true}, store.CountReports); err != nil || n != int64(len(fixtures)) {
			t.Errorf("after the injection attempt: got %d events (err %v), want %d", n, err, len(fixtures))
		}
	})
}

func TestEventsRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := mustRun(t, db, "dicts-1")
		in := docs(fixtures)
		if _, err := db.Write(ctx, run.ID, in); err != nil {
			t.Fatalf("write: %v", err)
		}
		want := map[string]twintrack.Event{}
		for _, d := range in {
			for _, ev := range d.Events {
				ev.URL, ev.DocSource = d.Doc.URL, d.Doc.Source
				if ev.SourceRoles == nil {
					ev.SourceRoles = []string{}
				}
				if ev.TargetRoles == nil {
					ev.TargetRoles = []string{}
				}
				want[ev.EventID] = ev
			}
		}
		n := 0
		for got, err := range db.Events(ctx, store.Filter{All: true}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			w, ok := want[got.EventID]
			if !ok {
				t.Fatalf("unexpected event %s", got.EventID)
			}
			if got.EventID != got.StableID() {
				t.Errorf("event %s: stored id is not its StableID %s", got.EventID, got.StableID())
			}
			if gs, ws := stringOf(got), stringOf(w); gs != ws {
				t.Errorf("event %s:\ngot  %s\nwant %s", got.EventID, gs, ws)
			}
		}
		if n != len(want) {
			t.Errorf("got %d events, want %d", n, len(want))
		}
	})
}

func mustRun(t *testing.T, db *store.DB, hash string) store.Run {
	t.Helper()
	run, err := db.StartRun(context.Background(), store.RunInfo{DictHash: hash, Dictionaries: "test", Coder: "fake"})
	if err != nil {
		t.Fatalf("start run: %v", err)
	}
	return run
}

func stringOf(ev twintrack.Event) string {
	var b strings.Builder
	for _, s := range []any{ev.DocID, ev.Sentence, ev.DocDate, ev.EventDate, ev.DatePrecision, ev.Source, ev.Target,
		ev.SourceCountry, ev.TargetCountry, ev.SourceRoles, ev.TargetRoles, ev.Code, ev.Root, ev.QuadClass,
		ev.Goldstein, ev.Plover, ev.Negated, ev.Modality, ev.SourceText, ev.TargetText, ev.VerbText,
		ev.Spans, ev.SentenceText, ev.URL, ev.DocSource, ev.DictHash} {
		b.WriteString(strings.TrimSpace(strings.ReplaceAll(fmtAny(s), "\n", " ")))
		b.WriteByte('|')
	}
	return b.String()
}

func TestWriteIsIdempotent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		run := mustRun(t, db, "dicts-1")
		first, err := db.Write(ctx, run.ID, docs(fixtures))
		if err != nil {
			t.Fatal(err)
		}
		if first.Documents != 5 || first.Events != len(fixtures) || first.Skipped != 0 || first.Sentences != 15 {
			t.Errorf("first write: got %+v, want 5 documents, %d events, 15 sentences", first, len(fixtures))
		}
		again, err := db.Write(ctx, run.ID, docs(fixtures))
		if err != nil {
			t.Fatal(err)
		}
		if again.Documents != 0 || again.Events != 0 || again.Skipped != 5 {
			t.Errorf("second write: got %+v, want everything skipped", again)
		}
		n, err := db.Count(ctx, store.Filter{All: true}, store.CountReports)
		if err != nil || n != int64(len(fixtures)) {
			t.Errorf("got %d events (err %v), want %d", n, err, len(fixtures))
		}
		keys, err := db.CodedKeys(ctx, run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(keys) != 5 || !keys["d1"] || !keys["d5"] {
			t.Errorf("coded keys: got %v, want d1..d5", keys)
		}
		// A key repeated within one batch is stored once.
		twice := docs([]fx{
			{label: "z1", doc: "d9", date: "2020-01-01", src: "JPN", tgt: "KHM", code: "010"},
		})
		twice = append(twice, twice[0])
		twice[1].Events = append([]twintrack.Event(nil), twice[1].Events...)
		res, err := db.Write(ctx, run.ID, twice)
		if err != nil || res.Documents != 1 || res.Skipped != 1 || res.Events != 1 {
			t.Errorf("a key twice in one batch: got %+v (err %v), want 1 stored, 1 skipped, 1 event", res, err)
		}
		// An event the coder emitted twice is stored once.
		dup := docs([]fx{{label: "z2", doc: "d10", date: "2020-01-02", src: "JPN", tgt: "KHM", code: "010"}})
		dup[0].Events = append(dup[0].Events, dup[0].Events[0])
		res, err = db.Write(ctx, run.ID, dup)
		if err != nil || res.Documents != 1 || res.Events != 1 {
			t.Errorf("an event twice: got %+v (err %v), want 1 document and 1 event", res, err)
		}
		same := mustRun(t, db, "dicts-1")
		if same.ID != run.ID {
			t.Errorf("same dictionaries: got run %d, want %d", same.ID, run.ID)
		}
	})
}

func TestRecodingIsANewRun(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		r1 := mustRun(t, db, "dicts-1")
		if _, err := db.Write(ctx, r1.ID, docs(fixtures)); err != nil {
			t.Fatal(err)
		}
		r2 := mustRun(t, db, "dicts-2")
		if r2.ID == r1.ID {
			t.Fatalf("other dictionaries: got the same run %d", r1.ID)
		}
		// The new dictionaries find only the events of d1 and d2.
		res, err := db.Write(ctx, r2.ID, docs(fixtures[:4]))
		if err != nil {
			t.Fatal(err)
		}
		if res.Documents != 2 || res.Events != 4 {
			t.Errorf("write run 2: got %+v, want 2 documents and 4 events", res)
		}
		cases := []struct {
			name string
			f    store.Filter
			want int64
		}{
			{"current: d1-d2 from run 2, d3-d5 from run 1", store.Filter{All: true}, 9},
			{"run 1", store.Filter{All: true, RunID: r1.ID}, 9},
			{"run 2", store.Filter{All: true, RunID: r2.ID}, 4},
			{"current d1", store.Filter{DocID: "d1"}, 2},
		}
		for _, tc := range cases {
			n, err := db.Count(ctx, tc.f, store.CountReports)
			if err != nil || n != tc.want {
				t.Errorf("%s: got %d (err %v), want %d", tc.name, n, err, tc.want)
			}
		}
		var dict []string
		for ev, err := range db.Events(ctx, store.Filter{DocID: "d1"}) {
			if err != nil {
				t.Fatal(err)
			}
			dict = append(dict, ev.DictHash)
		}
		if !slices.Equal(dict, []string{"dicts-2", "dicts-2"}) {
			t.Errorf("current events of d1 come from %v, want dicts-2 twice", dict)
		}
		runs, err := db.Runs(ctx)
		if err != nil || len(runs) != 2 || runs[0].Documents != 5 || runs[1].Documents != 2 || runs[1].Events != 4 {
			t.Errorf("runs: got %+v (err %v), want run 1 with 5 documents, run 2 with 2 and 4 events", runs, err)
		}
	})
}
