package export

import (
	"fmt"
	"strings"
	"time"
)

// By is the granularity of the partitions: year, month or day.
type By string

// The granularities.
const (
	Year  By = "year"
	Month By = "month"
	Day   By = "day"
)

// ParseBy parses "year", "month" or "day".
func ParseBy(s string) (By, error) {
	switch b := By(s); b {
	case Year, Month, Day:
		return b, nil
	}
	return "", fmt.Errorf("partition: want year, month or day, got %q", s)
}

// levels is how many directory levels a partition path of b has.
func (b By) levels() int {
	switch b {
	case Day:
		return 3
	case Month:
		return 2
	}
	return 1
}

// Undated is the partition value of events without a valid date: Hive's
// name for a NULL partition value, which Spark and DuckDB read as NULL.
const Undated = "__HIVE_DEFAULT_PARTITION__"

// eventDate parses the event date the way package analysis does: the first
// ten characters as YYYY-MM-DD. It returns false for anything else.
func eventDate(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// partitionOf returns the partition path of an event date, e.g.
// "year=2019/month=03", and whether the date is valid.
func (b By) partitionOf(date string) (string, bool) {
	t, ok := eventDate(date)
	if !ok {
		return b.undated(), false
	}
	p := fmt.Sprintf("year=%04d", t.Year())
	if b == Month || b == Day {
		p += fmt.Sprintf("/month=%02d", int(t.Month()))
	}
	if b == Day {
		p += fmt.Sprintf("/day=%02d", t.Day())
	}
	return p, true
}

// undated returns the partition path of events without a valid date.
func (b By) undated() string {
	keys := []string{"year", "month", "day"}[:b.levels()]
	for i, k := range keys {
		keys[i] = k + "=" + Undated
	}
	return strings.Join(keys, "/")
}

// dateRange returns the event dates a partition path covers, as
// YYYY-MM-DD texts from <= date < before, for the store's query; ok is
// false for the undated partition or a path that is not one of b's.
func (b By) dateRange(part string) (from, before string, ok bool) {
	segs := strings.Split(part, "/")
	if len(segs) != b.levels() {
		return "", "", false
	}
	var ymd [3]int
	ymd[1], ymd[2] = 1, 1
	for i, want := range []string{"year", "month", "day"}[:len(segs)] {
		k, v, found := strings.Cut(segs[i], "=")
		if !found || k != want {
			return "", "", false
		}
		if _, err := fmt.Sscanf(v, "%d", &ymd[i]); err != nil || fmt.Sprintf("%0*d", []int{4, 2, 2}[i], ymd[i]) != v {
			return "", "", false
		}
	}
	start := time.Date(ymd[0], time.Month(ymd[1]), ymd[2], 0, 0, 0, 0, time.UTC)
	if start.Year() != ymd[0] || int(start.Month()) != ymd[1] || start.Day() != ymd[2] {
		return "", "", false
	}
	var end time.Time
	switch b {
	case Year:
		end = start.AddDate(1, 0, 0)
	case Month:
		end = start.AddDate(0, 1, 0)
	default:
		end = start.AddDate(0, 0, 1)
	}
	return start.Format("2006-01-02"), end.Format("2006-01-02"), true
}
