package analysis

import (
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"strconv"
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
// It writes the fields in their declared order, as encoding/json would,
// without reflection: a panel of decades by month has thousands of rows.
func (r Row) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 256)
	b = append(b, `{"period":`...)
	b = appendJSONString(b, r.Period)
	b = append(b, `,"start":`...)
	b = appendJSONString(b, r.Start)
	b = append(b, `,"events":`...)
	b = strconv.AppendInt(b, int64(r.Events), 10)
	b = append(b, `,"quad_class":`...)
	b = appendInts(b, r.QuadClass[:])
	b = append(b, `,"roots":`...)
	b = appendInts(b, r.Roots[:])
	b = append(b, `,"goldstein_sum":`...)
	var err error
	if b, err = appendJSONFloat(b, r.GoldsteinSum); err != nil {
		return nil, err
	}
	b = append(b, `,"imprecise":`...)
	b = strconv.AppendInt(b, int64(r.Imprecise), 10)
	b = append(b, `,"goldstein_mean":`...)
	if m, ok := r.GoldsteinMean(); ok {
		if b, err = appendJSONFloat(b, m); err != nil {
			return nil, err
		}
	} else {
		b = append(b, "null"...)
	}
	return append(b, '}'), nil
}

// appendInts appends ns as a JSON array.
func appendInts(b []byte, ns []int) []byte {
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']')
}

// appendJSONFloat appends f as encoding/json writes a float64: the
// shortest representation, in exponent form only below 1e-6 or from 1e21
// on, with a two-digit exponent trimmed ("1e-07" becomes "1e-7"). NaN and
// the infinities are errors, as there.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, fmt.Errorf("analysis: unsupported value %v", f)
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// appendJSONString appends s as a JSON string. Period labels and dates are
// plain ASCII; anything else goes through encoding/json.
func appendJSONString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
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
