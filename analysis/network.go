package analysis

import (
	"cmp"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"math"
	"slices"
	"strconv"

	"github.com/twintrack/twintrack"
)

// Level says what a network node stands for.
type Level string

// The levels.
const (
	// Actors makes a node of every full actor code (JPNGOV, KHMOPP).
	Actors Level = "actor"
	// Countries makes a node of every country part (JPN, KHM).
	Countries Level = "country"
)

// NetworkOptions configure Network. Options.By is not used.
type NetworkOptions struct {
	Options
	// Level is Actors (the default) or Countries.
	Level Level
}

// Node is an actor (or country) of a network.
type Node struct {
	ID string `json:"id"`
	// Out and In count the events the node sent and received.
	Out int `json:"out"`
	In  int `json:"in"`
}

// Edge is the directed tie from Source to Target: their events in the range.
type Edge struct {
	Source string `json:"source"`
	Target string `json:"target"`
	// Events counts all of them; Coop those of QuadClass 1 and 2, Conflict
	// those of QuadClass 3 and 4 (events with no QuadClass are in Events
	// only).
	Events   int `json:"events"`
	Coop     int `json:"coop"`
	Conflict int `json:"conflict"`
	// GoldsteinSum adds up their Goldstein scores.
	GoldsteinSum float64 `json:"goldstein_sum"`
}

// Graph is a directed actor network.
type Graph struct {
	Nodes []Node `json:"nodes"` // sorted by ID
	Edges []Edge `json:"edges"` // sorted by source, then target
	Result
}

// Network builds the directed network of the events between opt.From and
// opt.To: one node per actor (or country) and one edge per ordered pair that
// has events. Events with an empty source or target, and self-loops at the
// chosen level, are left out.
func Network(events iter.Seq2[twintrack.Event, error], opt NetworkOptions) (*Graph, error) {
	type pair struct{ s, t string }
	edges := map[pair]*Edge{}
	nodes := map[string]*Node{}
	node := func(id string) *Node {
		n := nodes[id]
		if n == nil {
			n = &Node{ID: id}
			nodes[id] = n
		}
		return n
	}
	g := &Graph{}
	for ev, err := range events {
		if err != nil {
			return nil, err
		}
		s, t := ev.Source, ev.Target
		if opt.Level == Countries {
			s, t = country(ev.SourceCountry, s), country(ev.TargetCountry, t)
		}
		if s == "" || t == "" || s == t {
			continue
		}
		d, ok := EventDate(&ev)
		switch {
		case !ok:
			g.Undated++
			continue
		case !opt.inRange(d):
			continue
		case !opt.counts(&ev):
			g.Excluded++
			continue
		}
		e := edges[pair{s, t}]
		if e == nil {
			e = &Edge{Source: s, Target: t}
			edges[pair{s, t}] = e
		}
		e.Events++
		switch quadClass(&ev) {
		case 1, 2:
			e.Coop++
		case 3, 4:
			e.Conflict++
		}
		e.GoldsteinSum += ev.Goldstein
		node(s).Out++
		node(t).In++
	}
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, *n)
	}
	slices.SortFunc(g.Nodes, func(a, b Node) int { return cmp.Compare(a.ID, b.ID) })
	for _, e := range edges {
		g.Edges = append(g.Edges, *e)
	}
	slices.SortFunc(g.Edges, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.Source, b.Source), cmp.Compare(a.Target, b.Target))
	})
	return g, nil
}

// country returns an actor's country code: the given one, or the first
// three letters of its code.
func country(given, code string) string {
	if given != "" {
		return given
	}
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// EdgeColumns are the header columns of WriteCSV.
var EdgeColumns = []string{"source", "target", "events", "coop", "conflict", "goldstein_sum"}

// WriteCSV writes the edges as CSV with a header row (EdgeColumns).
func (g *Graph) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(EdgeColumns); err != nil {
		return err
	}
	for _, e := range g.Edges {
		rec := []string{e.Source, e.Target, strconv.Itoa(e.Events), strconv.Itoa(e.Coop),
			strconv.Itoa(e.Conflict), formatFloat(e.GoldsteinSum)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formatFloat writes a score with at most two decimals and no trailing
// zeros, so that output is stable across platforms.
func formatFloat(f float64) string {
	return strconv.FormatFloat(math.Round(f*100)/100+0, 'f', -1, 64) // +0 turns -0 into 0
}

// graphML mirrors the GraphML elements WriteGraphML writes.
type graphML struct {
	XMLName xml.Name `xml:"graphml"`
	NS      string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// WriteGraphML writes the network as GraphML (graphml.graphdrawing.org), a
// directed graph whose nodes carry out/in counts and whose edges carry
// events, coop, conflict and goldstein_sum, readable by Gephi, igraph,
// networkx and visone.
func (g *Graph) WriteGraphML(w io.Writer) error {
	doc := graphML{
		NS: "http://graphml.graphdrawing.org/xmlns",
		Keys: []gmlKey{
			{"out", "node", "out", "int"}, {"in", "node", "in", "int"},
			{"events", "edge", "events", "int"}, {"coop", "edge", "coop", "int"},
			{"conflict", "edge", "conflict", "int"}, {"goldstein_sum", "edge", "goldstein_sum", "double"},
		},
		Graph: gmlGraph{ID: "events", EdgeDefault: "directed"},
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gmlNode{ID: n.ID, Data: []gmlData{
			{"out", strconv.Itoa(n.Out)}, {"in", strconv.Itoa(n.In)}}})
	}
	for i, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, gmlEdge{ID: fmt.Sprintf("e%d", i), Source: e.Source, Target: e.Target,
			Data: []gmlData{{"events", strconv.Itoa(e.Events)}, {"coop", strconv.Itoa(e.Coop)},
				{"conflict", strconv.Itoa(e.Conflict)}, {"goldstein_sum", formatFloat(e.GoldsteinSum)}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
