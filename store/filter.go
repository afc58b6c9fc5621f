package store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Filter selects events. The zero Filter selects every counted event of
// each document's latest coding run: negated, hypothetical and future
// events are left out unless All is set. Fields combine with AND; the values inside
// one slice field combine with OR.
type Filter struct {
	// Source and Target are actor code prefixes: "JPN" is every Japanese
	// actor, "JPNGOV" Japan's government (and JPNGOVMIL ...).
	Source []string
	Target []string
	// SourceRoles and TargetRoles are role codes ("GOV", "OPP"); an event
	// matches when its actor has any of them.
	SourceRoles []string
	TargetRoles []string
	// Codes are CAMEO code prefixes ("04" is the whole root, "043" one
	// code); Roots are two-digit roots.
	Codes []string
	Roots []string
	// QuadClasses are QuadClass values 1-4.
	QuadClasses []int
	// From and To bound the event date, inclusive: a year ("1979"), a
	// month ("1979-05") or a day ("1979-05-12"). From is the start of its
	// period and To the end of its, so From "1979" To "1991" covers
	// 1979-01-01 through 1991-12-31.
	From string
	To   string
	// Text is a substring the sentence must contain, compared without
	// regard to ASCII case.
	Text string
	// DocID selects the events of one document (its stored key).
	DocID string
	// RunID selects one coding run; 0 means each document's latest run.
	RunID int64
	// All includes negated, hypothetical and future events.
	All bool
	// Dedup keeps one event per group; see Dedup.
	Dedup Dedup
	// Limit caps the number of events Events yields (0: no cap), after
	// skipping Offset events (paging).
	Limit  int
	Offset int
}

// Dedup says how reports are grouped into events.
type Dedup int

const (
	// DedupNone keeps every report.
	DedupNone Dedup = iota
	// DedupHappening keeps one report per happening: same source, target,
	// code and event date, across documents.
	DedupHappening
	// DedupOneADay is Phoenix's one-a-day filter: one report per source,
	// target, code and report (document) date.
	DedupOneADay
)

// ParseDedup parses "none", "events" (or "happening") and "one-a-day".
func ParseDedup(s string) (Dedup, error) {
	switch s {
	case "", "none":
		return DedupNone, nil
	case "events", "happening":
		return DedupHappening, nil
	case "one-a-day", "oneaday":
		return DedupOneADay, nil
	}
	return 0, fmt.Errorf(`dedup: want "none", "events" or "one-a-day", got %q`, s)
}

// bounds are a filter's checked, normalised values.
type bounds struct {
	from, to string // YYYY-MM-DD or ""
}

// check validates the filter and returns its date bounds. All problems are
// reported together.
func (f *Filter) check() (bounds, error) {
	var errs []error
	for _, p := range append(append([]string{}, f.Source...), f.Target...) {
		if !isCode(p, true) {
			errs = append(errs, fmt.Errorf("actor prefix %q: want letters and digits", p))
		}
	}
	for _, r := range append(append([]string{}, f.SourceRoles...), f.TargetRoles...) {
		if len(r) != 3 || !isCode(r, true) {
			errs = append(errs, fmt.Errorf("role %q: want a three-letter code such as GOV", r))
		}
	}
	for _, c := range f.Codes {
		if c == "" || !isCode(c, false) {
			errs = append(errs, fmt.Errorf("code %q: want digits such as 04 or 043", c))
		}
	}
	for _, r := range f.Roots {
		if len(r) != 2 || !isCode(r, false) {
			errs = append(errs, fmt.Errorf("root %q: want two digits such as 04", r))
		}
	}
	for _, q := range f.QuadClasses {
		if q < 1 || q > 4 {
			errs = append(errs, fmt.Errorf("quad class %d: want 1 to 4", q))
		}
	}
	var b bounds
	var err error
	if f.From != "" {
		if b.from, _, err = DateRange(f.From); err != nil {
			errs = append(errs, fmt.Errorf("from: %w", err))
		}
	}
	if f.To != "" {
		if _, b.to, err = DateRange(f.To); err != nil {
			errs = append(errs, fmt.Errorf("to: %w", err))
		}
	}
	if b.from != "" && b.to != "" && b.from > b.to {
		errs = append(errs, fmt.Errorf("from %s is after to %s", f.From, f.To))
	}
	if f.Limit < 0 {
		errs = append(errs, fmt.Errorf("limit %d: want 0 or more", f.Limit))
	}
	if f.Offset < 0 {
		errs = append(errs, fmt.Errorf("offset %d: want 0 or more", f.Offset))
	}
	return b, errors.Join(errs...)
}

// Check reports whether the filter is valid, with every problem found.
func (f *Filter) Check() error {
	_, err := f.check()
	return err
}

// isCode reports whether s is non-empty and made of digits (and upper-case
// ASCII letters when letters is set).
func isCode(s string, letters bool) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case letters && c >= 'A' && c <= 'Z':
		default:
			return false
		}
	}
	return true
}

// DateRange returns the first and last day, as YYYY-MM-DD, of a year
// ("1979"), a month ("1979-05") or a day ("1979-05-12").
func DateRange(s string) (first, last string, err error) {
	const day = "2006-01-02"
	switch len(s) {
	case 4:
		y, err := strconv.Atoi(s)
		if err != nil || y < 1 || !isCode(s, false) {
			return "", "", fmt.Errorf("%q: want a year YYYY, a month YYYY-MM or a date YYYY-MM-DD", s)
		}
		return s + "-01-01", s + "-12-31", nil
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return "", "", fmt.Errorf("%q: want a year YYYY, a month YYYY-MM or a date YYYY-MM-DD", s)
		}
		return t.Format(day), t.AddDate(0, 1, -1).Format(day), nil
	case 10:
		t, err := time.Parse(day, s)
		if err != nil {
			return "", "", fmt.Errorf("%q: want a year YYYY, a month YYYY-MM or a date YYYY-MM-DD", s)
		}
		return t.Format(day), t.Format(day), nil
	}
	return "", "", fmt.Errorf("%q: want a year YYYY, a month YYYY-MM or a date YYYY-MM-DD", s)
}

// SplitList splits a comma-separated command-line value into trimmed,
// upper-cased, non-empty items ("jpn, khm" → JPN, KHM).
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.ToUpper(strings.TrimSpace(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}
