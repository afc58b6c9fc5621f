package analysis

import (
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
)

// TrackOptions configure TwinTrack.
type TrackOptions struct {
	Options
	// Roots are the CAMEO roots (or longer code prefixes, "043") that count
	// as engagement. When empty, Plover decides.
	Roots []string
	// Plover lists the PLOVER event types that count as engagement
	// (CONSULT, AGREE, SUPPORT, COOPERATE, AID), compared without regard to
	// case. When empty, QuadClasses decide.
	Plover []string
	// QuadClasses count as engagement when Roots and Plover are empty;
	// empty means 1 and 2 (verbal and material cooperation).
	QuadClasses []int
	// Evidence is how many events to keep as evidence per track and
	// period, earliest first; 0 keeps none and a negative number all.
	Evidence int
}

// Side is the side of the target country an event engages.
type Side int

// The sides.
const (
	// Other is an actor of the target country that is neither government
	// nor opposition (the country as such, business, media ...), or one
	// coded as both.
	Other Side = iota
	// Gov is the government side: actors with the role GOV, including
	// parties in government (GOVPTY).
	Gov
	// Opp is the opposition side: actors with the role OPP, including
	// opposition parties (OPPPTY).
	Opp
)

// SideOf classifies an actor of the target country by its roles (or, when
// roles is empty, by the chunks of its code). The dictionaries code an
// actor's status as of the event date, so a party moves from Opp to Gov when
// it enters government.
func SideOf(roleList []string, code string) Side {
	rs := roles(roleList, code)
	gov, opp := hasRole(rs, "GOV"), hasRole(rs, "OPP")
	switch {
	case gov && !opp:
		return Gov
	case opp && !gov:
		return Opp
	}
	return Other
}

// Evidence is an event behind a count.
type Evidence struct {
	EventID  string `json:"event_id"`
	DocID    string `json:"doc_id"`
	Sentence int    `json:"sentence"`
	Date     string `json:"date"`
	Source   string `json:"source"`
	Target   string `json:"target"`
	Code     string `json:"code"`
	Text     string `json:"sentence_text"`
}

// Visits counts the visit exchanges between the sender and one side of the
// target, both directions, from CAMEO 042 (make a visit) and 043 (host a
// visit). Out counts the sender going to the side: sender→side 042 or
// side→sender 043. In counts the side coming to the sender: sender→side 043
// or side→sender 042. One sentence counts once per direction, since a
// dictionary's paired code ([042:043]) codes the same visit both ways.
// Visits are counted whatever TrackOptions choose as engagement; negated and
// modal visits are left out like other events.
type Visits struct {
	Out int `json:"out"`
	In  int `json:"in"`
}

// TrackRow is one period of a twin-track table.
type TrackRow struct {
	Period string `json:"period"`
	Start  string `json:"start"`
	// Gov, Opp and Other count the sender's engagement events with each
	// side of the target country.
	Gov   int `json:"gov"`
	Opp   int `json:"opp"`
	Other int `json:"other"`
	// TwinTrack reports that both Gov and Opp are above zero.
	TwinTrack bool `json:"twin_track"`
	// GovVisits and OppVisits count visit exchanges with each side.
	GovVisits Visits `json:"gov_visits"`
	OppVisits Visits `json:"opp_visits"`
	// GovEvidence and OppEvidence list events behind Gov and Opp.
	GovEvidence []Evidence `json:"gov_evidence,omitempty"`
	OppEvidence []Evidence `json:"opp_evidence,omitempty"`
}

// OppShare returns opp/(gov+opp); false when both are zero.
func (r *TrackRow) OppShare() (float64, bool) {
	if r.Gov+r.Opp == 0 {
		return 0, false
	}
	return float64(r.Opp) / float64(r.Gov+r.Opp), true
}

// Tracks is the twin-track table of a sender and a target country.
type Tracks struct {
	Sender string     `json:"sender"`
	Target string     `json:"target"`
	By     Period     `json:"by"`
	Rows   []TrackRow `json:"rows"`
	// Total sums the rows (no evidence).
	Total TrackRow `json:"total"`
	// ActivePeriods counts periods with any Gov or Opp engagement;
	// TwinTrackPeriods those with both.
	ActivePeriods    int `json:"active_periods"`
	TwinTrackPeriods int `json:"twin_track_periods"`
	Result
}

// engages reports whether ev counts as engagement under the options.
func (o *TrackOptions) engages(ev *twintrack.Event) bool {
	if len(o.Roots) > 0 {
		for _, r := range o.Roots {
			if r != "" && strings.HasPrefix(ev.Code, r) {
				return true
			}
		}
		return false
	}
	if len(o.Plover) > 0 {
		for _, p := range o.Plover {
			if ev.Plover != "" && strings.EqualFold(ev.Plover, p) {
				return true
			}
		}
		return false
	}
	q := quadClass(ev)
	if len(o.QuadClasses) == 0 {
		return q == 1 || q == 2
	}
	return slices.Contains(o.QuadClasses, q)
}

// trackCell accumulates one period.
type trackCell struct {
	row     TrackRow
	govEv   []Evidence
	oppEv   []Evidence
	visited map[string]bool // doc, sentence, side and direction of counted visits
}

// TwinTrack measures, per period, the sender's engagement (cooperative
// events, or the chosen roots) with the government side and with the
// opposition side of the target country. sender is an actor code prefix
// ("JPN", "JPNGOV"); target is the target country's code ("KHM"). The side
// is decided by the target actor's roles on the event (see SideOf).
func TwinTrack(events iter.Seq2[twintrack.Event, error], sender, target string, opt TrackOptions) (*Tracks, error) {
	p := opt.period()
	tr := &Tracks{Sender: sender, Target: target, By: p}
	cells := map[time.Time]*trackCell{}
	cell := func(t time.Time) *trackCell {
		s := p.Start(t)
		c := cells[s]
		if c == nil {
			c = &trackCell{visited: map[string]bool{}}
			cells[s] = c
		}
		return c
	}
	var first, last time.Time
	for ev, err := range events {
		if err != nil {
			return nil, err
		}
		forward := strings.HasPrefix(ev.Source, sender) && strings.HasPrefix(ev.Target, target)
		backward := strings.HasPrefix(ev.Source, target) && strings.HasPrefix(ev.Target, sender)
		if !forward && !backward {
			continue
		}
		t, ok := EventDate(&ev)
		switch {
		case !ok:
			tr.Undated++
			continue
		case !opt.inRange(t):
			continue
		case !opt.counts(&ev):
			tr.Excluded++
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
		c := cell(t)
		if forward {
			c.countEngagement(&ev, &opt, t)
		}
		c.countVisit(&ev, forward)
	}
	from, to := opt.From, opt.To
	if from.IsZero() {
		from = first
	}
	if to.IsZero() {
		to = last
	}
	if from.IsZero() || to.IsZero() {
		return tr, nil
	}
	starts, err := p.periods(from, to)
	if err != nil {
		return nil, err
	}
	tr.Rows = make([]TrackRow, len(starts))
	for i, s := range starts {
		if c := cells[s]; c != nil {
			tr.Rows[i] = c.finish(opt.Evidence)
		}
		r := &tr.Rows[i]
		r.Period, r.Start = p.Label(s), s.Format("2006-01-02")
		tr.Total.add(r)
		if r.Gov+r.Opp > 0 {
			tr.ActivePeriods++
		}
		if r.TwinTrack {
			tr.TwinTrackPeriods++
		}
	}
	tr.Total.Period = "total"
	tr.Total.TwinTrack = tr.Total.Gov > 0 && tr.Total.Opp > 0
	return tr, nil
}

// countEngagement counts a sender→target event on its side.
func (c *trackCell) countEngagement(ev *twintrack.Event, opt *TrackOptions, t time.Time) {
	if !opt.engages(ev) {
		return
	}
	e := Evidence{EventID: ev.EventID, DocID: ev.DocID, Sentence: ev.Sentence, Date: t.Format("2006-01-02"),
		Source: ev.Source, Target: ev.Target, Code: ev.Code, Text: ev.SentenceText}
	switch SideOf(ev.TargetRoles, ev.Target) {
	case Gov:
		c.row.Gov++
		if opt.Evidence != 0 {
			c.govEv = append(c.govEv, e)
		}
	case Opp:
		c.row.Opp++
		if opt.Evidence != 0 {
			c.oppEv = append(c.oppEv, e)
		}
	default:
		c.row.Other++
	}
}

// countVisit counts a 042 or 043 event as a visit exchange (see Visits).
func (c *trackCell) countVisit(ev *twintrack.Event, forward bool) {
	code := strings.TrimSpace(ev.Code)
	if code != "042" && code != "043" {
		return
	}
	side := SideOf(ev.TargetRoles, ev.Target)
	if !forward {
		side = SideOf(ev.SourceRoles, ev.Source)
	}
	if side == Other {
		return
	}
	// Forward 042 and backward 043 are the sender going out.
	out := (code == "042") == forward
	key := ev.DocID + "\x00" + strconv.Itoa(ev.Sentence) + "\x00" + strconv.Itoa(int(side))
	if out {
		key += "\x00out"
	} else {
		key += "\x00in"
	}
	if c.visited[key] {
		return
	}
	c.visited[key] = true
	v := &c.row.GovVisits
	if side == Opp {
		v = &c.row.OppVisits
	}
	if out {
		v.Out++
	} else {
		v.In++
	}
}

// finish sorts and trims the evidence and returns the row.
func (c *trackCell) finish(n int) TrackRow {
	r := c.row
	r.TwinTrack = r.Gov > 0 && r.Opp > 0
	r.GovEvidence = trim(c.govEv, n)
	r.OppEvidence = trim(c.oppEv, n)
	return r
}

// trim orders evidence by date, document, sentence and event id, and keeps
// the first n (all when n is negative).
func trim(ev []Evidence, n int) []Evidence {
	slices.SortFunc(ev, func(a, b Evidence) int {
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.DocID, b.DocID); c != 0 {
			return c
		}
		if a.Sentence != b.Sentence {
			return a.Sentence - b.Sentence
		}
		return strings.Compare(a.EventID, b.EventID)
	})
	if n >= 0 && len(ev) > n {
		ev = ev[:n]
	}
	return ev
}

// add sums a row into a total.
func (r *TrackRow) add(x *TrackRow) {
	r.Gov += x.Gov
	r.Opp += x.Opp
	r.Other += x.Other
	r.GovVisits.Out += x.GovVisits.Out
	r.GovVisits.In += x.GovVisits.In
	r.OppVisits.Out += x.OppVisits.Out
	r.OppVisits.In += x.OppVisits.In
}
