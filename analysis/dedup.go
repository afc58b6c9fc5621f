package analysis

import (
	"fmt"
	"iter"

	"github.com/twintrack/twintrack"
)

// Dedup says which reports of one happening an analysis keeps. The rules
// are the store's (store.Dedup), so that an events file and a store give the
// same counts.
type Dedup string

// The deduplication rules.
const (
	// KeepAll keeps every report.
	KeepAll Dedup = "none"
	// OnePerHappening keeps the first report of each happening: same
	// source, target, code and event date, across documents.
	OnePerHappening Dedup = "events"
	// OneADay is Phoenix's one-a-day filter: the first report per source,
	// target, code and report (document) date.
	OneADay Dedup = "one-a-day"
)

// ParseDedup reads "none", "events" (or "happening") and "one-a-day".
func ParseDedup(s string) (Dedup, error) {
	switch s {
	case "", "none":
		return KeepAll, nil
	case "events", "happening":
		return OnePerHappening, nil
	case "one-a-day", "oneaday":
		return OneADay, nil
	}
	return "", fmt.Errorf("unknown dedup %q (want none, events or one-a-day)", s)
}

// Deduplicate passes on the first event of each group under rule d, in the
// order of seq, and drops the others. Only events that count under opt
// claim their group, so a negated report does not hide a plain one.
func Deduplicate(seq iter.Seq2[twintrack.Event, error], d Dedup, opt Options) iter.Seq2[twintrack.Event, error] {
	if d == KeepAll || d == "" {
		return seq
	}
	return func(yield func(twintrack.Event, error) bool) {
		seen := map[string]bool{}
		for ev, err := range seq {
			if err == nil && opt.counts(&ev) {
				date := ev.EventDate
				if d == OneADay || date == "" {
					date = ev.DocDate
				}
				key := ev.Source + "\x00" + ev.Target + "\x00" + ev.Code + "\x00" + date
				if seen[key] {
					continue
				}
				seen[key] = true
			}
			if !yield(ev, err) {
				return
			}
		}
	}
}
