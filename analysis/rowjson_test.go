package analysis

import (
	"encoding/json"
	"math"
	"testing"
)

// reflectRow is Row's JSON as encoding/json writes it by reflection: what
// the hand-written MarshalJSON must reproduce byte for byte.
func reflectRow(r Row) ([]byte, error) {
	type plain Row
	var mean *float64
	if m, ok := r.GoldsteinMean(); ok {
		mean = &m
	}
	return json.Marshal(struct {
		plain
		GoldsteinMean *float64 `json:"goldstein_mean"`
	}{plain(r), mean})
}

func TestRowJSONMatchesReflection(t *testing.T) {
	tests := []struct {
		name string
		row  Row
	}{
		{"empty", Row{}},
		{"year", Row{Period: "2019", Start: "2019-01-01", Events: 3, QuadClass: [4]int{1, 1, 0, 1}, GoldsteinSum: 4.4, Imprecise: 1}},
		{"roots", Row{Period: "2019-W05", Start: "2019-01-28", Events: 20, Roots: [20]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, GoldsteinSum: -123.45}},
		{"tiny sum", Row{Events: 7, GoldsteinSum: 1e-7}},
		{"boundary 1e-6", Row{Events: 1, GoldsteinSum: 1e-6}},
		{"below 1e-6, negative", Row{Events: 1, GoldsteinSum: -9.99e-7}},
		{"huge", Row{Events: 1, GoldsteinSum: 1e21}},
		{"huge exponent", Row{Events: 3, GoldsteinSum: 1.5e300}},
		{"just below 1e21", Row{Events: 1, GoldsteinSum: 999999999999999999999}},
		{"repeating mean", Row{Events: 3, GoldsteinSum: 1}},
		{"negative zero", Row{Events: 1, GoldsteinSum: math.Copysign(0, -1)}},
		{"odd label", Row{Period: "a\"b\\c<d>&é\x01", Start: "\u2028"}},
		{"invalid UTF-8", Row{Period: "\xff\xfe"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.row.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			want, err := reflectRow(tc.row)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

func TestRowJSONRejectsNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := (Row{Events: 1, GoldsteinSum: f}).MarshalJSON(); err == nil {
			t.Errorf("goldstein_sum %v: no error", f)
		}
	}
}

func FuzzRowJSON(f *testing.F) {
	f.Add("2019", "2019-01-01", 3, 4.4, 1, 2)
	f.Add("\"<&>", "\xff", 0, 1e-7, 0, 0)
	f.Fuzz(func(t *testing.T, period, start string, events int, sum float64, q1, r5 int) {
		if math.IsNaN(sum) || math.IsInf(sum, 0) || (events != 0 && math.IsInf(sum/float64(events), 0)) {
			t.Skip()
		}
		r := Row{Period: period, Start: start, Events: events, GoldsteinSum: sum, Imprecise: q1}
		r.QuadClass[0], r.Roots[4] = q1, r5
		got, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		want, err := reflectRow(r)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("got  %s\nwant %s", got, want)
		}
	})
}
