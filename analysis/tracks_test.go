package analysis

import (
	"testing"

	"github.com/twintrack/twintrack"
)

func withRoles(rs ...string) func(*twintrack.Event) {
	return func(e *twintrack.Event) { e.TargetRoles = rs }
}

// trackEvents is a small history of Japan and Cambodia: roles on the events
// follow the parties' status on the event date (the CNRP is opposition, the
// CPP government).
var trackEvents = []twintrack.Event{
	// 2013: both tracks.
	ev("2013-02-01", "JPNGOV", "KHMGOV", "043", 2.8, doc("a"), sentence(0)),
	ev("2013-02-01", "KHMGOV", "JPNGOV", "042", 1.9, doc("a"), sentence(0)), // the same visit, paired code
	ev("2013-05-03", "JPNGOV", "KHMOPPPTY", "043", 2.8, doc("b"), sentence(2)),
	ev("2013-05-03", "JPNGOV", "KHMOPPPTY", "036", 4, doc("b"), sentence(3)),
	ev("2013-07-10", "JPN", "KHMGOVPTY", "071", 7.4, doc("c"), withRoles("GOV", "PTY")),
	// 2014: government only, one conflictual event, one negated, one not by Japan.
	ev("2014-03-01", "JPNGOV", "KHMGOV", "071", 7.4, doc("d")),
	ev("2014-03-02", "JPNGOV", "KHMOPP", "112", -2, doc("e")),
	ev("2014-03-03", "JPNGOV", "KHMOPP", "043", 2.8, doc("f"), negated),
	ev("2014-03-04", "CHNGOV", "KHMOPP", "043", 2.8, doc("g")),
	ev("2014-04-01", "JPNGOV", "KHMGOV", "042", 1.9, doc("h")),
	ev("2014-04-02", "KHMOPP", "JPNGOV", "042", 1.9, doc("i"), func(e *twintrack.Event) { e.SourceRoles = []string{"OPP"} }),
	// 2015 nothing; 2016: the target is the country as such.
	ev("2016-01-01", "JPNGOV", "KHM", "051", 3.4, doc("j")),
}

func TestTwinTrack(t *testing.T) {
	type rowWant struct {
		period        string
		gov, opp, oth int
		twin          bool
		govOut, govIn int
		oppOut, oppIn int
		govEv, oppEv  int
		share         float64
		shareDefined  bool
	}
	tests := []struct {
		name        string
		sender      string
		opt         TrackOptions
		rows        []rowWant
		twinPeriods int
		active      int
		excluded    int
		totalGov    int
		totalOpp    int
	}{
		{
			name:   "yearly cooperative",
			sender: "JPN",
			opt:    TrackOptions{Options: Options{By: Year}, Evidence: 1},
			rows: []rowWant{
				{"2013", 2, 2, 0, true, 0, 1, 0, 1, 1, 1, 0.5, true},
				{"2014", 2, 0, 0, false, 1, 0, 0, 1, 1, 0, 0, true},
				{"2015", 0, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, false},
				{"2016", 0, 0, 1, false, 0, 0, 0, 0, 0, 0, 0, false},
			},
			twinPeriods: 1, active: 2, excluded: 1, totalGov: 4, totalOpp: 2,
		},
		{
			name:   "chosen roots, all evidence, negated included",
			sender: "JPNGOV",
			opt:    TrackOptions{Options: Options{By: Year, IncludeNegated: true}, Roots: []string{"04"}, Evidence: -1},
			rows: []rowWant{
				{"2013", 1, 1, 0, true, 0, 1, 0, 1, 1, 1, 0.5, true},
				{"2014", 1, 1, 0, true, 1, 0, 0, 2, 1, 1, 0.5, true},
				{"2015", 0, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, false},
				{"2016", 0, 0, 0, false, 0, 0, 0, 0, 0, 0, 0, false},
			},
			twinPeriods: 2, active: 2, totalGov: 2, totalOpp: 2,
		},
		{
			name:   "PLOVER types",
			sender: "JPN",
			// 043 is CONSULT, 036 AGREE and 071 AID.
			opt: TrackOptions{Options: Options{By: Year, To: date("2013-12-31")}, Plover: []string{"agree", "AID"}},
			rows: []rowWant{
				{"2013", 1, 1, 0, true, 0, 1, 0, 1, 0, 0, 0.5, true},
			},
			active: 1, twinPeriods: 1, totalGov: 1, totalOpp: 1,
		},
		{
			name:   "conflict quad classes",
			sender: "JPN",
			opt:    TrackOptions{Options: Options{By: Year, From: date("2014-01-01"), To: date("2014-12-31")}, QuadClasses: []int{3, 4}},
			rows: []rowWant{
				{"2014", 0, 1, 0, false, 1, 0, 0, 1, 0, 0, 1, true},
			},
			active: 1, excluded: 1, totalOpp: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := TwinTrack(Slice(trackEvents), tc.sender, "KHM", tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(tr.Rows) != len(tc.rows) {
				t.Fatalf("got %d rows, want %d: %+v", len(tr.Rows), len(tc.rows), tr.Rows)
			}
			for i, w := range tc.rows {
				r := tr.Rows[i]
				share, ok := r.OppShare()
				got := rowWant{r.Period, r.Gov, r.Opp, r.Other, r.TwinTrack, r.GovVisits.Out, r.GovVisits.In,
					r.OppVisits.Out, r.OppVisits.In, len(r.GovEvidence), len(r.OppEvidence), share, ok}
				if got != w {
					t.Errorf("row %d:\n got %+v\nwant %+v", i, got, w)
				}
				for _, e := range append(r.GovEvidence, r.OppEvidence...) {
					if e.Date[:4] != r.Period || e.Text == "" || e.EventID == "" {
						t.Errorf("row %s: evidence %+v from another period or without text", r.Period, e)
					}
				}
			}
			if tr.TwinTrackPeriods != tc.twinPeriods || tr.ActivePeriods != tc.active || tr.Excluded != tc.excluded {
				t.Errorf("twin-track periods %d active %d excluded %d, want %d %d %d",
					tr.TwinTrackPeriods, tr.ActivePeriods, tr.Excluded, tc.twinPeriods, tc.active, tc.excluded)
			}
			if tr.Total.Gov != tc.totalGov || tr.Total.Opp != tc.totalOpp {
				t.Errorf("total gov %d opp %d, want %d %d", tr.Total.Gov, tr.Total.Opp, tc.totalGov, tc.totalOpp)
			}
		})
	}
}

func TestSideOf(t *testing.T) {
	tests := []struct {
		name  string
		roles []string
		code  string
		want  Side
	}{
		{"gov role", []string{"GOV"}, "KHMGOV", Gov},
		{"ruling party", []string{"GOV", "PTY"}, "KHMGOVPTY", Gov},
		{"opposition party", []string{"OPP", "PTY"}, "KHMOPPPTY", Opp},
		{"roles from the code", nil, "KHMOPPPTY", Opp},
		{"country", nil, "KHM", Other},
		{"party of unknown status", []string{"PTY"}, "KHMPTY", Other},
		{"both is ambiguous", []string{"GOV", "OPP"}, "KHMGOVOPP", Other},
		{"lower-case role", []string{"opp"}, "KHMOPP", Opp},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := SideOf(tc.roles, tc.code); got != tc.want {
				t.Errorf("SideOf(%v, %q) = %v, want %v", tc.roles, tc.code, got, tc.want)
			}
		})
	}
}
