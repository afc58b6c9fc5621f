package httpserver

import (
	"net/url"
	"testing"
	"time"
)

func TestParseDateBound(t *testing.T) {
	tests := []struct {
		in         string
		upper      bool
		want       string
		wantFailed bool
	}{
		{"1979", false, "1979-01-01", false},
		{"1979", true, "1979-12-31", false},
		{"1992-02", true, "1992-02-29", false},
		{"1991-02", true, "1991-02-28", false},
		{"1991-10-23", true, "1991-10-23", false},
		{"1991-10-23", false, "1991-10-23", false},
		{"79", false, "", true},
		{"1991-13", false, "", true},
		{"1991-02-30", false, "", true},
		{"abcd", false, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseDateBound(tc.in, tc.upper)
			if (err != nil) != tc.wantFailed || got != tc.want {
				t.Errorf("parseDateBound(%q, %v) = %q, %v; want %q, failed %v", tc.in, tc.upper, got, err, tc.want, tc.wantFailed)
			}
		})
	}
}

func FuzzEventQuery(f *testing.F) {
	f.Add("source=JPN&target=KHM&from=1979&to=1991-02&limit=10&offset=3&quad=2&code=04&all=1")
	f.Add("text=%00&from=9999-99")
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := eventQuery(v)
		if err != nil {
			return
		}
		if q.Limit < 1 || q.Limit > MaxLimit || q.Offset < 0 || q.QuadClass < 0 || q.QuadClass > 4 {
			t.Fatalf("accepted out-of-range paging or quad: %+v", q)
		}
		for _, d := range []string{q.From, q.To} {
			if d == "" {
				continue
			}
			if _, err := time.Parse("2006-01-02", d); err != nil {
				t.Fatalf("date bound %q is not YYYY-MM-DD", d)
			}
		}
		if q.From != "" && q.To != "" && q.From > q.To {
			t.Fatalf("from %s after to %s accepted", q.From, q.To)
		}
		for _, c := range []string{q.Actor, q.Source, q.Target, q.Country, q.Role, q.SourceRole, q.TargetRole, q.Code} {
			for _, r := range c {
				if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
					t.Fatalf("code %q has %q", c, r)
				}
			}
		}
	})
}

func TestPeriods(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	tests := []struct {
		by, first, last string
		want            []string
	}{
		{"year", "1990-06-01", "1992-01-01", []string{"1990", "1991", "1992"}},
		{"month", "1991-11-30", "1992-01-01", []string{"1991-11", "1991-12", "1992-01"}},
		{"week", "2020-12-30", "2021-01-12", []string{"2020-W53", "2021-W01", "2021-W02"}},
		{"day", "2020-02-28", "2020-03-01", []string{"2020-02-28", "2020-02-29", "2020-03-01"}},
	}
	for _, tc := range tests {
		t.Run(tc.by, func(t *testing.T) {
			ps, err := periods(day(tc.first), day(tc.last), tc.by)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, periodLabel(p, tc.by))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %v, want %v", got, tc.want)
					break
				}
			}
		})
	}
	if _, err := periods(day("1900-01-01"), day("2020-01-01"), "day"); err == nil {
		t.Error("120 years of days: got no error, want too many periods")
	}
}
