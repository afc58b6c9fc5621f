package analysis

import (
	"cmp"
	"iter"
	"slices"
	"time"

	"github.com/twintrack/twintrack"
)

// SenderSummary is one sender country's engagement with a target country's
// government and opposition over a whole range, for comparing a sender with
// the others (the baseline).
type SenderSummary struct {
	Sender string `json:"sender"`
	Gov    int    `json:"gov"`
	Opp    int    `json:"opp"`
	Other  int    `json:"other"`
	// ActivePeriods counts periods with any Gov or Opp engagement;
	// TwinTrackPeriods those with both.
	ActivePeriods    int `json:"active_periods"`
	TwinTrackPeriods int `json:"twin_track_periods"`
}

// OppShare returns opp/(gov+opp); false when both are zero.
func (s *SenderSummary) OppShare() (float64, bool) {
	if s.Gov+s.Opp == 0 {
		return 0, false
	}
	return float64(s.Opp) / float64(s.Gov+s.Opp), true
}

// Baseline summarises, for every sender country, its engagement with the
// target country's government and opposition under the same rules as
// TwinTrack (engagement, sides, periods, flags), so that one sender's
// twin-track profile can be compared with everyone else's. A sender's
// country is its event's source_country, else the first three letters of
// its code; the target country itself (domestic events) is left out. The
// summaries are ordered by Gov+Opp, largest first, then by sender.
func Baseline(events iter.Seq2[twintrack.Event, error], target string, opt TrackOptions) ([]SenderSummary, error) {
	p := opt.period()
	type cell struct{ gov, opp int }
	sums := map[string]*SenderSummary{}
	cells := map[string]map[time.Time]*cell{}
	for ev, err := range events {
		if err != nil {
			return nil, err
		}
		if len(ev.Target) < len(target) || ev.Target[:len(target)] != target {
			continue
		}
		sender := country(ev.SourceCountry, ev.Source)
		if sender == "" || sender == target {
			continue
		}
		t, ok := EventDate(&ev)
		if !ok || !opt.inRange(t) || !opt.counts(&ev) || !opt.engages(&ev) {
			continue
		}
		s := sums[sender]
		if s == nil {
			s = &SenderSummary{Sender: sender}
			sums[sender] = s
			cells[sender] = map[time.Time]*cell{}
		}
		start := p.Start(t)
		c := cells[sender][start]
		if c == nil {
			c = &cell{}
			cells[sender][start] = c
		}
		switch SideOf(ev.TargetRoles, ev.Target) {
		case Gov:
			s.Gov++
			c.gov++
		case Opp:
			s.Opp++
			c.opp++
		default:
			s.Other++
		}
	}
	out := make([]SenderSummary, 0, len(sums))
	for sender, s := range sums {
		for _, c := range cells[sender] {
			if c.gov+c.opp > 0 {
				s.ActivePeriods++
			}
			if c.gov > 0 && c.opp > 0 {
				s.TwinTrackPeriods++
			}
		}
		out = append(out, *s)
	}
	slices.SortFunc(out, func(a, b SenderSummary) int {
		return cmp.Or(cmp.Compare(b.Gov+b.Opp, a.Gov+a.Opp), cmp.Compare(a.Sender, b.Sender))
	})
	return out, nil
}
