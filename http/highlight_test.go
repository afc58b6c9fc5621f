package httpserver

import (
	"slices"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

func TestHighlight(t *testing.T) {
	const sent = "Tokyo hosted Cambodian opposition leaders."
	const base = 100 // the sentence starts at byte 100 of its document
	sp := func(a, b int) twintrack.Span { return twintrack.Span{Start: base + a, End: base + b} }
	tests := []struct {
		name              string
		source, verb, tgt twintrack.Span
		want              []Segment
	}{
		{"all three", sp(0, 5), sp(6, 12), sp(13, 41), []Segment{
			{"Tokyo", "source"}, {" ", ""}, {"hosted", "verb"}, {" ", ""}, {"Cambodian opposition leaders", "target"}, {".", ""}}},
		{"no target span", sp(0, 5), sp(6, 12), twintrack.Span{}, []Segment{
			{"Tokyo", "source"}, {" ", ""}, {"hosted", "verb"}, {" Cambodian opposition leaders.", ""}}},
		{"target before source", sp(13, 41), sp(6, 12), sp(0, 5), []Segment{
			{"Tokyo", "target"}, {" ", ""}, {"hosted", "verb"}, {" ", ""}, {"Cambodian opposition leaders", "source"}, {".", ""}}},
		{"overlap keeps the first", sp(0, 12), sp(6, 12), sp(13, 41), []Segment{
			{"Tokyo hosted", "source"}, {" ", ""}, {"Cambodian opposition leaders", "target"}, {".", ""}}},
		{"outside the sentence", sp(-5, 2), sp(6, 12), sp(40, 60), []Segment{
			{"Tokyo ", ""}, {"hosted", "verb"}, {" Cambodian opposition leaders.", ""}}},
		{"document offsets not shifted are ignored", twintrack.Span{Start: 0, End: 5}, sp(6, 12), twintrack.Span{}, []Segment{
			{"Tokyo ", ""}, {"hosted", "verb"}, {" Cambodian opposition leaders.", ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := twintrack.Event{SentenceText: sent, Spans: twintrack.EventSpans{
				Sentence: sp(0, len(sent)), Source: tc.source, Verb: tc.verb, Target: tc.tgt}}
			if got := Highlight(&ev); !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHighlightMultibyte(t *testing.T) {
	sent := "Hun Sen’s envoy met Sam Rainsy."
	i := strings.Index(sent, "envoy")
	ev := twintrack.Event{SentenceText: sent, Spans: twintrack.EventSpans{
		Sentence: twintrack.Span{Start: 0, End: len(sent)},
		Source:   twintrack.Span{Start: 8, End: i + 5}, // starts inside the ’
		Verb:     twintrack.Span{Start: i + 6, End: i + 9},
	}}
	got := Highlight(&ev)
	want := []Segment{{sent[:i+6], ""}, {"met", "verb"}, {sent[i+9:], ""}}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzHighlight(f *testing.F) {
	f.Add("Tokyo hosted Cambodian opposition leaders.", 100, 100, 105, 106, 112, 113, 141)
	f.Add("日本は野党を招いた", 3, 3, 9, 12, 15, 0, 0)
	f.Fuzz(func(t *testing.T, sent string, base, s0, s1, v0, v1, t0, t1 int) {
		ev := twintrack.Event{SentenceText: sent, Spans: twintrack.EventSpans{
			Sentence: twintrack.Span{Start: base, End: base + len(sent)},
			Source:   twintrack.Span{Start: s0, End: s1},
			Verb:     twintrack.Span{Start: v0, End: v1},
			Target:   twintrack.Span{Start: t0, End: t1},
		}}
		segs := Highlight(&ev)
		var b strings.Builder
		parts := map[string]int{}
		for _, s := range segs {
			if s.Text == "" {
				t.Fatalf("empty segment in %q", segs)
			}
			b.WriteString(s.Text)
			parts[s.Part]++
		}
		if b.String() != sent {
			t.Fatalf("segments join to %q, want %q", b.String(), sent)
		}
		for _, p := range []string{"source", "verb", "target"} {
			if parts[p] > 1 {
				t.Fatalf("%s marked %d times", p, parts[p])
			}
		}
	})
}
