package chart

import (
	"math"

	"github.com/twintrack/twintrack/analysis"
)

// labels returns the period labels of a panel.
func labels(rows []analysis.Row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.Period
	}
	return out
}

// PanelEvents charts the event counts of dyad panels, one series per dyad.
// The panels must cover the same periods, as analysis.Dyads makes them.
func PanelEvents(panels []analysis.Panel) *Chart {
	c := &Chart{Title: "Events per " + period(panels), YLabel: "events"}
	for i, p := range panels {
		if i == 0 {
			c.Labels = labels(p.Rows)
		}
		v := make([]float64, len(p.Rows))
		for k, r := range p.Rows {
			v[k] = float64(r.Events)
		}
		c.Series = append(c.Series, Series{Name: p.Dyad.String(), Values: v})
	}
	return c
}

// PanelGoldstein charts the Goldstein sums of dyad panels ("net
// cooperation"), one series per dyad.
func PanelGoldstein(panels []analysis.Panel) *Chart {
	c := &Chart{Title: "Goldstein sum per " + period(panels), YLabel: "Goldstein sum"}
	for i, p := range panels {
		if i == 0 {
			c.Labels = labels(p.Rows)
		}
		v := make([]float64, len(p.Rows))
		for k, r := range p.Rows {
			v[k] = r.GoldsteinSum
		}
		c.Series = append(c.Series, Series{Name: p.Dyad.String(), Values: v})
	}
	return c
}

// PanelQuadClass charts one dyad's events by QuadClass, four series.
func PanelQuadClass(p analysis.Panel) *Chart {
	names := []string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
	c := &Chart{Title: p.Dyad.String() + " by QuadClass", YLabel: "events", Labels: labels(p.Rows)}
	for q, name := range names {
		v := make([]float64, len(p.Rows))
		for k, r := range p.Rows {
			v[k] = float64(r.QuadClass[q])
		}
		c.Series = append(c.Series, Series{Name: name, Values: v})
	}
	return c
}

func period(panels []analysis.Panel) string {
	if len(panels) == 0 || panels[0].By == "" {
		return "period"
	}
	return string(panels[0].By)
}

// TwinTrack charts the two tracks of a twin-track table: the sender's
// engagement with the target's government and with its opposition.
func TwinTrack(tr *analysis.Tracks) *Chart {
	c := &Chart{Title: tr.Sender + " engagement with " + tr.Target + " government and opposition", YLabel: "events"}
	gov := make([]float64, len(tr.Rows))
	opp := make([]float64, len(tr.Rows))
	for i, r := range tr.Rows {
		c.Labels = append(c.Labels, r.Period)
		gov[i], opp[i] = float64(r.Gov), float64(r.Opp)
	}
	c.Series = []Series{{Name: "government", Values: gov}, {Name: "opposition", Values: opp}}
	return c
}

// OppShare charts the opposition share opp/(gov+opp) of a twin-track table;
// periods with no engagement are gaps.
func OppShare(tr *analysis.Tracks) *Chart {
	c := &Chart{Title: tr.Sender + " engagement with " + tr.Target + ": opposition share", YLabel: "opp / (gov + opp)"}
	v := make([]float64, len(tr.Rows))
	for i, r := range tr.Rows {
		c.Labels = append(c.Labels, r.Period)
		v[i] = math.NaN()
		if s, ok := r.OppShare(); ok {
			v[i] = s
		}
	}
	c.Series = []Series{{Name: "opposition share", Values: v}}
	return c
}
