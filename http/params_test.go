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
		if q.Limit < 1 || q.Limit > MaxLimit || q.Offset < 0 {
			t.Fatalf("accepted out-of-range paging: %+v", q)
		}
		for _, c := range q.QuadClasses {
			if c < 1 || c > 4 {
				t.Fatalf("accepted QuadClass %d", c)
			}
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
