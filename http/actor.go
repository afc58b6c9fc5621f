package httpserver

import (
	"iter"
	"sort"
	"strings"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
)

// Count is a name with a number of events.
type Count struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

// PeriodCounts is, for one period, events counted by name (a CAMEO root or
// a role).
type PeriodCounts struct {
	Period string         `json:"period"`
	Counts map[string]int `json:"counts"`
}

// ActorProfile is what an actor did and with whom: the CAMEO roots of the
// events it took part in and the roles it was coded with, per period (only
// periods with events), and its most frequent partners (the actor on the
// other side of its events).
type ActorProfile struct {
	Actor    string          `json:"actor"`
	By       analysis.Period `json:"by"`
	Events   int             `json:"events"`
	Roots    []PeriodCounts  `json:"roots"`
	Roles    []PeriodCounts  `json:"roles"`
	Partners []Count         `json:"partners"`
}

// profile builds the profile of actor (a code prefix) from the events it
// took part in, as source or target, keeping the top partners. An event
// with the actor on both sides counts once, on its source side.
func profile(evs iter.Seq2[twintrack.Event, error], actor string, by analysis.Period, top int) (ActorProfile, error) {
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
	for ev, err := range evs {
		if err != nil {
			return ap, err
		}
		t, ok := analysis.EventDate(&ev)
		if !ok {
			continue
		}
		period := by.Label(by.Start(t))
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
	return ap, nil
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
