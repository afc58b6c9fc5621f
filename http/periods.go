package httpserver

import (
	"fmt"
	"time"
)

// maxPeriods caps the number of periods a panel may have, so that a
// request for daily counts over a century cannot exhaust the server.
const maxPeriods = 5000

// periodStart returns the first day of the period (day, week, month or
// year) that contains t. Weeks start on Monday.
func periodStart(t time.Time, by string) time.Time {
	switch by {
	case "year":
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "week":
		d := (int(t.Weekday()) + 6) % 7 // days since Monday
		return time.Date(t.Year(), t.Month(), t.Day()-d, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// nextPeriod returns the first day of the period after the one starting
// at t.
func nextPeriod(t time.Time, by string) time.Time {
	switch by {
	case "year":
		return t.AddDate(1, 0, 0)
	case "month":
		return t.AddDate(0, 1, 0)
	case "week":
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 0, 1)
}

// periodLabel names the period starting at t: 1979, 1979-03, 1979-W10 (ISO
// week) or 1979-03-12.
func periodLabel(t time.Time, by string) string {
	switch by {
	case "year":
		return t.Format("2006")
	case "month":
		return t.Format("2006-01")
	case "week":
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return t.Format("2006-01-02")
}

// parseDay reads an ISO date (YYYY-MM-DD), also accepting the YYYY and
// YYYY-MM of events with year or month precision.
func parseDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			t, err := time.Parse(layout, s)
			return t, err == nil
		}
	}
	return time.Time{}, false
}

// periods lists the period starts from the one containing first to the one
// containing last, or fails when there would be more than maxPeriods.
func periods(first, last time.Time, by string) ([]time.Time, error) {
	var out []time.Time
	for p := periodStart(first, by); !p.After(last); p = nextPeriod(p, by) {
		if len(out) == maxPeriods {
			return nil, fmt.Errorf("%w: more than %d periods; choose a longer period (by=) or a shorter range", ErrInvalid, maxPeriods)
		}
		out = append(out, p)
	}
	return out, nil
}

// periodRange returns the zero-filled periods covering the bounds from and
// to when they are set, else the dates of the events.
func periodRange(from, to string, dates []string, by string) ([]time.Time, error) {
	var first, last time.Time
	for _, d := range dates {
		t, ok := parseDay(d)
		if !ok {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if last.IsZero() || t.After(last) {
			last = t
		}
	}
	if t, ok := parseDay(from); ok {
		first = t
	}
	if t, ok := parseDay(to); ok {
		last = t
	}
	if first.IsZero() || last.IsZero() {
		return nil, nil
	}
	return periods(first, last, by)
}
