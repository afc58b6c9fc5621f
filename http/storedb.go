package httpserver

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
)

// FromStore adapts an event store (package store, over SQLite or
// PostgreSQL) to the Store the server reads. Every value of a Query becomes
// a field of a store.Filter, which the store binds as SQL parameters.
//
// store.Filter has no "either side" fields, so a Query with Actor,
// Country or Role runs as two filters — the value as the source's, then as
// the target's — whose ordered results are merged; a Query with more than
// one of them pushes the first down and checks the others with Query.Match.
// Offsets are counted off in Go, so deep pages cost their offset.
func FromStore(r store.Reader) Store { return &storeDB{r: r} }

type storeDB struct{ r store.Reader }

// base returns the filter of the conditions that map one to one.
func base(q *Query) store.Filter {
	f := store.Filter{From: q.From, To: q.To, Text: q.Text, All: q.All}
	if q.Source != "" {
		f.Source = []string{q.Source}
	}
	if q.Target != "" {
		f.Target = []string{q.Target}
	}
	if q.SourceRole != "" {
		f.SourceRoles = []string{q.SourceRole}
	}
	if q.TargetRole != "" {
		f.TargetRoles = []string{q.TargetRole}
	}
	if q.Code != "" {
		f.Codes = []string{q.Code}
	}
	f.QuadClasses = q.QuadClasses
	return f
}

// branches returns the filters whose union holds every event matching q,
// and whether that union is exactly q's events (so that limits can be
// pushed down).
func branches(q *Query) ([]store.Filter, bool) {
	f := base(q)
	either := 0
	for _, s := range []string{q.Actor, q.Country, q.Role} {
		if s != "" {
			either++
		}
	}
	if either == 0 {
		return []store.Filter{f}, true
	}
	a, b := f, f
	exact := either == 1
	switch {
	case q.Actor != "" || q.Country != "":
		prefix := q.Actor
		if prefix == "" {
			prefix = q.Country
			exact = exact && len(prefix) == 3
		}
		// A side that is already restricted keeps its own prefix; Match
		// checks the actor on it.
		if len(a.Source) == 0 {
			a.Source = []string{prefix}
		} else {
			exact = false
		}
		if len(b.Target) == 0 {
			b.Target = []string{prefix}
		} else {
			exact = false
		}
	default:
		if len(a.SourceRoles) == 0 {
			a.SourceRoles = []string{q.Role}
		} else {
			exact = false
		}
		if len(b.TargetRoles) == 0 {
			b.TargetRoles = []string{q.Role}
		} else {
			exact = false
		}
	}
	return []store.Filter{a, b}, exact
}

func (s *storeDB) Events(ctx context.Context, q Query) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		fs, exact := branches(&q)
		if exact && q.Limit > 0 {
			for i := range fs {
				fs[i].Limit = q.Offset + q.Limit
			}
		}
		seqs := make([]iter.Seq2[twintrack.Event, error], len(fs))
		for i, f := range fs {
			if err := f.Check(); err != nil {
				yield(twintrack.Event{}, fmt.Errorf("%w: %v", ErrInvalid, err))
				return
			}
			seqs[i] = s.r.Events(ctx, f)
		}
		skip, n := q.Offset, 0
		for ev, err := range merge(seqs) {
			if err != nil {
				yield(ev, err)
				return
			}
			if !q.Match(&ev) {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			if !yield(ev, nil) {
				return
			}
			if n++; q.Limit > 0 && n == q.Limit {
				return
			}
		}
	}
}

// before orders events as the store does: by event date, document id,
// sentence and event id.
func before(a, b *twintrack.Event) bool {
	if a.EventDate != b.EventDate {
		return a.EventDate < b.EventDate
	}
	if a.DocID != b.DocID {
		return a.DocID < b.DocID
	}
	if a.Sentence != b.Sentence {
		return a.Sentence < b.Sentence
	}
	return a.EventID < b.EventID
}

// merge merges ordered sequences into one, yielding an event that several
// of them hold once. Duplicates are recognised by id among the events of
// the same date, so the merge stays correct when a database collates text
// differently from Go (dates are digits and order the same everywhere).
func merge(seqs []iter.Seq2[twintrack.Event, error]) iter.Seq2[twintrack.Event, error] {
	if len(seqs) == 1 {
		return seqs[0]
	}
	return func(yield func(twintrack.Event, error) bool) {
		type head struct {
			ev   twintrack.Event
			ok   bool
			next func() (twintrack.Event, error, bool)
		}
		hs := make([]*head, len(seqs))
		for i, s := range seqs {
			next, stop := iter.Pull2(s)
			defer stop()
			hs[i] = &head{next: next}
		}
		advance := func(h *head) error {
			ev, err, ok := h.next()
			if err != nil {
				return err
			}
			h.ev, h.ok = ev, ok
			return nil
		}
		for _, h := range hs {
			if err := advance(h); err != nil {
				yield(twintrack.Event{}, err)
				return
			}
		}
		var date string
		seen := map[string]bool{}
		for {
			var min *head
			for _, h := range hs {
				if h.ok && (min == nil || before(&h.ev, &min.ev)) {
					min = h
				}
			}
			if min == nil {
				return
			}
			ev := min.ev
			if err := advance(min); err != nil {
				yield(twintrack.Event{}, err)
				return
			}
			if ev.EventDate != date {
				date = ev.EventDate
				clear(seen)
			}
			if seen[ev.EventID] {
				continue
			}
			seen[ev.EventID] = true
			if !yield(ev, nil) {
				return
			}
		}
	}
}

// sqlDB is what *store.DB offers besides store.Reader: its connection pool
// and dialect.
type sqlDB interface {
	SQL() *sql.DB
	Dialect() store.Dialect
}

// Event finds an event by id. store.Reader cannot look up an id, so this
// reads the event's date, actors and code from the events table by its
// primary key (a bound parameter) and then fetches it through a Filter.
func (s *storeDB) Event(ctx context.Context, id string) (twintrack.Event, error) {
	db, ok := s.r.(sqlDB)
	if !ok {
		return twintrack.Event{}, fmt.Errorf("event %q: this store cannot look events up by id: %w", id, ErrNotFound)
	}
	var date, src, tgt, code string
	err := db.SQL().QueryRowContext(ctx,
		"SELECT event_date, source, target, code FROM events WHERE event_id = "+db.Dialect().Placeholder(1), id).
		Scan(&date, &src, &tgt, &code)
	if errors.Is(err, sql.ErrNoRows) {
		return twintrack.Event{}, fmt.Errorf("event %q: %w", id, ErrNotFound)
	}
	if err != nil {
		return twintrack.Event{}, fmt.Errorf("event %q: %w", id, err)
	}
	f := store.Filter{From: date, To: date, All: true}
	if src != "" {
		f.Source = []string{src}
	}
	if tgt != "" {
		f.Target = []string{tgt}
	}
	if code != "" {
		f.Codes = []string{code}
	}
	for ev, err := range s.r.Events(ctx, f) {
		if err != nil {
			return twintrack.Event{}, fmt.Errorf("event %q: %w", id, err)
		}
		if ev.EventID == id {
			return ev, nil
		}
	}
	return twintrack.Event{}, fmt.Errorf("event %q is not in the current coding run: %w", id, ErrNotFound)
}

// Reports lists the reports of the event's happening (same source, target,
// code and event date), the event's own report first.
func (s *storeDB) Reports(ctx context.Context, ev *twintrack.Event) ([]Report, error) {
	id := ev.EventID
	own := Report{DocID: ev.DocID, Date: ev.DocDate, URL: ev.URL, Source: ev.DocSource, Sentence: ev.Sentence}
	f := store.Filter{From: ev.EventDate, To: ev.EventDate, All: true,
		Source: []string{ev.Source}, Target: []string{ev.Target}, Codes: []string{ev.Code}}
	reps := []Report{own}
	if f.Check() != nil {
		return reps, nil // no actors or code to group by: the event is its only report
	}
	for h, err := range s.r.Happenings(ctx, f) {
		if err != nil {
			return nil, fmt.Errorf("reports of %q: %w", id, err)
		}
		if h.Event.Source != ev.Source || h.Event.Target != ev.Target || h.Event.Code != ev.Code {
			continue
		}
		for _, r := range h.Reports {
			if r.EventID == id || (r.DocID == ev.DocID && r.Sentence == ev.Sentence) {
				continue
			}
			reps = append(reps, Report{DocID: r.DocID, Date: r.DocDate, URL: r.URL, Source: r.DocSource, Sentence: r.Sentence})
		}
	}
	return reps, nil
}

// lowerASCII lower-cases ASCII letters only, as the store's text filter
// does.
func lowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}
