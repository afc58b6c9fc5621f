package httpserver

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
)

// memStore is an in-memory Store and Ingester for tests.
type memStore struct {
	mu   sync.Mutex
	evs  []twintrack.Event
	docs map[string]twintrack.Document
}

func (m *memStore) Events(ctx context.Context, q Query) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		if err := ctx.Err(); err != nil {
			yield(twintrack.Event{}, err)
			return
		}
		m.mu.Lock()
		var out []twintrack.Event
		for i := range m.evs {
			if q.Match(&m.evs[i]) {
				out = append(out, m.evs[i])
			}
		}
		m.mu.Unlock()
		sort.SliceStable(out, func(i, j int) bool {
			a, b := &out[i], &out[j]
			if a.EventDate != b.EventDate {
				return a.EventDate < b.EventDate
			}
			if a.DocID != b.DocID {
				return a.DocID < b.DocID
			}
			if a.Sentence != b.Sentence {
				return a.Sentence < b.Sentence
			}
			return a.EventID < b.EventID
		})
		if q.Offset >= len(out) {
			return
		}
		out = out[q.Offset:]
		if q.Limit > 0 && len(out) > q.Limit {
			out = out[:q.Limit]
		}
		for _, ev := range out {
			if !yield(ev, nil) {
				return
			}
		}
	}
}

func (m *memStore) Event(ctx context.Context, id string) (twintrack.Event, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, ev := range m.evs {
		if ev.EventID == id {
			return ev, nil
		}
	}
	return twintrack.Event{}, fmt.Errorf("event %q: %w", id, ErrNotFound)
}

// Reports groups reports of the same happening: same source, target, code
// and event date.
func (m *memStore) Reports(ctx context.Context, ev *twintrack.Event) ([]Report, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	reps := []Report{{DocID: ev.DocID, Date: ev.DocDate, URL: ev.URL, Source: ev.DocSource, Sentence: ev.Sentence}}
	for _, o := range m.evs {
		if o.EventID != ev.EventID && o.DocID != ev.DocID && o.Source == ev.Source && o.Target == ev.Target &&
			o.Code == ev.Code && o.EventDate == ev.EventDate {
			reps = append(reps, Report{DocID: o.DocID, Date: o.DocDate, URL: o.URL, Source: o.DocSource, Sentence: o.Sentence})
		}
	}
	return reps, nil
}

// IngestDocuments stores documents without coding them: a test coder that
// makes no events.
func (m *memStore) IngestDocuments(ctx context.Context, docs []twintrack.Document) (IngestResult, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docs == nil {
		m.docs = map[string]twintrack.Document{}
	}
	var r IngestResult
	for _, d := range docs {
		if _, ok := m.docs[d.ID]; ok {
			r.Skipped++
			continue
		}
		m.docs[d.ID] = d
		r.Documents++
	}
	return r, nil
}

// readOnly hides the Ingester of a store.
type readOnly struct{ Store }

// fixture describes a hand-made event: its document text is a lead
// sentence followed by the event's sentence, so that sentence spans do not
// start at 0; src, verb and tgt are words of the sentence.
type fixture struct {
	id, doc, date      string
	source, code, tgt  string
	sRoles, tRoles     []string
	sentence           string
	srcW, verbW, tgtW  string
	negated            bool
	modality, url, pub string
}

const lead = "Wire report. "

func (f fixture) event(t testing.TB) twintrack.Event {
	t.Helper()
	find := func(w string) twintrack.Span {
		i := strings.Index(f.sentence, w)
		if i < 0 {
			t.Fatalf("fixture %s: %q not in %q", f.id, w, f.sentence)
		}
		return twintrack.Span{Start: len(lead) + i, End: len(lead) + i + len(w)}
	}
	ev := twintrack.Event{
		EventID: f.id, DocID: f.doc, Sentence: 1, DocDate: f.date, EventDate: f.date,
		Source: f.source, Target: f.tgt, SourceCountry: f.source[:3], TargetCountry: f.tgt[:3],
		SourceRoles: f.sRoles, TargetRoles: f.tRoles, Code: f.code,
		Negated: f.negated, Modality: f.modality,
		SourceText: f.srcW, VerbText: f.verbW, TargetText: f.tgtW,
		Spans: twintrack.EventSpans{
			Sentence: twintrack.Span{Start: len(lead), End: len(lead) + len(f.sentence)},
			Source:   find(f.srcW), Verb: find(f.verbW), Target: find(f.tgtW),
		},
		SentenceText: f.sentence, URL: f.url, DocSource: f.pub,
	}
	cameo.Annotate(&ev)
	ev.Goldstein = float64(len(f.code)) // any number; tests compare sums of it
	doc := lead + f.sentence
	for _, sp := range []twintrack.Span{ev.Spans.Source, ev.Spans.Verb, ev.Spans.Target} {
		if got := sp.Text(doc); !slices.Contains([]string{f.srcW, f.verbW, f.tgtW}, got) {
			t.Fatalf("fixture %s: span %v gives %q", f.id, sp, got)
		}
	}
	return ev
}

var gov, opp = []string{"GOV"}, []string{"OPP"}

// fixtures is the test store: Japan engaging Cambodia's government and
// opposition over three years, one conflict event, one reverse event, one
// negated event, and a second report of a happening. The sentences are
// made up for these tests.
var fixtures = []fixture{
	{id: "e01", doc: "d1", date: "1990-02-10", source: "JPNGOV", code: "043", tgt: "KHMOPP", sRoles: gov, tRoles: opp,
		sentence: "Tokyo hosted Cambodian opposition leaders for talks on Monday.", srcW: "Tokyo", verbW: "hosted", tgtW: "Cambodian opposition leaders",
		url: "https://example.org/d1", pub: "Example Wire"},
	{id: "e02", doc: "d2", date: "1990-05-03", source: "JPNGOV", code: "042", tgt: "KHMGOV", sRoles: gov, tRoles: gov,
		sentence: "The Japanese foreign minister visited the Cambodian government in Phnom Penh.", srcW: "The Japanese foreign minister", verbW: "visited", tgtW: "the Cambodian government"},
	{id: "e03", doc: "d3", date: "1991-07-21", source: "JPN", code: "050", tgt: "KHMGOV", tRoles: gov,
		sentence: "Japan and the Cambodian government held consultations.", srcW: "Japan", verbW: "held consultations", tgtW: "the Cambodian government"},
	{id: "e04", doc: "d4", date: "1991-09-01", source: "KHMGOV", code: "036", tgt: "JPNGOV", sRoles: gov, tRoles: gov,
		sentence: "Phnom Penh asked Tokyo to meet again.", srcW: "Phnom Penh", verbW: "asked", tgtW: "Tokyo"},
	{id: "e05", doc: "d5", date: "1992-03-15", source: "JPNGOV", code: "111", tgt: "KHMGOV", sRoles: gov, tRoles: gov,
		sentence: "Tokyo criticized the Cambodian government over the vote.", srcW: "Tokyo", verbW: "criticized", tgtW: "the Cambodian government"},
	{id: "e06", doc: "d6", date: "1992-06-30", source: "JPNGOV", code: "043", tgt: "KHMOPP", sRoles: gov, tRoles: opp,
		sentence: "Japan did not host the opposition delegation.", srcW: "Japan", verbW: "host", tgtW: "the opposition delegation", negated: true},
	{id: "e07", doc: "d7", date: "1992-08-08", source: "JPNGOV", code: "057", tgt: "KHMGOV", sRoles: gov, tRoles: gov,
		sentence: "Japan signed an aid agreement with Cambodia's government.", srcW: "Japan", verbW: "signed", tgtW: "Cambodia's government"},
	{id: "e08", doc: "d8", date: "1992-08-08", source: "JPNGOV", code: "057", tgt: "KHMGOV", sRoles: gov, tRoles: gov,
		sentence: "Officials said Tokyo signed the agreement with the Cambodian government.", srcW: "Tokyo", verbW: "signed", tgtW: "the Cambodian government"},
	{id: "e09", doc: "d9", date: "1992-11-11", source: "JPNGOV", code: "040", tgt: "KHMOPP", sRoles: gov, tRoles: opp,
		sentence: "Japanese diplomats met Cambodia's opposition in Bangkok.", srcW: "Japanese diplomats", verbW: "met", tgtW: "Cambodia's opposition"},
	{id: "e10", doc: "d10", date: "1992-12-01", source: "USAGOV", code: "042", tgt: "KHMGOV", sRoles: gov, tRoles: gov,
		sentence: "An American envoy visited Cambodia's leaders.", srcW: "An American envoy", verbW: "visited", tgtW: "Cambodia's leaders"},
}

func newMemStore(t testing.TB) *memStore {
	t.Helper()
	m := &memStore{}
	for _, f := range fixtures {
		m.evs = append(m.evs, f.event(t))
	}
	return m
}
