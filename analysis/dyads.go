package analysis

import (
	"encoding/json"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
)

// Dyad is a directed pair of actors, each given as a code prefix ("JPN",
// "JPNGOV"; empty matches every actor).
type Dyad struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// String returns "SOURCE->TARGET", with "*" for an empty prefix.
func (d Dyad) String() string {
	s, t := d.Source, d.Target
	if s == "" {
		s = "*"
	}
	if t == "" {
		t = "*"
	}
	return s + "->" + t
}

// Match reports whether ev goes from the dyad's source to its target.
func (d Dyad) Match(ev *twintrack.Event) bool {
	return strings.HasPrefix(ev.Source, d.Source) && strings.HasPrefix(ev.Target, d.Target)
}

// Row is one period of a dyad panel.
type Row struct {
	// Period labels the period (see Period.Label); Start is its first day
	// (YYYY-MM-DD).
	Period string `json:"period"`
	Start  string `json:"start"`
	// Events counts the dyad's events in the period.
	Events int `json:"events"`
	// QuadClass counts them by QuadClass: QuadClass[0] is class 1 (verbal
	// cooperation) ... QuadClass[3] class 4 (material conflict).
	QuadClass [4]int `json:"quad_class"`
	// Roots counts them by CAMEO root: Roots[0] is root 01 ... Roots[19]
	// root 20.
	Roots [20]int `json:"roots"`
	// GoldsteinSum adds up their Goldstein scores.
	GoldsteinSum float64 `json:"goldstein_sum"`
	// Imprecise counts the events dated more coarsely than the period.
	Imprecise int `json:"imprecise"`
}

// GoldsteinMean returns the mean Goldstein score of the row's events; false
// when it has none.
func (r *Row) GoldsteinMean() (float64, bool) {
	if r.Events == 0 {
		return 0, false
	}
	return r.GoldsteinSum / float64(r.Events), true
}

// MarshalJSON adds goldstein_mean (null for an empty row) to the fields.
func (r Row) MarshalJSON() ([]byte, error) {
	type plain Row
	var mean *float64
	if m, ok := r.GoldsteinMean(); ok {
		mean = &m
	}
	return json.Marshal(struct {
		plain
		GoldsteinMean *float64 `json:"goldstein_mean"`
	}{plain(r), mean})
}

// Panel is the time series of one dyad.
type Panel struct {
	Dyad Dyad   `json:"dyad"`
	By   Period `json:"by"`
	Rows []Row  `json:"rows"`
}

// Result carries what an analysis left out, so that users can see it.
type Result struct {
	// Undated counts matching events with no usable date.
	Undated int `json:"undated"`
	// Excluded counts matching events left out as negated or modal.
	Excluded int `json:"excluded"`
}

// Dyads builds one zero-filled panel per dyad. All panels cover the same
// periods: from opt.From (or the first counted event of any dyad) to opt.To
// (or the last). An event is counted in every dyad it matches.
func Dyads(events iter.Seq2[twintrack.Event, error], dyads []Dyad, opt Options) ([]Panel, Result, error) {
	var res Result
	p := opt.period()
	cells := make([]map[time.Time]*Row, len(dyads))
	for i := range cells {
		cells[i] = map[time.Time]*Row{}
	}
	var first, last time.Time
	for ev, err := range events {
		if err != nil {
			return nil, res, err
		}
		matched := false
		for _, d := range dyads {
			if d.Match(&ev) {
				matched = true
				break
			}
		}
		if !matched {
			continue
		}
		t, ok := EventDate(&ev)
		switch {
		case !ok:
			res.Undated++
			continue
		case !opt.inRange(t):
			continue
		case !opt.counts(&ev):
			res.Excluded++
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
		start := p.Start(t)
		for i, d := range dyads {
			if !d.Match(&ev) {
				continue
			}
			r := cells[i][start]
			if r == nil {
				r = &Row{}
				cells[i][start] = r
			}
			r.add(&ev, p)
		}
	}
	from, to := opt.From, opt.To
	if from.IsZero() {
		from = first
	}
	if to.IsZero() {
		to = last
	}
	var starts []time.Time
	if !from.IsZero() && !to.IsZero() {
		var err error
		if starts, err = p.periods(from, to); err != nil {
			return nil, res, err
		}
	}
	panels := make([]Panel, len(dyads))
	for i, d := range dyads {
		rows := make([]Row, len(starts))
		for k, s := range starts {
			if r := cells[i][s]; r != nil {
				rows[k] = *r
			}
			rows[k].Period, rows[k].Start = p.Label(s), s.Format("2006-01-02")
		}
		panels[i] = Panel{Dyad: d, By: p, Rows: rows}
	}
	return panels, res, nil
}

// add counts ev in the row.
func (r *Row) add(ev *twintrack.Event, p Period) {
	r.Events++
	if q := quadClass(ev); q >= 1 && q <= 4 {
		r.QuadClass[q-1]++
	}
	if i := rootIndex(root(ev)); i >= 0 {
		r.Roots[i]++
	}
	r.GoldsteinSum += ev.Goldstein
	if p.coarser(ev.DatePrecision) {
		r.Imprecise++
	}
}

// ParseDyad reads "SOURCE->TARGET" or "SOURCE,TARGET".
func ParseDyad(s string) (Dyad, error) {
	for _, sep := range []string{"->", ","} {
		if a, b, ok := strings.Cut(s, sep); ok {
			return Dyad{Source: strings.TrimSpace(a), Target: strings.TrimSpace(b)}, nil
		}
	}
	return Dyad{}, fmt.Errorf("bad dyad %q (want SOURCE->TARGET)", s)
}
