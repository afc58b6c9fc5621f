package analysis

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/twintrack/twintrack"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var netEvents = []twintrack.Event{
	ev("2019-01-01", "JPNGOV", "KHMGOV", "043", 2.8),
	ev("2019-01-02", "JPNGOV", "KHMGOV", "071", 7.4),
	ev("2019-01-03", "JPNGOV", "KHMGOV", "112", -2),
	ev("2019-01-04", "KHMGOV", "KHMOPP", "173", -5),
	ev("2019-01-05", "KHMGOV", "KHMOPP", "111", -2, negated),
	ev("2019-01-06", "JPNGOV", "KHMOPP", "043", 2.8),
	ev("2019-01-07", "JPNGOV", "JPNGOV", "010", 0),
	ev("2019-01-08", "", "KHMGOV", "010", 0),
	ev("2020-01-01", "CHNGOV", "KHMGOV", "071", 7.4),
}

func TestNetwork(t *testing.T) {
	type edge struct {
		s, t                   string
		events, coop, conflict int
		gold                   float64
	}
	tests := []struct {
		name  string
		opt   NetworkOptions
		edges []edge
		nodes string
	}{
		{"actors in 2019", NetworkOptions{Options: Options{From: date("2019-01-01"), To: date("2019-12-31")}},
			[]edge{{"JPNGOV", "KHMGOV", 3, 2, 1, 8.2}, {"JPNGOV", "KHMOPP", 1, 1, 0, 2.8}, {"KHMGOV", "KHMOPP", 1, 0, 1, -5}},
			"JPNGOV:4/0 KHMGOV:1/3 KHMOPP:0/2"},
		{"countries, all years", NetworkOptions{Level: Countries},
			[]edge{{"CHN", "KHM", 1, 1, 0, 7.4}, {"JPN", "KHM", 4, 3, 1, 11}},
			"CHN:1/0 JPN:4/0 KHM:0/5"},
		{"negated included", NetworkOptions{Options: Options{From: date("2019-01-04"), To: date("2019-01-05"), IncludeNegated: true}},
			[]edge{{"KHMGOV", "KHMOPP", 2, 0, 2, -7}},
			"KHMGOV:2/0 KHMOPP:0/2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Network(Slice(netEvents), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []edge
			for _, e := range g.Edges {
				got = append(got, edge{e.Source, e.Target, e.Events, e.Coop, e.Conflict, e.GoldsteinSum})
			}
			if len(got) != len(tc.edges) {
				t.Fatalf("edges %+v, want %+v", got, tc.edges)
			}
			for i := range got {
				w := tc.edges[i]
				if got[i].s != w.s || got[i].t != w.t || got[i].events != w.events || got[i].coop != w.coop ||
					got[i].conflict != w.conflict || !near(got[i].gold, w.gold) {
					t.Errorf("edge %d = %+v, want %+v", i, got[i], w)
				}
			}
			var nodes string
			for i, n := range g.Nodes {
				if i > 0 {
					nodes += " "
				}
				nodes += n.ID + ":" + strconv.Itoa(n.Out) + "/" + strconv.Itoa(n.In)
			}
			if nodes != tc.nodes {
				t.Errorf("nodes %s, want %s", nodes, tc.nodes)
			}
		})
	}
}

func TestNetworkWriters(t *testing.T) {
	g, err := Network(Slice(netEvents), NetworkOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"network.graphml", func(b *bytes.Buffer) error { return g.WriteGraphML(b) }},
		{"network.csv", func(b *bytes.Buffer) error { return g.WriteCSV(b) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name, b.Bytes())
		})
	}
	// The GraphML must be well-formed XML with one edge element per edge.
	var b bytes.Buffer
	if err := g.WriteGraphML(&b); err != nil {
		t.Fatal(err)
	}
	var doc graphML
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	if len(doc.Graph.Edges) != len(g.Edges) || len(doc.Graph.Nodes) != len(g.Nodes) {
		t.Errorf("GraphML has %d edges and %d nodes, want %d and %d",
			len(doc.Graph.Edges), len(doc.Graph.Nodes), len(g.Edges), len(g.Nodes))
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}
