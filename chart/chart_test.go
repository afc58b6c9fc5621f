package chart

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// tracks builds a twin-track table from hand-made events.
func tracks(t *testing.T) *analysis.Tracks {
	t.Helper()
	mk := func(date, tgt, code string) twintrack.Event {
		return twintrack.Event{EventDate: date, Source: "JPNGOV", Target: tgt, Code: code, Root: code[:2], QuadClass: 1}
	}
	evs := []twintrack.Event{
		mk("2010-03-01", "KHMGOV", "043"), mk("2010-05-01", "KHMGOV", "040"), mk("2010-06-01", "KHMOPP", "043"),
		mk("2011-03-01", "KHMGOV", "043"),
		mk("2013-03-01", "KHMOPP", "043"), mk("2013-04-01", "KHMOPP", "036"), mk("2013-05-01", "KHMGOV", "036"),
	}
	tr, err := analysis.TwinTrack(analysis.Slice(evs), "JPN", "KHM", analysis.TrackOptions{Options: analysis.Options{By: analysis.Year}})
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestGolden(t *testing.T) {
	goldstein := &Chart{
		Title: "Net cooperation <JPN & KHM>", YLabel: "Goldstein",
		Labels: []string{"2019-01", "2019-02", "2019-03", "2019-04"},
		Series: []Series{{Name: "JPN->KHM", Values: []float64{3.4, -2, 0, 7.4}}, {Name: "KHM->JPN", Values: []float64{1, 1.9, math.NaN(), -5}}},
	}
	tests := []struct {
		name  string
		draw  func(io.Writer, *Chart) error
		chart *Chart
	}{
		{"line.svg", Line, goldstein},
		{"bar.svg", Bar, goldstein},
		{"twintrack.svg", Line, TwinTrack(tracks(t))},
		{"oppshare.svg", Line, OppShare(tracks(t))},
		{"empty.svg", Line, &Chart{Title: "nothing"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := tc.draw(&a, tc.chart); err != nil {
				t.Fatal(err)
			}
			if err := tc.draw(&b, tc.chart); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("two renderings differ")
			}
			wellFormed(t, a.Bytes())
			golden(t, tc.name, a.Bytes())
		})
	}
}

// wellFormed parses the SVG as XML.
func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
	}
}

func TestContent(t *testing.T) {
	tests := []struct {
		name  string
		draw  func(io.Writer, *Chart) error
		chart *Chart
		want  []string
		not   []string
	}{
		{"escaped title", Line, &Chart{Title: "A <b> & C", Labels: []string{"x"}, Series: []Series{{"s", []float64{1}}}},
			[]string{"A &lt;b&gt; &amp; C"}, []string{"<b>"}},
		{"NaN breaks the line", Line, &Chart{Labels: []string{"a", "b", "c", "d"}, Series: []Series{{"s", []float64{1, 2, math.NaN(), 4}}}},
			[]string{"<polyline"}, []string{"NaN"}},
		{"one bar per value", Bar, &Chart{Labels: []string{"a", "b"}, Series: []Series{{"s", []float64{1, 2}}, {"t", []float64{3, math.NaN()}}}},
			[]string{`data-name="s"`, `data-name="t"`}, []string{"NaN"}},
		{"two tracks", Line, TwinTrack(tracks(t)), []string{`data-name="government"`, `data-name="opposition"`, "2012"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.draw(&b, tc.chart); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(b.String(), w) {
					t.Errorf("SVG lacks %q", w)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(b.String(), w) {
					t.Errorf("SVG contains %q", w)
				}
			}
		})
	}
	// Counts: the bar chart with three finite values has three bars.
	var b bytes.Buffer
	if err := Bar(&b, &Chart{Labels: []string{"a", "b"}, Series: []Series{{"s", []float64{1, 2}}, {"t", []float64{3, math.NaN()}}}}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "<rect x=") - 2; got != 3 { // minus the two legend swatches
		t.Errorf("got %d bars, want 3", got)
	}
	// The line with a gap has two polylines, [1 2] and a single point [4] (no line).
	b.Reset()
	if err := Line(&b, &Chart{Labels: []string{"a", "b", "c", "d", "e"}, Series: []Series{{"s", []float64{1, 2, math.NaN(), 4, 5}}}}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "<polyline"); got != 2 {
		t.Errorf("got %d polylines, want 2", got)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		chart *Chart
	}{
		{"too few values", &Chart{Labels: []string{"a", "b"}, Series: []Series{{"s", []float64{1}}}}},
		{"negative size", &Chart{Width: -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := Line(&b, tc.chart); err == nil {
				t.Errorf("Line: got no error, want one")
			}
			if err := Bar(&b, tc.chart); err == nil {
				t.Errorf("Bar: got no error, want one")
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes on error, want none", b.Len())
			}
		})
	}
}

func TestNiceStep(t *testing.T) {
	tests := []struct{ raw, want float64 }{{0.7, 1}, {1.2, 2}, {3, 5}, {7, 10}, {0.013, 0.02}, {240, 500}}
	for _, tc := range tests {
		if got := niceStep(tc.raw); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("niceStep(%g) = %g, want %g", tc.raw, got, tc.want)
		}
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
		t.Errorf("%s differs from the golden file; run go test -update and review the diff", name)
	}
}
