package export

import "testing"

func TestPartitionOf(t *testing.T) {
	tests := []struct {
		name      string
		by        By
		date      string
		want      string
		wantDated bool
	}{
		{"year", Year, "2019-03-12", "year=2019", true},
		{"month", Month, "2019-03-12", "year=2019/month=03", true},
		{"day", Day, "2019-03-12", "year=2019/month=03/day=12", true},
		{"timestamp suffix", Month, "2019-12-31T23:59:00Z", "year=2019/month=12", true},
		{"early year", Year, "0979-01-01", "year=0979", true},
		{"empty", Year, "", "year=" + Undated, false},
		{"empty by day", Day, "", "year=" + Undated + "/month=" + Undated + "/day=" + Undated, false},
		{"month only", Month, "2019-03", "year=" + Undated + "/month=" + Undated, false},
		{"impossible day", Day, "2019-02-30", "year=" + Undated + "/month=" + Undated + "/day=" + Undated, false},
		{"garbage", Year, "yesterday!", "year=" + Undated, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, dated := tt.by.partitionOf(tt.date)
			if got != tt.want || dated != tt.wantDated {
				t.Errorf("partitionOf(%q) = %q, %v; want %q, %v", tt.date, got, dated, tt.want, tt.wantDated)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	tests := []struct {
		name             string
		by               By
		part             string
		wantFrom, wantTo string
		wantOK           bool
	}{
		{"year", Year, "year=2019", "2019-01-01", "2020-01-01", true},
		{"december", Month, "year=2019/month=12", "2019-12-01", "2020-01-01", true},
		{"leap day", Day, "year=2020/month=02/day=29", "2020-02-29", "2020-03-01", true},
		{"undated", Year, "year=" + Undated, "", "", false},
		{"wrong depth", Month, "year=2019", "", "", false},
		{"wrong key", Year, "yr=2019", "", "", false},
		{"unpadded month", Month, "year=2019/month=3", "", "", false},
		{"month 13", Month, "year=2019/month=13", "", "", false},
		{"day 31 of april", Day, "year=2019/month=04/day=31", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			from, to, ok := tt.by.dateRange(tt.part)
			if from != tt.wantFrom || to != tt.wantTo || ok != tt.wantOK {
				t.Errorf("dateRange(%q) = %q, %q, %v; want %q, %q, %v", tt.part, from, to, ok, tt.wantFrom, tt.wantTo, tt.wantOK)
			}
		})
	}
}

// TestRangeCoversPartition checks that every date of a partition falls in
// its range and that its neighbours do not.
func TestRangeCoversPartition(t *testing.T) {
	for _, by := range []By{Year, Month, Day} {
		for _, date := range []string{"2019-01-01", "2019-12-31", "2020-02-29", "2021-07-15"} {
			part, _ := by.partitionOf(date)
			from, before, ok := by.dateRange(part)
			if !ok {
				t.Fatalf("%s %s: no range for %q", by, date, part)
			}
			if !(from <= date && date < before) {
				t.Errorf("%s: %s not in [%s, %s) of %s", by, date, from, before, part)
			}
			if p, _ := by.partitionOf(before); p == part {
				t.Errorf("%s: the end %s of %s is inside it", by, before, part)
			}
		}
	}
}

func TestParseBy(t *testing.T) {
	for _, s := range []string{"year", "month", "day"} {
		if b, err := ParseBy(s); err != nil || string(b) != s {
			t.Errorf("ParseBy(%q) = %q, %v; want %q, nil", s, b, err, s)
		}
	}
	for _, s := range []string{"", "week", "Year"} {
		if _, err := ParseBy(s); err == nil {
			t.Errorf("ParseBy(%q): got no error, want one", s)
		}
	}
}
