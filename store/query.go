package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"math"
	"strings"

	"github.com/twintrack/twintrack"
)

// where builds a parameterised WHERE clause: values go to args, the SQL
// text only ever holds column names, operators and placeholders.
type where struct {
	d     Dialect
	conds []string
	args  []any
}

func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return w.d.Placeholder(len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// anyOf adds "(c1 OR c2 ...)" for the items, built by one.
func anyOf[T any](w *where, items []T, one func(T) string) {
	if len(items) == 0 {
		return
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = one(it)
	}
	w.add("(" + strings.Join(parts, " OR ") + ")")
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// likeEscape escapes the LIKE wildcards of s with '\'.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// buildWhere turns a filter into conditions on the events table (no
// alias): each field is checked first, and every value is a parameter.
func buildWhere(d Dialect, f *Filter) (*where, error) {
	b, err := f.check()
	if err != nil {
		return nil, err
	}
	w := &where{d: d}
	actor := func(col, key string) func(string) string {
		return func(p string) string {
			switch {
			case len(p) == 3:
				return key + " = " + w.arg(p)
			case len(p) > 3:
				return "(" + key + " = " + w.arg(p[:3]) + " AND " + col + " LIKE " + w.arg(p+"%") + ")"
			default:
				return col + " LIKE " + w.arg(p+"%")
			}
		}
	}
	anyOf(w, f.Source, actor("source", "source_key"))
	anyOf(w, f.Target, actor("target", "target_key"))
	role := func(col string) func(string) string {
		return func(r string) string { return "(';' || " + col + " || ';') LIKE " + w.arg("%;"+r+";%") }
	}
	anyOf(w, f.SourceRoles, role("source_roles"))
	anyOf(w, f.TargetRoles, role("target_roles"))
	anyOf(w, f.Codes, func(c string) string { return "code LIKE " + w.arg(c+"%") })
	// A root is the first two digits of the code; matching the code keeps
	// the condition inside the dyad index.
	anyOf(w, f.Roots, func(r string) string { return "code LIKE " + w.arg(r+"%") })
	anyOf(w, f.QuadClasses, func(q int) string { return "quad_class = " + w.arg(q) })
	if b.from != "" {
		w.add("event_date >= " + w.arg(b.from))
	}
	if b.to != "" {
		w.add("event_date <= " + w.arg(b.to))
	}
	if f.Text != "" {
		w.add("lower(sentence_text) LIKE " + w.arg("%"+likeEscape(strings.ToLower(f.Text))+"%") + ` ESCAPE '\'`)
	}
	if f.DocID != "" {
		w.add("doc_key = " + w.arg(f.DocID))
	}
	if f.RunID > 0 {
		w.add("run_id = " + w.arg(f.RunID))
	} else {
		w.add("current = 1")
	}
	if !f.All {
		w.add("negated = 0")
		w.add("modality = ''")
	}
	return w, nil
}

// groupColumns returns the columns that identify a dedup group.
func groupColumns(d Dedup) string {
	if d == DedupOneADay {
		return "source, target, code, doc_date"
	}
	return "source, target, code, event_date"
}

// filtered returns a FROM source of the events matching f: the events
// table with a WHERE clause, or, with f.Dedup, a subquery keeping the
// earliest report of each group.
func filtered(d Dialect, f *Filter) (string, []any, error) {
	w, err := buildWhere(d, f)
	if err != nil {
		return "", nil, err
	}
	if f.Dedup == DedupNone {
		return "(SELECT * FROM events" + w.String() + ")", w.args, nil
	}
	return "(SELECT * FROM (SELECT events.*, ROW_NUMBER() OVER (PARTITION BY " + groupColumns(f.Dedup) +
		" ORDER BY doc_date, doc_id, sentence, event_id) AS group_rank FROM events" + w.String() +
		") ranked WHERE group_rank = 1)", w.args, nil
}

// selectEvent lists the columns scanEvent reads, from events e, documents
// d and coding_runs r.
const selectEvent = `SELECT e.event_id, e.doc_id, e.sentence, e.doc_date, e.event_date, e.date_precision,
 e.source, e.target, e.source_country, e.target_country, e.source_roles, e.target_roles,
 e.code, e.root, e.quad_class, e.goldstein, e.plover, e.negated, e.modality, e.issues,
 e.source_text, e.target_text, e.verb_text,
 e.sentence_start, e.sentence_end, e.source_start, e.source_end,
 e.target_start, e.target_end, e.verb_start, e.verb_end, e.sentence_text,
 d.url, d.source, r.dict_hash`

func eventFrom(src string) string {
	return " FROM " + src + " e JOIN documents d ON d.doc_key = e.doc_key JOIN coding_runs r ON r.run_id = e.run_id"
}

func scanEvent(rows *sql.Rows) (twintrack.Event, error) {
	var ev twintrack.Event
	err := scanEventInto(rows, &ev)
	return ev, err
}

// scanEventInto reads the columns of selectEvent into ev, and the columns
// after them into extra.
func scanEventInto(rows *sql.Rows, ev *twintrack.Event, extra ...any) error {
	var sroles, troles, issues string
	var negated int
	sp := &ev.Spans
	dst := []any{&ev.EventID, &ev.DocID, &ev.Sentence, &ev.DocDate, &ev.EventDate, &ev.DatePrecision,
		&ev.Source, &ev.Target, &ev.SourceCountry, &ev.TargetCountry, &sroles, &troles,
		&ev.Code, &ev.Root, &ev.QuadClass, &ev.Goldstein, &ev.Plover, &negated, &ev.Modality, &issues,
		&ev.SourceText, &ev.TargetText, &ev.VerbText,
		&sp.Sentence.Start, &sp.Sentence.End, &sp.Source.Start, &sp.Source.End,
		&sp.Target.Start, &sp.Target.End, &sp.Verb.Start, &sp.Verb.End, &ev.SentenceText,
		&ev.URL, &ev.DocSource, &ev.DictHash}
	err := rows.Scan(append(dst, extra...)...)
	ev.SourceRoles = splitRoles(sroles)
	ev.TargetRoles = splitRoles(troles)
	ev.Issues = splitList(issues)
	ev.Negated = negated != 0
	return err
}

// splitRoles splits a ';'-joined list; roles are never nil, so that JSON
// output writes [] rather than null.
func splitRoles(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ";")
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// Events yields the events matching f in event-date order.
func (db *DB) Events(ctx context.Context, f Filter) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		src, args, err := filtered(db.d, &f)
		if err != nil {
			yield(twintrack.Event{}, fmt.Errorf("events: %w", err))
			return
		}
		q := selectEvent + eventFrom(src) + " ORDER BY e.event_date, e.doc_id, e.sentence, e.event_id"
		// Ints checked by Filter.check, not input text. SQLite needs a LIMIT
		// before an OFFSET, so "no limit" is the largest one.
		switch {
		case f.Limit > 0:
			q += fmt.Sprintf(" LIMIT %d OFFSET %d", f.Limit, f.Offset)
		case f.Offset > 0:
			q += fmt.Sprintf(" LIMIT %d OFFSET %d", math.MaxInt64, f.Offset)
		}
		db.scanAll(ctx, q, args, yield)
	}
}

func (db *DB) scanAll(ctx context.Context, q string, args []any, yield func(twintrack.Event, error) bool) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		yield(twintrack.Event{}, fmt.Errorf("events: %w", err))
		return
	}
	defer rows.Close()
	for rows.Next() {
		ev, err := scanEvent(rows)
		if err != nil {
			yield(twintrack.Event{}, fmt.Errorf("events: %w", err))
			return
		}
		if !yield(ev, nil) {
			return
		}
	}
	if err := rows.Err(); err != nil {
		yield(twintrack.Event{}, fmt.Errorf("events: %w", err))
	}
}

// Happenings yields the reports matching f grouped by source, target, code
// and event date (f.Dedup is ignored: every report is listed). f.Limit caps
// the number of happenings; f.Offset is not supported and is an error.
func (db *DB) Happenings(ctx context.Context, f Filter) iter.Seq2[Happening, error] {
	return func(yield func(Happening, error) bool) {
		limit := f.Limit
		if f.Offset > 0 {
			yield(Happening{}, errors.New("happenings: offset is not supported"))
			return
		}
		f.Dedup, f.Limit = DedupNone, 0
		src, args, err := filtered(db.d, &f)
		if err != nil {
			yield(Happening{}, fmt.Errorf("happenings: %w", err))
			return
		}
		q := selectEvent + eventFrom(src) +
			" ORDER BY e.source, e.target, e.code, e.event_date, e.doc_date, e.doc_id, e.sentence, e.event_id"
		var cur Happening
		n := 0
		stopped := false
		emit := func() bool {
			if len(cur.Reports) == 0 {
				return true
			}
			n++
			h := cur
			cur = Happening{}
			return yield(h, nil)
		}
		db.scanAll(ctx, q, args, func(ev twintrack.Event, err error) bool {
			if err != nil {
				stopped = true
				return yield(Happening{}, err)
			}
			if len(cur.Reports) > 0 && !sameHappening(&cur.Event, &ev) {
				if !emit() || (limit > 0 && n >= limit) {
					stopped = true
					return false
				}
			}
			if len(cur.Reports) == 0 {
				cur.Event = ev
			}
			cur.Reports = append(cur.Reports, ev)
			return true
		})
		if !stopped {
			emit()
		}
	}
}

func sameHappening(a, b *twintrack.Event) bool {
	return a.Source == b.Source && a.Target == b.Target && a.Code == b.Code && a.EventDate == b.EventDate
}

// Count counts the reports (records) or the events (happenings: distinct
// source, target, code and event date) matching f.
func (db *DB) Count(ctx context.Context, f Filter, mode CountMode) (int64, error) {
	src, args, err := filtered(db.d, &f)
	if err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	q := "SELECT COUNT(*) FROM " + src + " e"
	if mode == CountEvents {
		q = "SELECT COUNT(*) FROM (SELECT DISTINCT source, target, code, event_date FROM " + src + " e) g"
	}
	var n int64
	if err := db.sql.QueryRowContext(ctx, q, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}
