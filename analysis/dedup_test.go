package analysis

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

func TestDeduplicate(t *testing.T) {
	report := func(id, eventDate, docDate string, mods ...func(*twintrack.Event)) twintrack.Event {
		e := ev(eventDate, "JPNGOV", "KHMGOV", "043", 2.8, mods...)
		e.EventID, e.DocDate = id, docDate
		return e
	}
	evs := []twintrack.Event{
		report("a", "2019-03-11", "2019-03-12"),
		report("b", "2019-03-11", "2019-03-13"), // same happening, reported a day later
		report("c", "2019-03-12", "2019-03-12"), // another happening, same report date as a
		report("n", "2019-03-20", "2019-03-20", negated),
		report("d", "2019-03-20", "2019-03-21"), // a plain report after a negated one
	}
	tests := []struct {
		name string
		d    Dedup
		opt  Options
		want string
	}{
		{"none", KeepAll, Options{}, "a b c n d"},
		{"one per happening", OnePerHappening, Options{}, "a c n d"},
		{"one a day", OneADay, Options{}, "a b n d"},
		{"negated claims its group when counted", OnePerHappening, Options{IncludeNegated: true}, "a c n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for e, err := range Deduplicate(Slice(evs), tc.d, tc.opt) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, e.EventID)
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("kept %q, want %q", strings.Join(got, " "), tc.want)
			}
		})
	}
}

func TestParseDedup(t *testing.T) {
	for in, want := range map[string]Dedup{"": KeepAll, "none": KeepAll, "events": OnePerHappening, "happening": OnePerHappening, "one-a-day": OneADay} {
		if got, err := ParseDedup(in); err != nil || got != want {
			t.Errorf("ParseDedup(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := ParseDedup("weekly"); err == nil {
		t.Errorf("ParseDedup(weekly): got no error, want one")
	}
}

func FuzzParsers(f *testing.F) {
	for _, s := range []string{"1979", "1979-05", "1979-05-12", "2016-02-30", "", "JPN->KHM", "a,b", "->", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, end := range []bool{false, true} {
			if tm, err := ParseBound(s, end); err == nil && strings.TrimSpace(s) != "" && tm.IsZero() {
				t.Fatalf("ParseBound(%q) accepted a zero time", s)
			}
		}
		if d, err := ParseDyad(s); err == nil && !strings.Contains(s, d.Source) {
			t.Fatalf("ParseDyad(%q) = %+v: source not from the input", s, d)
		}
		if p, err := ParsePeriod(s); err == nil {
			if _, err := ParsePeriod(string(p)); err != nil {
				t.Fatalf("ParsePeriod does not read back its own %q", p)
			}
		}
	})
}
