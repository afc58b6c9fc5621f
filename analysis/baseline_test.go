package analysis

import (
	"testing"

	"github.com/twintrack/twintrack"
)

func TestBaseline(t *testing.T) {
	evs := []twintrack.Event{
		ev("2013-01-01", "JPNGOV", "KHMGOV", "043", 2.8),
		ev("2013-02-01", "JPNGOV", "KHMOPP", "043", 2.8),
		ev("2014-01-01", "JPNGOV", "KHMOPP", "036", 4),
		ev("2013-01-01", "CHNGOV", "KHMGOV", "071", 7.4),
		ev("2014-01-01", "CHNGOV", "KHMGOVPTY", "071", 7.4),
		ev("2015-01-01", "CHN", "KHMGOV", "057", 6.5),
		ev("2015-01-02", "CHNGOV", "KHMOPP", "112", -2), // conflict: not engagement
		ev("2015-01-03", "USAGOV", "KHMOPP", "043", 2.8, negated),
		ev("2015-01-04", "USAGOV", "KHM", "051", 3.4),
		ev("2015-01-05", "KHMGOV", "KHMOPP", "036", 4), // domestic
		ev("2015-01-06", "THAGOV", "VNMGOV", "036", 4), // another target
	}
	got, err := Baseline(Slice(evs), "KHM", TrackOptions{Options: Options{By: Year}})
	if err != nil {
		t.Fatal(err)
	}
	want := []SenderSummary{
		{Sender: "CHN", Gov: 3, ActivePeriods: 3},
		{Sender: "JPN", Gov: 1, Opp: 2, ActivePeriods: 2, TwinTrackPeriods: 1},
		{Sender: "USA", Other: 1},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sender %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if s, ok := got[1].OppShare(); !ok || !near(s, 2.0/3) {
		t.Errorf("JPN opp share %g %v, want 0.667", s, ok)
	}
	if _, ok := got[2].OppShare(); ok {
		t.Errorf("USA opp share defined, want undefined")
	}
}
