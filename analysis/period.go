package analysis

import (
	"fmt"
	"strings"
	"time"
)

// Period is the length of the time steps of a panel.
type Period string

// The periods.
const (
	Day   Period = "day"
	Week  Period = "week"
	Month Period = "month"
	Year  Period = "year"
)

// ParsePeriod reads "day", "week", "month" or "year" (also "daily",
// "weekly", "monthly", "yearly").
func ParsePeriod(s string) (Period, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "day", "daily":
		return Day, nil
	case "week", "weekly":
		return Week, nil
	case "month", "monthly":
		return Month, nil
	case "year", "yearly", "annual":
		return Year, nil
	}
	return "", fmt.Errorf("unknown period %q (want day, week, month or year)", s)
}

// Start returns the first day of the period that contains t.
func (p Period) Start(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch p {
	case Week:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// Next returns the start of the period after the one starting at start.
func (p Period) Next(start time.Time) time.Time {
	switch p {
	case Week:
		return start.AddDate(0, 0, 7)
	case Month:
		return start.AddDate(0, 1, 0)
	case Year:
		return start.AddDate(1, 0, 0)
	}
	return start.AddDate(0, 0, 1)
}

// Label names the period starting at start: "2019-03-12", "2019-W11",
// "2019-03" or "2019".
func (p Period) Label(start time.Time) string {
	switch p {
	case Week:
		y, w := start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return start.Format("2006-01")
	case Year:
		return start.Format("2006")
	}
	return start.Format("2006-01-02")
}

// rank orders precisions from fine to coarse; unknown precisions rank as a
// day (the coder's default is the report date).
func rank(p string) int {
	switch p {
	case "week":
		return 1
	case "month":
		return 2
	case "year":
		return 3
	}
	return 0
}

// coarser reports whether an event date of precision prec is coarser than p.
func (p Period) coarser(prec string) bool { return rank(prec) > rank(string(p)) }

// maxPeriods caps the length of a panel, so that a typo in a date range
// cannot allocate without bound.
const maxPeriods = 200000

// periods lists the starts of the periods from the one containing from to
// the one containing to.
func (p Period) periods(from, to time.Time) ([]time.Time, error) {
	var out []time.Time
	for t := p.Start(from); !t.After(to); t = p.Next(t) {
		if len(out) == maxPeriods {
			return nil, fmt.Errorf("range %s to %s has more than %d %s periods",
				from.Format("2006-01-02"), to.Format("2006-01-02"), maxPeriods, p)
		}
		out = append(out, t)
	}
	return out, nil
}

// ParseBound reads a range bound: a year ("1979"), a month ("1979-05") or a
// day ("1979-05-12"), in years 1000 to 9999. An empty (or blank) string is
// the zero time: no bound. A lower bound is the first day of its period, an
// upper bound (end set) the last.
func ParseBound(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, f := range []struct {
		layout string
		p      Period
	}{{"2006-01-02", Day}, {"2006-01", Month}, {"2006", Year}} {
		if len(s) != len(f.layout) {
			continue
		}
		t, err := time.Parse(f.layout, s)
		if err != nil || t.Year() < 1000 {
			break // years before 1000 are typos (and year 1 is the zero time)
		}
		if end {
			t = f.p.Next(t).AddDate(0, 0, -1)
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", s)
}
