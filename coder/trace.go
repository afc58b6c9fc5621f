package coder

import (
	"fmt"
	"strings"
)

// Trace codes one sentence and returns a dump of its parse: every word
// with its type, the dictionary entry that starts there (file:line), the
// span it heads, compound actors, comma clauses, conjunction clauses and
// pronoun references, followed by the result. This is TABARI's parse
// display, for finding out why a sentence was (not) coded.
func (c *Coder) Trace(in Input) string {
	res := c.Code(in)
	s := c.pool.Get().(*sentence)
	defer c.pool.Put(s)
	s.d, s.idx, s.day, s.fwdIn = c.d, c.idx, in.Date, in.Forward
	s.news = in.Mode == News
	s.opt = in.Options
	if s.opt == nil {
		s.opt = &c.d.Options
	}
	var b strings.Builder
	if p := s.prepare(in.Text, in.Unicode); p != "" {
		fmt.Fprintf(&b, "problem: %s\n", p)
		return b.String()
	}
	s.parse()
	s.blankDeferred()
	clauseOf := make([]int, s.n)
	for i := range clauseOf {
		clauseOf[i] = -1
	}
	for k, cl := range s.clauses {
		for q := cl[0]; q <= cl[1] && q < s.n; q++ {
			clauseOf[q] = k
		}
	}
	for q := 0; q < s.n; q++ {
		w := &s.w[q]
		fmt.Fprintf(&b, "%3d %-20s %-11s", q, w.text, w.typ)
		if clauseOf[q] >= 0 {
			fmt.Fprintf(&b, " clause %d", clauseOf[q])
		}
		if w.root != nil {
			fmt.Fprintf(&b, " entry %s (%s)", w.root.Text, w.root.Pos)
		}
		if w.spanT != 0 && w.spanEnd > q {
			fmt.Fprintf(&b, " %s span to %d", w.spanT, w.spanEnd)
		}
		if w.compEnd >= 0 {
			fmt.Fprintf(&b, " compound to %d", w.compEnd)
		}
		if w.inComma {
			b.WriteString(" [comma clause]")
		}
		switch {
		case w.ref >= 0:
			fmt.Fprintf(&b, " -> word %d", w.ref)
		case w.ref == fwdRef:
			b.WriteString(" -> previous sentence")
		}
		if w.hasConv {
			fmt.Fprintf(&b, " converted agent %s", w.convCode)
		}
		b.WriteByte('\n')
	}
	if res.Problem != "" {
		fmt.Fprintf(&b, "problem: %s\n", res.Problem)
	}
	for _, e := range res.Events {
		fmt.Fprintf(&b, "event: %s %s %s\n", e.Source, e.Target, e.Code)
	}
	return b.String()
}
