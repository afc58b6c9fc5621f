package httpserver

import (
	"sort"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
)

// Segment is a piece of a sentence as shown on a page: plain text when
// Part is empty, else the words of the event's "source", "verb" or
// "target", which the templates wrap in <mark>.
type Segment struct {
	Text string
	Part string
}

// Highlight cuts the event's sentence into segments at its source, verb
// and target spans. The spans are byte offsets into the document and the
// sentence span says where the sentence starts in it, so a part starts at
// span.Start - sentence.Start in the sentence text. Spans that are empty,
// fall outside the sentence, split a UTF-8 character or overlap an earlier
// part are not marked. Joining the segments' texts gives back the
// sentence exactly.
func Highlight(ev *twintrack.Event) []Segment {
	s := ev.SentenceText
	base := ev.Spans.Sentence.Start
	type part struct {
		name       string
		start, end int
	}
	var parts []part
	add := func(name string, sp twintrack.Span) {
		if sp.IsZero() || sp.End <= sp.Start {
			return
		}
		a, b := sp.Start-base, sp.End-base
		if a < 0 || b > len(s) || !boundary(s, a) || !boundary(s, b) {
			return
		}
		parts = append(parts, part{name, a, b})
	}
	add("source", ev.Spans.Source)
	add("verb", ev.Spans.Verb)
	add("target", ev.Spans.Target)
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].start < parts[j].start })

	var segs []Segment
	pos := 0
	for _, p := range parts {
		if p.start < pos {
			continue // overlaps a part already marked
		}
		if p.start > pos {
			segs = append(segs, Segment{Text: s[pos:p.start]})
		}
		segs = append(segs, Segment{Text: s[p.start:p.end], Part: p.name})
		pos = p.end
	}
	if pos < len(s) {
		segs = append(segs, Segment{Text: s[pos:]})
	}
	return segs
}

// boundary reports whether byte offset i of s is a character boundary.
func boundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
