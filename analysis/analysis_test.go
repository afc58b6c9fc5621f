package analysis

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
)

// ev makes a hand-made event: date, source, target, code and Goldstein
// score; mods may set more fields.
func ev(date, src, tgt, code string, gold float64, mods ...func(*twintrack.Event)) twintrack.Event {
	e := twintrack.Event{EventDate: date, DocDate: date, Source: src, Target: tgt, Code: code,
		Root: code[:2], Goldstein: gold, DocID: "d-" + date, EventID: src + code + tgt + date,
		SentenceText: src + " " + code + " " + tgt}
	if info, ok := cameo.Resolve(code); ok {
		e.Plover = info.Plover
	}
	switch r := code[:2]; {
	case r <= "05":
		e.QuadClass = 1
	case r <= "09":
		e.QuadClass = 2
	case r <= "14":
		e.QuadClass = 3
	default:
		e.QuadClass = 4
	}
	for _, m := range mods {
		m(&e)
	}
	return e
}

func negated(e *twintrack.Event)      { e.Negated = true }
func hypothetical(e *twintrack.Event) { e.Modality = "hypothetical" }
func sentence(n int) func(*twintrack.Event) {
	return func(e *twintrack.Event) { e.Sentence = n }
}
func doc(id string) func(*twintrack.Event) {
	return func(e *twintrack.Event) { e.DocID = id }
}
func precision(p string) func(*twintrack.Event) {
	return func(e *twintrack.Event) { e.DatePrecision = p }
}

func mustBound(t *testing.T, s string, end bool) Options {
	t.Helper()
	tm, err := ParseBound(s, end)
	if err != nil {
		t.Fatal(err)
	}
	if end {
		return Options{To: tm}
	}
	return Options{From: tm}
}

func TestParseBound(t *testing.T) {
	tests := []struct {
		name, in string
		end      bool
		want     string
		err      bool
	}{
		{"year start", "1979", false, "1979-01-01", false},
		{"year end", "1979", true, "1979-12-31", false},
		{"month end leap", "2016-02", true, "2016-02-29", false},
		{"day", "2016-02-10", true, "2016-02-10", false},
		{"empty", "", false, "0001-01-01", false},
		{"bad", "79", false, "", true},
		{"bad month", "1979-13", false, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseBound(tc.in, tc.end)
			if (err != nil) != tc.err {
				t.Fatalf("ParseBound(%q) error %v, want error %v", tc.in, err, tc.err)
			}
			if err == nil && got.Format("2006-01-02") != tc.want {
				t.Errorf("ParseBound(%q, %v) = %s, want %s", tc.in, tc.end, got.Format("2006-01-02"), tc.want)
			}
		})
	}
}

func TestPeriodLabels(t *testing.T) {
	from, _ := ParseBound("2018-12-30", false)
	to, _ := ParseBound("2019-01-08", true)
	tests := []struct {
		p    Period
		want string
	}{
		{Day, "2018-12-30 2018-12-31 2019-01-01 2019-01-02 2019-01-03 2019-01-04 2019-01-05 2019-01-06 2019-01-07 2019-01-08"},
		{Week, "2018-W52 2019-W01 2019-W02"},
		{Month, "2018-12 2019-01"},
		{Year, "2018 2019"},
	}
	for _, tc := range tests {
		t.Run(string(tc.p), func(t *testing.T) {
			starts, err := tc.p.periods(from, to)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range starts {
				got = append(got, tc.p.Label(s))
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("periods = %s, want %s", strings.Join(got, " "), tc.want)
			}
		})
	}
	if _, err := Day.periods(from, from.AddDate(1000, 0, 0)); err == nil {
		t.Errorf("a 1000-year daily panel: got no error, want one")
	}
}
