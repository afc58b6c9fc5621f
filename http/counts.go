package httpserver

import (
	"context"
	"time"

	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/store"
)

// Counter counts dyad panels and twin-track tables in the database, so that
// a request reads a few hundred grouped rows instead of every event of the
// dyad. *store.DB implements it; a Store made by FromStore over one uses
// it, and the server then builds the same panels and tables as package
// analysis would from the events (a test compares both on the same store).
type Counter interface {
	// DyadCounts counts the events from q.A to q.B and back per period,
	// by QuadClass and by root.
	DyadCounts(ctx context.Context, q store.DyadQuery) (store.DyadCounts, error)
	// TrackCounts counts q.A's engagement with each side of q.B and their
	// visit exchanges per period.
	TrackCounts(ctx context.Context, q store.DyadQuery) (store.TrackCounts, error)
	// TrackEvidence returns the first n engagement events of each period
	// and side.
	TrackEvidence(ctx context.Context, q store.DyadQuery, n int) ([]store.TrackEvidence, error)
}

// counter returns the Counter behind the server's store, or nil.
func (s *Server) counter() Counter {
	if s.noCounts {
		return nil
	}
	if db, ok := s.store.(*storeDB); ok {
		if c, ok := db.r.(Counter); ok {
			return c
		}
	}
	if c, ok := s.store.(Counter); ok {
		return c
	}
	return nil
}

// storePeriods maps analysis periods to the store's.
var storePeriods = map[analysis.Period]store.Period{
	analysis.Day: store.PeriodDay, analysis.Week: store.PeriodWeek,
	analysis.Month: store.PeriodMonth, analysis.Year: store.PeriodYear,
}

// countQuery returns the store query of a dyad or track request; false when
// the counts cannot answer it.
func (d *analysisRequest) countQuery() (store.DyadQuery, bool) {
	p, ok := storePeriods[d.opt.By]
	return store.DyadQuery{A: d.a, B: d.b, From: d.from, To: d.to, Period: p,
		IncludeNegated: d.opt.IncludeNegated, IncludeModal: d.opt.IncludeModal}, ok
}

// maxCountPeriods is analysis's own cap on the periods of a panel; beyond
// it the server lets package analysis report the error.
const maxCountPeriods = 200_000

// span returns the period starts from the one containing from to the one
// containing to; false when there are too many.
func span(p analysis.Period, from, to time.Time) ([]time.Time, bool) {
	var out []time.Time
	for t := p.Start(from); !t.After(to); t = p.Next(t) {
		if len(out) == maxCountPeriods {
			return nil, false
		}
		out = append(out, t)
	}
	return out, true
}

// bounds returns the range of a table: the request's bounds, or the first
// and last period with counted events.
func (d *analysisRequest) bounds(first, last string) (from, to time.Time) {
	from, to = d.opt.From, d.opt.To
	if from.IsZero() && first != "" {
		from, _ = time.Parse(time.DateOnly, first)
	}
	if to.IsZero() && last != "" {
		to, _ = time.Parse(time.DateOnly, last)
	}
	return from, to
}

// countDyads answers a dyad request from the database's counts. It returns
// false, and the caller reads the events, when the store cannot count or
// the counts cannot reproduce package analysis exactly.
func (s *Server) countDyads(ctx context.Context, c Counter, d analysisRequest) (DyadPanels, bool, error) {
	q, ok := d.countQuery()
	if !ok {
		return DyadPanels{}, false, nil
	}
	dc, err := c.DyadCounts(ctx, q)
	if err != nil || dc.Odd > 0 {
		return DyadPanels{}, false, err
	}
	p := d.opt.By
	cells := [2]map[string]*analysis.Row{{}, {}}
	var first, last string
	for _, x := range dc.Rows {
		if first == "" || x.Start < first {
			first = x.Start
		}
		last = max(last, x.Start)
		dir := 0
		if x.Backward {
			dir = 1
		}
		r := cells[dir][x.Start]
		if r == nil {
			r = &analysis.Row{}
			cells[dir][x.Start] = r
		}
		r.Events += int(x.Events)
		for i, n := range x.QuadClass {
			r.QuadClass[i] += int(n)
		}
		for i, n := range x.Roots {
			r.Roots[i] += int(n)
		}
		r.GoldsteinSum += x.Goldstein
		r.Imprecise += int(x.Imprecise)
	}
	var starts []time.Time
	if from, to := d.bounds(first, last); !from.IsZero() && !to.IsZero() {
		if starts, ok = span(p, from, to); !ok {
			return DyadPanels{}, false, nil
		}
	}
	dyads := []analysis.Dyad{{Source: d.a, Target: d.b}, {Source: d.b, Target: d.a}}
	panels := make([]analysis.Panel, 2)
	for i, dy := range dyads {
		rows := make([]analysis.Row, len(starts))
		for k, t := range starts {
			start := t.Format(time.DateOnly)
			if r := cells[i][start]; r != nil {
				rows[k] = *r
			}
			rows[k].Period, rows[k].Start = p.Label(t), start
		}
		panels[i] = analysis.Panel{Dyad: dy, By: p, Rows: rows}
	}
	return DyadPanels{By: p, Panels: panels, Result: analysis.Result{Excluded: int(dc.Excluded)}}, true, nil
}

// countTracks answers a twin-track request from the database's counts and
// a second query for the evidence; false as countDyads.
func (s *Server) countTracks(ctx context.Context, c Counter, d analysisRequest) (*analysis.Tracks, bool, error) {
	q, ok := d.countQuery()
	if !ok {
		return nil, false, nil
	}
	tc, err := c.TrackCounts(ctx, q)
	if err != nil || tc.Odd > 0 {
		return nil, false, err
	}
	p := d.opt.By
	tr := &analysis.Tracks{Sender: d.a, Target: d.b, By: p, Result: analysis.Result{Excluded: int(tc.Excluded)}}
	var first, last string
	byStart := map[string]*store.TrackPeriod{}
	for i := range tc.Periods {
		x := &tc.Periods[i]
		byStart[x.Start] = x
		if first == "" || x.Start < first {
			first = x.Start
		}
		last = max(last, x.Start)
	}
	from, to := d.bounds(first, last)
	if from.IsZero() || to.IsZero() {
		return tr, true, nil
	}
	starts, ok := span(p, from, to)
	if !ok {
		return nil, false, nil
	}
	evidence := map[string]*[2][]analysis.Evidence{}
	if d.evidence != 0 {
		evs, err := c.TrackEvidence(ctx, q, d.evidence)
		if err != nil {
			return nil, false, err
		}
		for _, e := range evs {
			ev := evidence[e.Start]
			if ev == nil {
				ev = &[2][]analysis.Evidence{}
				evidence[e.Start] = ev
			}
			i := 0
			if e.Side == store.SideOpp {
				i = 1
			}
			ev[i] = append(ev[i], analysis.Evidence{EventID: e.EventID, DocID: e.DocID, Sentence: e.Sentence,
				Date: e.EventDate, Source: e.Source, Target: e.Target, Code: e.Code, Text: e.SentenceText})
		}
	}
	tr.Rows = make([]analysis.TrackRow, len(starts))
	var total analysis.TrackRow
	for i, t := range starts {
		start := t.Format(time.DateOnly)
		r := &tr.Rows[i]
		if x := byStart[start]; x != nil {
			r.Gov, r.Opp, r.Other = int(x.Gov), int(x.Opp), int(x.Other)
			r.GovVisits = analysis.Visits{Out: int(x.GovOut), In: int(x.GovIn)}
			r.OppVisits = analysis.Visits{Out: int(x.OppOut), In: int(x.OppIn)}
			r.TwinTrack = r.Gov > 0 && r.Opp > 0
		}
		if ev := evidence[start]; ev != nil {
			r.GovEvidence, r.OppEvidence = ev[0], ev[1]
		}
		r.Period, r.Start = p.Label(t), start
		total.Gov += r.Gov
		total.Opp += r.Opp
		total.Other += r.Other
		total.GovVisits.Out += r.GovVisits.Out
		total.GovVisits.In += r.GovVisits.In
		total.OppVisits.Out += r.OppVisits.Out
		total.OppVisits.In += r.OppVisits.In
		if r.Gov+r.Opp > 0 {
			tr.ActivePeriods++
		}
		if r.TwinTrack {
			tr.TwinTrackPeriods++
		}
	}
	total.Period = "total"
	total.TwinTrack = total.Gov > 0 && total.Opp > 0
	tr.Total = total
	return tr, true, nil
}
