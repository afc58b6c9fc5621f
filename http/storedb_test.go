package httpserver

import (
	"net/http/httptest"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// withFixtures writes the fixtures into db, one document per event, and
// returns it adapted.
func withFixtures(t *testing.T, db *store.DB) Store {
	t.Helper()
	run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "fixtures", Dictionaries: "hand-made", Coder: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var batch []store.CodedDocument
	for _, f := range fixtures {
		ev := f.event(t)
		batch = append(batch, store.CodedDocument{
			Doc:       twintrack.Document{ID: f.doc, Date: f.date, URL: f.url, Source: f.pub, Text: lead + f.sentence},
			Sentences: 2,
			Events:    []twintrack.Event{ev},
		})
	}
	if _, err := db.Write(t.Context(), run.ID, batch); err != nil {
		t.Fatal(err)
	}
	return FromStore(db)
}

// eachStore runs f against a read-only server over each kind of store
// holding the fixtures: the in-memory store and SQLite through FromStore.
func eachStore(t *testing.T, f func(t *testing.T, ts *httptest.Server)) {
	for _, k := range []struct {
		name string
		open func(*testing.T) Store
	}{
		{"memory", func(t *testing.T) Store { return newMemStore(t) }},
		{"sqlite", func(t *testing.T) Store { return withFixtures(t, storetest.SQLite(t)) }},
		{"postgres", func(t *testing.T) Store { return withFixtures(t, storetest.Postgres(t)) }},
	} {
		t.Run(k.name, func(t *testing.T) {
			s, err := New(Config{Store: k.open(t)})
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(s)
			t.Cleanup(ts.Close)
			f(t, ts)
		})
	}
}

func TestBranches(t *testing.T) {
	tests := []struct {
		name      string
		q         Query
		wantN     int
		wantExact bool
	}{
		{"plain", Query{Source: "JPN", Code: "04"}, 1, true},
		{"actor", Query{Actor: "JPN"}, 2, true},
		{"actor with source", Query{Actor: "JPN", Source: "KHM"}, 2, false},
		{"country", Query{Country: "KHM"}, 2, true},
		{"country not three letters", Query{Country: "KH"}, 2, false},
		{"role", Query{Role: "OPP"}, 2, true},
		{"actor and role", Query{Actor: "JPN", Role: "OPP"}, 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fs, exact := branches(&tc.q)
			if len(fs) != tc.wantN || exact != tc.wantExact {
				t.Errorf("got %d filters, exact %v; want %d, %v", len(fs), exact, tc.wantN, tc.wantExact)
			}
			for _, f := range fs {
				if err := f.Check(); err != nil {
					t.Errorf("filter %+v: %v", f, err)
				}
			}
		})
	}
}
