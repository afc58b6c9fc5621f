package ingest_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/ingest"
	"github.com/twintrack/twintrack/input"
	"github.com/twintrack/twintrack/modality"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
	"github.com/twintrack/twintrack/timex"
)

// passes are the event passes the command uses.
var passes = []ingest.Pass{
	func(ev *twintrack.Event) { cameo.Annotate(ev) },
	func(ev *twintrack.Event) { timex.Annotate(ev) },
	func(ev *twintrack.Event) { modality.Annotate(ev) },
}

func source(t testing.TB, jsonl string) *input.Reader {
	t.Helper()
	r, err := input.NewReader(strings.NewReader(jsonl), "corpus.jsonl", input.Options{Format: "jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func options(db store.Writer, c twintrack.Coder, hash string) ingest.Options {
	return ingest.Options{
		Coder: c, Store: db, Passes: passes, BatchDocs: 3,
		Run: store.RunInfo{DictHash: hash, Dictionaries: "fake", Coder: "fake"},
	}
}

const small = `{"id":"a","date":"2015-03-12","url":"https://example.org/a","source":"Wire","text":"Tokyo visited Cambodia on Monday. Japan did not visit Rainsy. Nothing happened."}
{"id":"b","date":"2015-03-13","text":"Tokyo hosted Rainsy for talks in the capital."}
{"id":"c","date":"2015-03-13","text":
{"id":"d","date":"2015-03-14","text":"UNCODABLE Japan praised Cambodia."}
{"id":"b","date":"2015-03-13","text":"A second document with the id b."}
{"date":"2015-03-15","text":"China criticized Vietnam in January 1979."}
{"id":"p","date":"2015-03-15","text":"PANIC Japan praised Cambodia."}
`

func TestRunStoresCorpus(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		opts := options(db, &fakeCoder{hash: "fake-1"}, "fake-1")
		var skipped []string
		opts.OnSkip = func(err error) { skipped = append(skipped, err.Error()) }
		res, err := ingest.Run(ctx, source(t, small), opts)
		if err != nil {
			t.Fatal(err)
		}
		checks := []struct {
			name      string
			got, want int
		}{
			{"read", res.Read, 6},
			{"documents", res.Documents, 3},
			{"duplicates", res.Duplicates, 1},
			{"skipped", res.Skipped, 3},
			{"unreadable", res.Unreadable, 1},
			{"sentences", res.Sentences, 5},
			{"events", res.Events, 4},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: got %d, want %d", c.name, c.got, c.want)
			}
		}
		joined := strings.Join(skipped, "\n")
		for _, want := range []string{"corpus.jsonl:3", "document d: the fake coder refuses", "document p: coder panic"} {
			if !strings.Contains(joined, want) {
				t.Errorf("skipped records: got %q, want %q among them", joined, want)
			}
		}
		got := map[string]twintrack.Event{}
		for ev, err := range db.Events(ctx, store.Filter{All: true}) {
			if err != nil {
				t.Fatal(err)
			}
			got[ev.Source+" "+ev.Code+" "+ev.Target] = ev
		}
		want := []struct {
			key, date, precision string
			negated              bool
		}{
			{"JPNGOV 042 KHM", "2015-03-09", "day", false}, // "on Monday" before Thursday 12 March
			{"JPN 042 KHMOPP", "2015-03-12", "", true},
			{"JPNGOV 043 KHMOPP", "2015-03-13", "", false},
			{"CHN 111 VNM", "1979-01-01", "month", false},
		}
		for _, w := range want {
			ev, ok := got[w.key]
			if !ok {
				t.Errorf("event %s missing; got %d events", w.key, len(got))
				continue
			}
			if ev.EventDate != w.date || ev.Negated != w.negated {
				t.Errorf("%s: got date %s negated %v, want %s, %v", w.key, ev.EventDate, ev.Negated, w.date, w.negated)
			}
			if w.precision != "" && ev.DatePrecision != w.precision {
				t.Errorf("%s: got precision %q, want %q", w.key, ev.DatePrecision, w.precision)
			}
			if ev.Root == "" || ev.QuadClass == 0 {
				t.Errorf("%s: CAMEO annotation missing: root %q quad %d", w.key, ev.Root, ev.QuadClass)
			}
		}
		n, err := db.Count(ctx, store.Filter{}, store.CountReports)
		if err != nil || n != 3 {
			t.Errorf("counted events (negated left out): got %d (err %v), want 3", n, err)
		}
		if ev := got["JPNGOV 042 KHM"]; ev.URL != "https://example.org/a" || ev.DocSource != "Wire" || ev.DocID != "a" {
			t.Errorf("provenance: got url %q source %q doc %q, want https://example.org/a, Wire, a", ev.URL, ev.DocSource, ev.DocID)
		}
		// The document without an id is stored under its content hash.
		if ev, want := got["CHN 111 VNM"], input.ContentID("China criticized Vietnam in January 1979."); ev.DocID != want {
			t.Errorf("document without id: got doc id %q, want %q", ev.DocID, want)
		}
	})
}

func TestRerunAddsNothing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		text := corpus(50, 4, 7)
		first, err := ingest.Run(ctx, source(t, text), options(db, &fakeCoder{hash: "h"}, "h"))
		if err != nil {
			t.Fatal(err)
		}
		if first.Documents != 50 || first.Sentences != 200 {
			t.Errorf("first run: got %+v, want 50 documents and 200 sentences", first)
		}
		again, err := ingest.Run(ctx, source(t, text), options(db, &fakeCoder{hash: "h"}, "h"))
		if err != nil {
			t.Fatal(err)
		}
		if again.Documents != 0 || again.Events != 0 || again.AlreadyStored != 50 {
			t.Errorf("second run: got %+v, want nothing new and 50 already stored", again)
		}
		n, _ := db.Count(ctx, store.Filter{All: true}, store.CountReports)
		if n != int64(first.Events) {
			t.Errorf("after the rerun: got %d events, want %d", n, first.Events)
		}
		// Other dictionaries make a new run and re-code everything; the
		// current events are the new run's, so counts do not double.
		other, err := ingest.Run(ctx, source(t, text), options(db, &fakeCoder{hash: "h2"}, "h2"))
		if err != nil {
			t.Fatal(err)
		}
		if other.RunID == first.RunID || other.Documents != 50 || other.Events != first.Events {
			t.Errorf("new dictionaries: got %+v, want a new run storing 50 documents, %d events", other, first.Events)
		}
		n, _ = db.Count(ctx, store.Filter{All: true}, store.CountReports)
		if n != int64(first.Events) {
			t.Errorf("current events after re-coding: got %d, want %d", n, first.Events)
		}
	})
}

func TestCancelCommitsWhatWasCoded(t *testing.T) {
	db := storetest.SQLite(t)
	const n = 3000
	text := corpus(n, 2, 3)
	ctx, cancel := context.WithCancel(context.Background())
	opts := options(db, &fakeCoder{hash: "h", delay: time.Millisecond}, "h")
	opts.BatchDocs = 10
	opts.Progress = func(r ingest.Result) {
		if r.Documents >= 50 {
			cancel()
		}
	}
	res, err := ingest.Run(ctx, source(t, text), opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got error %v, want context.Canceled", err)
	}
	if res.Documents < 50 || res.Documents >= n {
		t.Fatalf("cancelled run stored %d documents, want between 50 and %d", res.Documents, n-1)
	}
	rest, err := ingest.Run(context.Background(), source(t, text), options(db, &fakeCoder{hash: "h"}, "h"))
	if err != nil {
		t.Fatal(err)
	}
	if rest.AlreadyStored != res.Documents || res.Documents+rest.Documents != n {
		t.Errorf("resume: got %+v after %d stored, want the other %d documents", rest, res.Documents, n-res.Documents)
	}
}

func TestRunNeedsCoderAndStore(t *testing.T) {
	if _, err := ingest.Run(context.Background(), source(t, small), ingest.Options{}); err == nil {
		t.Error("no coder and no store: got no error")
	}
}

func TestDocKeyMatchesInputContentID(t *testing.T) {
	for _, text := range []string{"", "China criticized Vietnam.", "é\x00\n"} {
		if got, want := store.DocKey(&twintrack.Document{Text: text}), input.ContentID(text); got != want {
			t.Errorf("DocKey(%q) = %q, want input.ContentID %q", text, got, want)
		}
	}
}
