package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Period is the time unit of an aggregation.
type Period int

const (
	// PeriodAll puts every event in one period, "".
	PeriodAll Period = iota
	// PeriodDay groups by event date: "1991-10-23".
	PeriodDay
	// PeriodWeek groups by ISO week, named by its Monday: "1991-10-21".
	PeriodWeek
	// PeriodMonth groups by month: "1991-10".
	PeriodMonth
	// PeriodYear groups by year: "1991".
	PeriodYear
)

// ParsePeriod parses "all", "day", "week", "month" or "year".
func ParsePeriod(s string) (Period, error) {
	switch s {
	case "all", "":
		return PeriodAll, nil
	case "day":
		return PeriodDay, nil
	case "week":
		return PeriodWeek, nil
	case "month":
		return PeriodMonth, nil
	case "year":
		return PeriodYear, nil
	}
	return 0, fmt.Errorf(`period: want all, day, week, month or year, got %q`, s)
}

// Dimension is a key events can be grouped by besides the period.
type Dimension string

// The dimensions Aggregate groups by.
const (
	BySource        Dimension = "source"         // full source actor code
	ByTarget        Dimension = "target"         // full target actor code
	BySourceCountry Dimension = "source_country" // first three characters of the source code
	ByTargetCountry Dimension = "target_country" // first three characters of the target code
	BySourceRoles   Dimension = "source_roles"   // ';'-joined role codes
	ByTargetRoles   Dimension = "target_roles"   // ';'-joined role codes
	ByCode          Dimension = "code"
	ByRoot          Dimension = "root"
	ByQuadClass     Dimension = "quad_class"
)

// column maps a dimension to its SQL column; unknown dimensions are errors,
// so a Dimension never reaches SQL unchecked.
func (d Dimension) column() (string, error) {
	switch d {
	case BySource, ByTarget, BySourceRoles, ByTargetRoles, ByCode, ByQuadClass:
		return string(d), nil
	case ByRoot:
		return "substr(code, 1, 2)", nil // as stored in root, but in the dyad index
	case BySourceCountry:
		return "source_key", nil
	case ByTargetCountry:
		return "target_key", nil
	}
	return "", fmt.Errorf("unknown dimension %q", string(d))
}

// Aggregation says how Aggregate groups events.
type Aggregation struct {
	Period Period
	By     []Dimension
}

// Bucket is one group of an aggregation.
type Bucket struct {
	Period    string   `json:"period"`
	Keys      []string `json:"keys"`      // values of Aggregation.By, in order
	Reports   int64    `json:"reports"`   // event records
	Events    int64    `json:"events"`    // distinct happenings (source, target, code, event date)
	Goldstein float64  `json:"goldstein"` // sum of the reports' Goldstein scores
}

// Aggregate counts the events matching f per period and per the values of
// a.By, ordered by period then keys. Only periods and keys that have events
// appear: zero-filling is the caller's business (package analysis). With
// f.Dedup, one report per group is counted. The dyad queries (by source and
// target country prefix and date) use the ev_dyad index.
func (db *DB) Aggregate(ctx context.Context, f Filter, a Aggregation) ([]Bucket, error) {
	src, args, err := filtered(db.d, &f)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	var period string
	switch a.Period {
	case PeriodAll:
		period = "''"
	case PeriodDay, PeriodWeek:
		period = "event_date"
	case PeriodMonth:
		period = "substr(event_date, 1, 7)"
	case PeriodYear:
		period = "substr(event_date, 1, 4)"
	default:
		return nil, fmt.Errorf("aggregate: unknown period %d", a.Period)
	}
	cols := []string{period}
	var groups []string
	if a.Period != PeriodAll {
		groups = append(groups, period)
	}
	for _, d := range a.By {
		col, err := d.column()
		if err != nil {
			return nil, fmt.Errorf("aggregate: %w", err)
		}
		cols = append(cols, col)
		groups = append(groups, col)
	}
	q := "SELECT " + strings.Join(cols, ", ") +
		", COUNT(*), COUNT(DISTINCT source || '|' || target || '|' || code || '|' || event_date), " +
		"COALESCE(SUM(goldstein), 0) FROM " + src + " e"
	if len(groups) > 0 {
		g := strings.Join(groups, ", ")
		q += " GROUP BY " + g + " ORDER BY " + g
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	defer rows.Close()
	var out []Bucket
	for rows.Next() {
		b := Bucket{Keys: make([]string, len(a.By))}
		dest := []any{&b.Period}
		for i := range b.Keys {
			dest = append(dest, &b.Keys[i])
		}
		dest = append(dest, &b.Reports, &b.Events, &b.Goldstein)
		if err := rows.Scan(dest...); err != nil {
			return nil, fmt.Errorf("aggregate: %w", err)
		}
		if b.Reports == 0 {
			continue // PeriodAll with nothing to count still returns a row
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("aggregate: %w", err)
	}
	if a.Period == PeriodWeek {
		out = foldWeeks(out)
	}
	return out, nil
}

// foldWeeks merges day buckets into ISO weeks named by their Monday. Events
// are counted per day and summed, so a happening cannot span two days and
// the sum is exact.
func foldWeeks(days []Bucket) []Bucket {
	idx := map[string]int{}
	var out []Bucket
	for _, b := range days {
		b.Period = monday(b.Period)
		k := b.Period + "\x00" + strings.Join(b.Keys, "\x00")
		if i, ok := idx[k]; ok {
			out[i].Reports += b.Reports
			out[i].Events += b.Events
			out[i].Goldstein += b.Goldstein
			continue
		}
		idx[k] = len(out)
		out = append(out, b)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Period != out[j].Period {
			return out[i].Period < out[j].Period
		}
		return strings.Join(out[i].Keys, "\x00") < strings.Join(out[j].Keys, "\x00")
	})
	return out
}

// monday returns the Monday of the ISO week of a YYYY-MM-DD date, or the
// date unchanged when it does not parse.
func monday(date string) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	back := (int(t.Weekday()) + 6) % 7 // days since Monday
	return t.AddDate(0, 0, -back).Format("2006-01-02")
}
