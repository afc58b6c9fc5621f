package httpserver

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
)

// The types and functions in this file turn the events of a query into
// what the dyad, twin-track, actor and network pages and API show.

// PanelRow is one period of a directed dyad: how many events, by QuadClass
// (Quad[0] is QuadClass 1), and their Goldstein sum and mean.
type PanelRow struct {
	Period        string  `json:"period"`
	Start         string  `json:"start"`
	Events        int     `json:"events"`
	Quad          [4]int  `json:"quad"`
	GoldsteinSum  float64 `json:"goldstein_sum"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// Panel is the A→B series of a dyad over zero-filled periods.
type Panel struct {
	Source string     `json:"source"`
	Target string     `json:"target"`
	By     string     `json:"by"`
	Rows   []PanelRow `json:"rows"`
}

// buildPanel counts events per period; events outside the periods are
// ignored.
func buildPanel(source, target, by string, ps []time.Time, evs []twintrack.Event) Panel {
	p := Panel{Source: source, Target: target, By: by, Rows: make([]PanelRow, len(ps))}
	idx := make(map[time.Time]int, len(ps))
	for i, t := range ps {
		idx[t] = i
		p.Rows[i] = PanelRow{Period: periodLabel(t, by), Start: t.Format("2006-01-02")}
	}
	for i := range evs {
		ev := &evs[i]
		t, ok := parseDay(ev.EventDate)
		if !ok {
			continue
		}
		j, ok := idx[periodStart(t, by)]
		if !ok {
			continue
		}
		r := &p.Rows[j]
		r.Events++
		if ev.QuadClass >= 1 && ev.QuadClass <= 4 {
			r.Quad[ev.QuadClass-1]++
		}
		r.GoldsteinSum += ev.Goldstein
	}
	for i := range p.Rows {
		if r := &p.Rows[i]; r.Events > 0 {
			r.GoldsteinMean = r.GoldsteinSum / float64(r.Events)
		}
	}
	return p
}

// Evidence is an event behind a count, with its sentence.
type Evidence struct {
	EventID  string `json:"event_id"`
	Date     string `json:"date"`
	Source   string `json:"source"`
	Code     string `json:"code"`
	Target   string `json:"target"`
	Sentence string `json:"sentence"`
}

// TrackRow is one period of a twin-track series: the sender's cooperative
// events (QuadClass 1 or 2) toward the target's government (target roles
// include GOV) and toward its opposition (target roles include OPP), the
// opposition share opp/(gov+opp) (0 when both are 0), whether both tracks
// are active, and the sender's visits to (042) and hosting of (043) the
// target's actors.
type TrackRow struct {
	Period   string     `json:"period"`
	Start    string     `json:"start"`
	End      string     `json:"end"`
	Gov      int        `json:"gov"`
	Opp      int        `json:"opp"`
	OppShare float64    `json:"opp_share"`
	Twin     bool       `json:"twin_track"`
	Visits   int        `json:"visits"`
	Hosts    int        `json:"hosts"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Tracks is the twin-track series of a sender toward a target.
type Tracks struct {
	Sender string     `json:"sender"`
	Target string     `json:"target"`
	By     string     `json:"by"`
	Rows   []TrackRow `json:"rows"`
}

// side returns "gov" or "opp" for the target's side of a cooperative
// event, "" when the event is on neither track. An event whose target is
// both (a ruling coalition partner that is also called opposition) counts
// as government.
func side(ev *twintrack.Event) string {
	if ev.QuadClass != 1 && ev.QuadClass != 2 {
		return ""
	}
	switch {
	case slices.Contains(ev.TargetRoles, "GOV"):
		return "gov"
	case slices.Contains(ev.TargetRoles, "OPP"):
		return "opp"
	}
	return ""
}

// buildTracks counts the two tracks per period and keeps up to perRow
// evidence events for each period.
func buildTracks(sender, target, by string, ps []time.Time, evs []twintrack.Event, perRow int) Tracks {
	tr := Tracks{Sender: sender, Target: target, By: by, Rows: make([]TrackRow, len(ps))}
	idx := make(map[time.Time]int, len(ps))
	for i, t := range ps {
		idx[t] = i
		tr.Rows[i] = TrackRow{Period: periodLabel(t, by), Start: t.Format("2006-01-02"),
			End: nextPeriod(t, by).AddDate(0, 0, -1).Format("2006-01-02")}
	}
	for i := range evs {
		ev := &evs[i]
		t, ok := parseDay(ev.EventDate)
		if !ok {
			continue
		}
		j, ok := idx[periodStart(t, by)]
		if !ok {
			continue
		}
		r := &tr.Rows[j]
		switch ev.Code {
		case "042":
			r.Visits++
		case "043":
			r.Hosts++
		}
		s := side(ev)
		switch s {
		case "gov":
			r.Gov++
		case "opp":
			r.Opp++
		default:
			continue
		}
		if len(r.Evidence) < perRow {
			r.Evidence = append(r.Evidence, Evidence{
				EventID: ev.EventID, Date: ev.EventDate, Source: ev.Source,
				Code: ev.Code, Target: ev.Target, Sentence: ev.SentenceText,
			})
		}
	}
	for i := range tr.Rows {
		r := &tr.Rows[i]
		if n := r.Gov + r.Opp; n > 0 {
			r.OppShare = float64(r.Opp) / float64(n)
		}
		r.Twin = r.Gov > 0 && r.Opp > 0
	}
	return tr
}

// Count is a name with a number of events.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// PeriodCounts is, for one period, the events counted by name (a CAMEO
// root or a role).
type PeriodCounts struct {
	Period string         `json:"period"`
	Counts map[string]int `json:"counts"`
}

// ActorProfile is what an actor did and with whom: the roots of the events
// it took part in, the roles it was coded with, per period, and its most
// frequent partners (the other side of its events).
type ActorProfile struct {
	Actor    string         `json:"actor"`
	By       string         `json:"by"`
	Events   int            `json:"events"`
	Roots    []PeriodCounts `json:"roots"`
	Roles    []PeriodCounts `json:"roles"`
	Partners []Count        `json:"partners"`
}

// buildActor profiles actor from the events it took part in (as source or
// target, matched by code prefix), keeping the top partners.
func buildActor(actor, by string, evs []twintrack.Event, top int) ActorProfile {
	ap := ActorProfile{Actor: actor, By: by}
	roots := map[string]map[string]int{}
	roles := map[string]map[string]int{}
	partners := map[string]int{}
	bump := func(m map[string]map[string]int, period, name string) {
		if m[period] == nil {
			m[period] = map[string]int{}
		}
		m[period][name]++
	}
	for i := range evs {
		ev := &evs[i]
		t, ok := parseDay(ev.EventDate)
		if !ok {
			continue
		}
		period := periodLabel(periodStart(t, by), by)
		var own []string
		var partner string
		switch {
		case strings.HasPrefix(ev.Source, actor):
			own, partner = ev.SourceRoles, ev.Target
		case strings.HasPrefix(ev.Target, actor):
			own, partner = ev.TargetRoles, ev.Source
		default:
			continue
		}
		ap.Events++
		bump(roots, period, ev.Root)
		for _, r := range own {
			bump(roles, period, r)
		}
		if partner != "" {
			partners[partner]++
		}
	}
	ap.Roots = sortedPeriods(roots)
	ap.Roles = sortedPeriods(roles)
	ap.Partners = topCounts(partners, top)
	return ap
}

func sortedPeriods(m map[string]map[string]int) []PeriodCounts {
	out := make([]PeriodCounts, 0, len(m))
	for p, c := range m {
		out = append(out, PeriodCounts{Period: p, Counts: c})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Period < out[j].Period })
	return out
}

// topCounts returns the n largest counts, ties broken by name.
func topCounts(m map[string]int, n int) []Count {
	out := make([]Count, 0, len(m))
	for k, c := range m {
		out = append(out, Count{k, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Edge is a directed edge of the actor network: events from Source to
// Target, split into cooperation (QuadClass 1-2) and conflict (3-4).
type Edge struct {
	Source      string `json:"source"`
	Target      string `json:"target"`
	Events      int    `json:"events"`
	Cooperation int    `json:"cooperation"`
	Conflict    int    `json:"conflict"`
}

// buildNetwork aggregates events into edges between countries (or between
// full actor codes when byActor is set), heaviest first, at most top.
func buildNetwork(evs []twintrack.Event, byActor bool, top int) []Edge {
	type key struct{ s, t string }
	m := map[key]*Edge{}
	for i := range evs {
		ev := &evs[i]
		k := key{ev.SourceCountry, ev.TargetCountry}
		if byActor || k.s == "" || k.t == "" {
			k = key{ev.Source, ev.Target}
		}
		if k.s == "" || k.t == "" {
			continue
		}
		e := m[k]
		if e == nil {
			e = &Edge{Source: k.s, Target: k.t}
			m[k] = e
		}
		e.Events++
		switch ev.QuadClass {
		case 1, 2:
			e.Cooperation++
		case 3, 4:
			e.Conflict++
		}
	}
	out := make([]Edge, 0, len(m))
	for _, e := range m {
		out = append(out, *e)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}
