package store_test

import (
	"testing"

	"github.com/twintrack/twintrack/store"
)

func TestDateRange(t *testing.T) {
	tests := []struct {
		name, in, first, last string
		ok                    bool
	}{
		{"year", "1979", "1979-01-01", "1979-12-31", true},
		{"month", "1991-10", "1991-10-01", "1991-10-31", true},
		{"leap february", "2024-02", "2024-02-01", "2024-02-29", true},
		{"february", "2023-02", "2023-02-01", "2023-02-28", true},
		{"day", "2017-11-16", "2017-11-16", "2017-11-16", true},
		{"bad day", "2017-02-30", "", "", false},
		{"bad month", "2017-13", "", "", false},
		{"words", "last year", "", "", false},
		{"empty", "", "", "", false},
		{"short year", "79", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			first, last, err := store.DateRange(tc.in)
			if (err == nil) != tc.ok {
				t.Fatalf("DateRange(%q): got error %v, want ok=%v", tc.in, err, tc.ok)
			}
			if first != tc.first || last != tc.last {
				t.Errorf("DateRange(%q): got %s..%s, want %s..%s", tc.in, first, last, tc.first, tc.last)
			}
		})
	}
}

func TestFilterCheck(t *testing.T) {
	tests := []struct {
		name string
		f    store.Filter
		ok   bool
	}{
		{"zero", store.Filter{}, true},
		{"full", store.Filter{Source: []string{"JPN"}, Target: []string{"KHMOPP"}, Roots: []string{"04"},
			Codes: []string{"043"}, QuadClasses: []int{1, 2}, From: "1979", To: "1991-05"}, true},
		{"lower-case actor", store.Filter{Source: []string{"jpn"}}, false},
		{"actor with wildcard", store.Filter{Source: []string{"JP%"}}, false},
		{"long role", store.Filter{TargetRoles: []string{"GOVT"}}, false},
		{"code with letters", store.Filter{Codes: []string{"04a"}}, false},
		{"one-digit root", store.Filter{Roots: []string{"4"}}, false},
		{"quad class 5", store.Filter{QuadClasses: []int{5}}, false},
		{"from after to", store.Filter{From: "1992", To: "1991"}, false},
		{"same year", store.Filter{From: "1991", To: "1991"}, true},
		{"negative limit", store.Filter{Limit: -1}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.f.Check(); (err == nil) != tc.ok {
				t.Errorf("got error %v, want ok=%v", err, tc.ok)
			}
		})
	}
}

func TestSplitList(t *testing.T) {
	got := store.SplitList(" jpn, KHM,,usa ")
	if len(got) != 3 || got[0] != "JPN" || got[1] != "KHM" || got[2] != "USA" {
		t.Errorf("got %q, want [JPN KHM USA]", got)
	}
}

func FuzzDateRange(f *testing.F) {
	for _, s := range []string{"1979", "1991-10", "2024-02-29", "0000", "9999-12-31", "1-1-1", "2017-1-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		first, last, err := store.DateRange(s)
		if err != nil {
			return
		}
		if len(first) != 10 || len(last) != 10 || first > last {
			t.Fatalf("DateRange(%q) = %q, %q: want two dates in order", s, first, last)
		}
		for _, d := range []string{first, last} {
			if f2, l2, err := store.DateRange(d); err != nil || f2 != d || l2 != d {
				t.Fatalf("DateRange(%q) gave %q, which is not a day", s, d)
			}
		}
	})
}
