package analysis

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
)

var dyadEvents = []twintrack.Event{
	ev("2019-01-15", "JPNGOV", "KHMGOV", "043", 2.8),
	ev("2019-01-20", "JPNGOV", "KHMOPP", "042", 1.9),
	ev("2019-03-02", "JPN", "KHMGOV", "071", 7.4),
	ev("2019-03-09", "JPNGOV", "KHMGOV", "112", -2),
	ev("2019-03-10", "JPNGOV", "KHMGOV", "036", 4, negated),
	ev("2019-03-11", "JPNGOV", "KHMGOV", "036", 4, hypothetical),
	ev("2019-03-12", "CHNGOV", "KHMGOV", "071", 7.4),
	ev("2019-03-13", "KHMGOV", "JPNGOV", "042", 1.9),
	ev("", "JPNGOV", "KHMGOV", "043", 2.8, func(e *twintrack.Event) { e.DocDate = "" }),
	ev("2019-02-01", "JPNGOV", "KHMGOV", "190", -10, precision("year")),
}

func TestDyads(t *testing.T) {
	type rowWant struct {
		period string
		events int
		quad   [4]int
		root   map[int]int
		sum    float64
		impr   int
	}
	tests := []struct {
		name     string
		dyads    []Dyad
		opt      Options
		want     map[string][]rowWant // dyad → rows
		undated  int
		excluded int
	}{
		{
			name:  "monthly, zero-filled, flags excluded",
			dyads: []Dyad{{"JPN", "KHM"}},
			opt:   Options{By: Month},
			want: map[string][]rowWant{"JPN->KHM": {
				{"2019-01", 2, [4]int{2, 0, 0, 0}, map[int]int{4: 2}, 4.7, 0},
				{"2019-02", 1, [4]int{0, 0, 0, 1}, map[int]int{19: 1}, -10, 1},
				{"2019-03", 2, [4]int{0, 1, 1, 0}, map[int]int{7: 1, 11: 1}, 5.4, 0},
			}},
			undated: 1, excluded: 2,
		},
		{
			name:  "government prefix and two dyads",
			dyads: []Dyad{{"JPNGOV", "KHMOPP"}, {"CHN", "KHM"}},
			opt:   Options{By: Year},
			want: map[string][]rowWant{
				"JPNGOV->KHMOPP": {{"2019", 1, [4]int{1, 0, 0, 0}, map[int]int{4: 1}, 1.9, 0}},
				"CHN->KHM":       {{"2019", 1, [4]int{0, 1, 0, 0}, map[int]int{7: 1}, 7.4, 0}},
			},
		},
		{
			name:  "explicit range wider than the data",
			dyads: []Dyad{{"CHN", "KHM"}},
			opt:   Options{By: Month, From: date("2019-02-01"), To: date("2019-04-30")},
			want: map[string][]rowWant{"CHN->KHM": {
				{"2019-02", 0, [4]int{}, nil, 0, 0},
				{"2019-03", 1, [4]int{0, 1, 0, 0}, map[int]int{7: 1}, 7.4, 0},
				{"2019-04", 0, [4]int{}, nil, 0, 0},
			}},
		},
		{
			name:  "include flags",
			dyads: []Dyad{{"JPNGOV", "KHMGOV"}},
			opt:   Options{By: Year, From: date("2019-03-01"), IncludeNegated: true, IncludeModal: true},
			want: map[string][]rowWant{"JPNGOV->KHMGOV": {
				{"2019", 3, [4]int{2, 0, 1, 0}, map[int]int{3: 2, 11: 1}, 6, 0},
			}},
			undated: 1,
		},
		{
			name:  "reverse direction is another dyad",
			dyads: []Dyad{{"KHM", "JPN"}},
			opt:   Options{By: Week},
			want: map[string][]rowWant{"KHM->JPN": {
				{"2019-W11", 1, [4]int{1, 0, 0, 0}, map[int]int{4: 1}, 1.9, 0},
			}},
		},
		{
			name:  "no matching events and no range",
			dyads: []Dyad{{"USA", "KHM"}},
			opt:   Options{By: Month},
			want:  map[string][]rowWant{"USA->KHM": nil},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			panels, res, err := Dyads(Slice(dyadEvents), tc.dyads, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if res.Undated != tc.undated || res.Excluded != tc.excluded {
				t.Errorf("undated %d excluded %d, want %d %d", res.Undated, res.Excluded, tc.undated, tc.excluded)
			}
			if len(panels) != len(tc.dyads) {
				t.Fatalf("got %d panels, want %d", len(panels), len(tc.dyads))
			}
			for _, p := range panels {
				want := tc.want[p.Dyad.String()]
				if len(p.Rows) != len(want) {
					t.Fatalf("%s: got %d rows, want %d: %+v", p.Dyad, len(p.Rows), len(want), p.Rows)
				}
				for i, w := range want {
					r := p.Rows[i]
					var roots [20]int
					for k, v := range w.root {
						roots[k-1] = v
					}
					if r.Period != w.period || r.Events != w.events || r.QuadClass != w.quad ||
						r.Roots != roots || !near(r.GoldsteinSum, w.sum) || r.Imprecise != w.impr {
						t.Errorf("%s row %d: got %s events %d quad %v roots %v sum %g imprecise %d, want %s %d %v %v %g %d",
							p.Dyad, i, r.Period, r.Events, r.QuadClass, r.Roots, r.GoldsteinSum, r.Imprecise,
							w.period, w.events, w.quad, roots, w.sum, w.impr)
					}
				}
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err) // test helper with literal input
	}
	return t
}

func TestRowJSONMean(t *testing.T) {
	tests := []struct {
		name string
		row  Row
		want string
	}{
		{"empty row has null mean", Row{Period: "2019"}, `"goldstein_mean":null`},
		{"mean", Row{Period: "2019", Events: 4, GoldsteinSum: 10}, `"goldstein_mean":2.5`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.row)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), tc.want) || !strings.Contains(string(b), `"period":"2019"`) {
				t.Errorf("got %s, want it to contain %s", b, tc.want)
			}
		})
	}
}

func TestDyadsStopsOnError(t *testing.T) {
	boom := errors.New("boom")
	seq := func(yield func(twintrack.Event, error) bool) {
		if !yield(ev("2019-01-01", "JPN", "KHM", "040", 1), nil) {
			return
		}
		yield(twintrack.Event{}, boom)
	}
	if _, _, err := Dyads(seq, []Dyad{{"JPN", "KHM"}}, Options{}); !errors.Is(err, boom) {
		t.Errorf("got error %v, want %v", err, boom)
	}
}

func TestParseDyad(t *testing.T) {
	tests := []struct {
		in   string
		want Dyad
		err  bool
	}{
		{"JPN->KHM", Dyad{"JPN", "KHM"}, false},
		{"JPNGOV,KHMOPP", Dyad{"JPNGOV", "KHMOPP"}, false},
		{"->KHM", Dyad{"", "KHM"}, false},
		{"JPN", Dyad{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDyad(tc.in)
			if (err != nil) != tc.err || got != tc.want {
				t.Errorf("ParseDyad(%q) = %v, %v, want %v, error %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}
