package store

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// CountPaths counts how DyadCounts, TrackCounts and TrackEvidence have
// answered since the DB was opened: from the rollup tables, or by reading
// the dyad's events (the rollup tables cannot answer the request, or they
// hold events SQL cannot count exactly: see DyadCounts.Odd).
type CountPaths struct {
	DyadRollup, DyadEvents         int64
	TrackRollup, TrackEvents       int64
	EvidenceRollup, EvidenceEvents int64
}

// countPaths are a DB's CountPaths as they are counted.
type countPaths struct {
	dyadRollup, dyadEvents         atomic.Int64
	trackRollup, trackEvents       atomic.Int64
	evidenceRollup, evidenceEvents atomic.Int64
}

// CountPaths returns how the count queries have answered so far.
func (db *DB) CountPaths() CountPaths {
	p := &db.paths
	return CountPaths{p.dyadRollup.Load(), p.dyadEvents.Load(), p.trackRollup.Load(), p.trackEvents.Load(),
		p.evidenceRollup.Load(), p.evidenceEvents.Load()}
}

// maxEvidenceSeeks bounds the index seeks of a TrackEvidence answered from
// the rollup tables (one per period and side with events, 92 for 46 years);
// beyond it (by month over decades) the events path numbers the dyad's
// engagement events in one scan instead. Where the two cost the same has
// not been measured.
const maxEvidenceSeeks = 400

// rollupSpan is the range of rollup periods a query asks for.
type rollupSpan struct {
	from, to string // first and last period start; "" for no bound
}

// rollupSpan returns the periods of the rollup tables that answer q
// exactly, or false: q must name two different countries (three-letter
// prefixes), by year or by month, leave out negated and modal events, and
// have bounds, if any, on the first and last day of a period.
func (q *DyadQuery) rollupSpan() (rollupSpan, bool) {
	var s rollupSpan
	if len(q.A) != 3 || len(q.B) != 3 || q.A == q.B || q.IncludeNegated || q.IncludeModal ||
		(q.Period != PeriodYear && q.Period != PeriodMonth) {
		return s, false
	}
	if q.From != "" {
		t, err := time.Parse(time.DateOnly, q.From)
		if err != nil || periodStart(q.Period, t) != t {
			return s, false
		}
		s.from = q.From
	}
	if q.To != "" {
		t, err := time.Parse(time.DateOnly, q.To)
		if err != nil || periodStart(q.Period, t.AddDate(0, 0, 1)) != t.AddDate(0, 0, 1) {
			return s, false
		}
		s.to = periodStart(q.Period, t).Format(time.DateOnly)
	}
	return s, true
}

// periodStart returns the first day of the year or month of t.
func periodStart(p Period, t time.Time) time.Time {
	if p == PeriodYear {
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// nextPeriod returns the first day of the period after the one starting
// at start (YYYY-MM-DD).
func nextPeriod(p Period, start string) (string, error) {
	t, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return "", err
	}
	if p == PeriodYear {
		return t.AddDate(1, 0, 0).Format(time.DateOnly), nil
	}
	return t.AddDate(0, 1, 0).Format(time.DateOnly), nil
}

// rollupRows is the SQL selecting the rows of dyad_rollup from a to b in
// the span; cols are the columns and conds more conditions.
func rollupRows(w *where, q *DyadQuery, s rollupSpan, a, b, cols, conds string) string {
	c := "source_key = " + w.arg(a) + " AND target_key = " + w.arg(b) + " AND grain = " + w.arg(int(q.Period))
	if s.from != "" {
		c += " AND period >= " + w.arg(s.from)
	}
	if s.to != "" {
		c += " AND period <= " + w.arg(s.to)
	}
	return "SELECT " + cols + " FROM dyad_rollup WHERE " + c + conds
}

// rollupDyads answers DyadCounts from dyad_rollup; false when the rows
// hold events SQL cannot count exactly.
func (db *DB) rollupDyads(ctx context.Context, q *DyadQuery, s rollupSpan) (DyadCounts, bool, error) {
	var out DyadCounts
	w := &where{d: db.d}
	cols := "period, events, counted, goldstein, imprecise, bad_date + bad_code, q1, q2, q3, q4"
	for r := 1; r <= 20; r++ {
		cols += fmt.Sprintf(", r%02d", r)
	}
	stmt := rollupRows(w, q, s, q.A, q.B, "0 AS dir, "+cols, "") + " UNION ALL " +
		rollupRows(w, q, s, q.B, q.A, "1, "+cols, "") + " ORDER BY 1, 2"
	rows, err := db.query(ctx, stmt, w.args)
	if err != nil {
		return out, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var r DyadRow
		var dir int
		var events, odd int64
		dst := []any{&dir, &r.Start, &events, &r.Events, &r.Goldstein, &r.Imprecise, &odd}
		for i := range r.QuadClass {
			dst = append(dst, &r.QuadClass[i])
		}
		for i := range r.Roots {
			dst = append(dst, &r.Roots[i])
		}
		if err := rows.Scan(dst...); err != nil {
			return out, false, err
		}
		r.Backward = dir == 1
		out.Odd += odd
		out.Excluded += events - r.Events
		if r.Events > 0 {
			out.Rows = append(out.Rows, r)
		}
	}
	if err := rows.Err(); err != nil {
		return out, false, err
	}
	return out, out.Odd == 0, nil
}

// rollupTracks answers TrackCounts from the rollup tables; false when the
// rows hold events SQL cannot count exactly.
func (db *DB) rollupTracks(ctx context.Context, q *DyadQuery, s rollupSpan) (TrackCounts, bool, error) {
	var out TrackCounts
	w := &where{d: db.d}
	// The forward engagement counts, and the backward visit counts (the
	// two branches of trackEngagementStatement).
	stmt := rollupRows(w, q, s, q.A, q.B, "period, eng_events, eng_counted, gov, opp, other, eng_odd", " AND eng_events <> 0") +
		" UNION ALL " + rollupRows(w, q, s, q.B, q.A, "period, visits, visits_counted, 0, 0, 0, visit_odd", " AND visits <> 0")
	rows, err := db.query(ctx, stmt, w.args)
	if err != nil {
		return out, false, err
	}
	byStart := map[string]*TrackPeriod{}
	for rows.Next() {
		var start string
		var events, counted, gov, opp, other, odd int64
		if err := rows.Scan(&start, &events, &counted, &gov, &opp, &other, &odd); err != nil {
			rows.Close()
			return out, false, err
		}
		out.Odd += odd
		out.Excluded += events - counted
		if counted == 0 {
			continue
		}
		p := byStart[start]
		if p == nil {
			p = &TrackPeriod{Start: start}
			byStart[start] = p
		}
		p.Counted += counted
		p.Gov += gov
		p.Opp += opp
		p.Other += other
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return out, false, err
	}
	if out.Odd > 0 {
		return out, false, nil
	}
	if err := db.rollupVisits(ctx, q, s, byStart); err != nil {
		return out, false, err
	}
	for _, p := range byStart {
		out.Periods = append(out.Periods, *p)
	}
	slices.SortFunc(out.Periods, func(a, b TrackPeriod) int { return strings.Compare(a.Start, b.Start) })
	return out, true, nil
}

// rollupVisits adds the visit exchanges of visit_rollup to the periods.
// Visits come only from counted events, so every one has a period.
func (db *DB) rollupVisits(ctx context.Context, q *DyadQuery, s rollupSpan, byStart map[string]*TrackPeriod) error {
	w := &where{d: db.d}
	c := "sender_key = " + w.arg(q.A) + " AND target_key = " + w.arg(q.B) + " AND grain = " + w.arg(int(q.Period))
	if s.from != "" {
		c += " AND period >= " + w.arg(s.from)
	}
	if s.to != "" {
		c += " AND period <= " + w.arg(s.to)
	}
	rows, err := db.query(ctx, "SELECT period, gov_out, gov_in, opp_out, opp_in FROM visit_rollup WHERE "+c, w.args)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var start string
		var v [4]int64
		if err := rows.Scan(&start, &v[0], &v[1], &v[2], &v[3]); err != nil {
			return err
		}
		if v == [4]int64{} {
			continue
		}
		p := byStart[start]
		if p == nil {
			return fmt.Errorf("visits in %s, a period without counted events: the rollup tables disagree", start)
		}
		p.GovOut += v[0]
		p.GovIn += v[1]
		p.OppOut += v[2]
		p.OppIn += v[3]
	}
	return rows.Err()
}

// rollupEvidence answers TrackEvidence with one index seek (ev_engage) per
// period and side with engagement events, as dyad_rollup counts them;
// false when the rows hold odd events or the seeks would be too many.
func (db *DB) rollupEvidence(ctx context.Context, q *DyadQuery, s rollupSpan, n int) ([]TrackEvidence, bool, error) {
	w := &where{d: db.d}
	stmt := rollupRows(w, q, s, q.A, q.B, "period, gov, opp, eng_odd", " AND eng_events <> 0 ORDER BY period")
	rows, err := db.query(ctx, stmt, w.args)
	if err != nil {
		return nil, false, err
	}
	type seek struct {
		start string
		side  TrackSide
	}
	var seeks []seek
	var odd int64
	for rows.Next() {
		var start string
		var gov, opp, bad int64
		if err := rows.Scan(&start, &gov, &opp, &bad); err != nil {
			rows.Close()
			return nil, false, err
		}
		odd += bad
		if gov > 0 {
			seeks = append(seeks, seek{start, SideGov})
		}
		if opp > 0 {
			seeks = append(seeks, seek{start, SideOpp})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, err
	}
	if odd > 0 || len(seeks) > maxEvidenceSeeks {
		return nil, false, nil
	}
	if len(seeks) == 0 {
		return nil, true, nil
	}
	// One statement for every seek: the seeks go in as a JSON array of
	// strings "first day|first day of the next period|side" (SQLite reads
	// the parts with substr, as cheap as a column; ->> parses the JSON
	// again each time).
	arr := make([]string, len(seeks))
	for i, sk := range seeks {
		end, err := nextPeriod(q.Period, sk.start)
		if err != nil {
			return nil, false, err
		}
		if len(sk.start) != 10 || len(end) != 10 {
			return nil, false, fmt.Errorf("period %s: not a YYYY-MM-DD date", sk.start)
		}
		arr[i] = sk.start + "|" + end + "|" + strconv.Itoa(int(sk.side))
	}
	js, err := json.Marshal(arr)
	if err != nil {
		return nil, false, err
	}
	rows, err = db.query(ctx, evidenceSeeksSQL(db.d, n), []any{string(js), q.A, q.B})
	if err != nil {
		return nil, false, err
	}
	out, err := scanEvidence(rows)
	if err != nil {
		return nil, false, err
	}
	// By period, side and then as package analysis orders evidence: byte
	// order, as COLLATE "C".
	slices.SortFunc(out, func(x, y TrackEvidence) int {
		if c := strings.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		if x.Side != y.Side {
			return int(x.Side) - int(y.Side)
		}
		if c := strings.Compare(x.EventDate, y.EventDate); c != 0 {
			return c
		}
		if c := strings.Compare(x.DocID, y.DocID); c != 0 {
			return c
		}
		if x.Sentence != y.Sentence {
			return x.Sentence - y.Sentence
		}
		return strings.Compare(x.EventID, y.EventID)
	})
	return out, true, nil
}

// evidenceSeeksSQL is the statement of rollupEvidence for the first n
// events of each seek: parameters the seeks (a JSON array of strings
// "YYYY-MM-DD|YYYY-MM-DD|side": first day, first day of the next period,
// side), source_key and target_key. For
// each seek the database reads the first n rows of one range of ev_engage:
// the conditions include the index's, and the order is the index's. The
// rows come in no order (rollupEvidence sorts them: sorting them in SQLite
// costs a quarter of the statement). The
// limit is part of the text, as are the index's conditions: SQLite
// prepares a statement again at every run when a bound parameter could
// change its use of a partial index or of a LIMIT.
func evidenceSeeksSQL(d Dialect, n int) string {
	const cols = "event_id, doc_id, sentence, event_date, source, target, code, sentence_text"
	limit := " LIMIT " + strconv.Itoa(n)
	if d.Name == "postgres" {
		// Text in byte order (COLLATE "C", as ev_engage and Go have it).
		const c = ` COLLATE "C"`
		return "SELECT e.event_id, e.doc_id, e.sentence, e.event_date, e.source, e.target, e.code, e.sentence_text, " +
			"substr(p.v, 1, 10), CAST(substr(p.v, 23, 1) AS INTEGER) FROM json_array_elements_text(CAST($1 AS json)) AS p(v) " +
			"CROSS JOIN LATERAL (SELECT " + cols + " FROM events WHERE source_key = $2 AND target_key = $3 " +
			"AND target_side = CAST(substr(p.v, 23, 1) AS INTEGER) AND event_date" + c + " >= substr(p.v, 1, 10) " +
			"AND event_date" + c + " < substr(p.v, 12, 10) AND " + engageIndexWhere +
			" ORDER BY event_date" + c + ", doc_id" + c + ", sentence, event_id" + c + limit + ") e"
	}
	return "SELECT e.event_id, e.doc_id, e.sentence, e.event_date, e.source, e.target, e.code, e.sentence_text, " +
		"substr(p.value, 1, 10), CAST(substr(p.value, 23, 1) AS INTEGER) FROM json_each(?) p JOIN events e ON e.rowid IN " +
		"(SELECT rowid FROM events WHERE source_key = ? AND target_key = ? AND target_side = CAST(substr(p.value, 23, 1) AS INTEGER) " +
		"AND event_date >= substr(p.value, 1, 10) AND event_date < substr(p.value, 12, 10) AND " + engageIndexWhere +
		" ORDER BY event_date, doc_id, sentence, event_id" + limit + ")"
}
