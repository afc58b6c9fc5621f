package store

import (
	"context"
	"database/sql"
	"fmt"
)

// The events a twin-track table reads (as the web server reads them for
// package analysis) come in two branches: the sender's forward events of
// QuadClass 1 or 2 (engagement, and visits it makes or hosts), and the
// target's backward events of root 04 (visits) that are not already in the
// first branch. Each method below builds the branch conditions anew, since
// every condition appends its own parameters in the order of the text.

// engageBranch is the first branch.
func (s *dyadSQL) engageBranch() string {
	return s.dir(s.q.A, s.q.B) + " AND quad_class IN (1, 2)"
}

// visitBranch is the second branch.
func (s *dyadSQL) visitBranch() string {
	back := s.dir(s.q.B, s.q.A)
	return back + " AND substr(code, 1, 2) = '04' AND NOT (" + s.engageBranch() + ")"
}

// TrackCounts counts the twin-track table of q (A the sender, B the
// target) in the database: engagement by period and side, visit exchanges
// by period, side and direction, and the events left out. From the rollup
// tables when they can answer q, else with two statements over the
// events, each two index-only scans.
func (db *DB) TrackCounts(ctx context.Context, q DyadQuery) (TrackCounts, error) {
	return db.trackCounts(ctx, q, true)
}

// trackCounts is TrackCounts, from the events alone unless useRollup.
func (db *DB) trackCounts(ctx context.Context, q DyadQuery, useRollup bool) (TrackCounts, error) {
	var out TrackCounts
	if err := q.check(); err != nil {
		return out, fmt.Errorf("track counts: %w", err)
	}
	if span, ok := q.rollupSpan(); ok && useRollup {
		out, ok, err := db.rollupTracks(ctx, &q, span)
		if err != nil {
			return TrackCounts{}, fmt.Errorf("track counts: %w", err)
		}
		if ok {
			db.paths.trackRollup.Add(1)
			return out, nil
		}
	}
	db.paths.trackEvents.Add(1)
	idx := map[string]int{}
	period := func(start string) *TrackPeriod {
		i, ok := idx[start]
		if !ok {
			i = len(out.Periods)
			idx[start] = i
			out.Periods = append(out.Periods, TrackPeriod{Start: start})
		}
		return &out.Periods[i]
	}
	if err := db.trackEngagement(ctx, &q, &out, period); err != nil {
		return out, fmt.Errorf("track counts: %w", err)
	}
	if out.Odd > 0 {
		return out, nil
	}
	if err := db.trackVisits(ctx, &q, period); err != nil {
		return out, fmt.Errorf("track counts: %w", err)
	}
	// Visits come only from counted events, so they add no period; the
	// periods are already in order.
	return out, nil
}

func (db *DB) trackEngagement(ctx context.Context, q *DyadQuery, out *TrackCounts, period func(string) *TrackPeriod) error {
	stmt, args := trackEngagementStatement(db.d, q)
	rows, err := db.query(ctx, stmt, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var br int
		var start string
		var sd TrackSide
		var total, counted, odd int64
		if err := rows.Scan(&br, &start, &sd, &total, &counted, &odd); err != nil {
			return err
		}
		out.Odd += odd
		out.Excluded += total - counted
		if counted == 0 {
			continue
		}
		p := period(start)
		p.Counted += counted
		if br != 0 {
			continue
		}
		switch sd {
		case SideGov:
			p.Gov += counted
		case SideOpp:
			p.Opp += counted
		default:
			p.Other += counted
		}
	}
	return rows.Err()
}

// trackEngagementStatement returns the SQL of the engagement counts of
// TrackCounts and its parameters.
func trackEngagementStatement(d Dialect, q *DyadQuery) (string, []any) {
	s := &dyadSQL{w: &where{d: d}, q: q}
	c := s.counted()
	first := "SELECT 0 AS br, " + s.periodKey() + " AS pk, " + side("target_roles", "target") + " AS tside, COUNT(*), " +
		"SUM(" + flag(c) + "), SUM(" + flag("NOT "+s.validDate()+" OR "+sideOdd("target_roles", "target")) + ")" +
		" FROM events WHERE " + s.engageBranch() + " AND " + s.scope() + " GROUP BY pk, tside"
	// A backward event that is also forward would count as engagement if
	// its QuadClass, derived from its root, were 1 or 2: Odd.
	odd := "NOT " + s.validDate() + " OR (" + s.dir(q.A, q.B) + " AND (quad_class < 1 OR quad_class > 4)) OR " +
		sideOdd("target_roles", "target") + " OR " + sideOdd("source_roles", "source")
	second := "SELECT 1, " + s.periodKey() + " AS pk, 0, COUNT(*), SUM(" + flag(c) + "), SUM(" + flag(odd) + ")" +
		" FROM events WHERE " + s.visitBranch() + " AND " + s.scope() + " GROUP BY pk"
	return first + " UNION ALL " + second + " ORDER BY 2, 1, 3", s.w.args
}

func (db *DB) trackVisits(ctx context.Context, q *DyadQuery, period func(string) *TrackPeriod) error {
	stmt, args := trackVisitStatement(db.d, q)
	rows, err := db.query(ctx, stmt, args)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var start string
		var sd TrackSide
		var out int
		var n int64
		if err := rows.Scan(&start, &sd, &out, &n); err != nil {
			return err
		}
		p := period(start)
		switch {
		case sd == SideGov && out == 1:
			p.GovOut += n
		case sd == SideGov:
			p.GovIn += n
		case out == 1:
			p.OppOut += n
		default:
			p.OppIn += n
		}
	}
	return rows.Err()
}

// trackVisitStatement returns the SQL of the visit counts of TrackCounts
// and its parameters.
func trackVisitStatement(d Dialect, q *DyadQuery) (string, []any) {
	s := &dyadSQL{w: &where{d: d}, q: q}
	visit := " AND " + s.counted() + " AND trim(code) IN ('042', '043')"
	// A forward 042 or a backward 043 is the sender going out.
	first := "SELECT " + s.periodKey() + " AS pk, " + side("target_roles", "target") + " AS vside, " +
		flag("trim(code) = '042'") + " AS vout, doc_id, sentence FROM events WHERE " +
		s.engageBranch() + visit + " AND " + s.scope()
	fwdSide := "CASE WHEN " + s.dir(q.A, q.B) + " THEN " + side("target_roles", "target") + " ELSE " + side("source_roles", "source") + " END"
	fwdOut := "CASE WHEN " + s.dir(q.A, q.B) + " THEN " + flag("trim(code) = '042'") + " ELSE " + flag("trim(code) = '043'") + " END"
	second := "SELECT " + s.periodKey() + ", " + fwdSide + ", " + fwdOut + ", doc_id, sentence FROM events WHERE " +
		s.visitBranch() + visit + " AND " + s.scope()
	stmt := "SELECT pk, vside, vout, COUNT(DISTINCT doc_id || '|' || CAST(sentence AS TEXT)) FROM (" +
		first + " UNION ALL " + second + ") v WHERE vside <> 0 GROUP BY pk, vside, vout"
	return stmt, s.w.args
}

// TrackEvidence returns, for every period and for the Gov and Opp sides,
// the first n forward engagement events (by event date, document id,
// sentence and event id, as package analysis orders them); all of them
// when n is negative. When the rollup tables can answer q (and n is
// positive), one index seek per period and side reads the first n; else
// an index-only scan numbers the events and only the chosen ones are read
// from the table.
func (db *DB) TrackEvidence(ctx context.Context, q DyadQuery, n int) ([]TrackEvidence, error) {
	return db.trackEvidence(ctx, q, n, true)
}

// trackEvidence is TrackEvidence, from the events alone unless useRollup.
func (db *DB) trackEvidence(ctx context.Context, q DyadQuery, n int, useRollup bool) ([]TrackEvidence, error) {
	if err := q.check(); err != nil {
		return nil, fmt.Errorf("track evidence: %w", err)
	}
	if n == 0 {
		return nil, nil
	}
	if span, ok := q.rollupSpan(); ok && n > 0 && useRollup {
		out, ok, err := db.rollupEvidence(ctx, &q, span, n)
		if err != nil {
			return nil, fmt.Errorf("track evidence: %w", err)
		}
		if ok {
			db.paths.evidenceRollup.Add(1)
			return out, nil
		}
	}
	db.paths.evidenceEvents.Add(1)
	stmt, args := trackEvidenceStatement(db.d, &q, n)
	rows, err := db.query(ctx, stmt, args)
	if err != nil {
		return nil, fmt.Errorf("track evidence: %w", err)
	}
	out, err := scanEvidence(rows)
	if err != nil {
		return nil, fmt.Errorf("track evidence: %w", err)
	}
	return out, nil
}

// scanEvidence reads the rows of an evidence statement (event_id, doc_id,
// sentence, event_date, source, target, code, sentence_text, period start,
// side) and closes them.
func scanEvidence(rows *sql.Rows) ([]TrackEvidence, error) {
	defer rows.Close()
	var out []TrackEvidence
	for rows.Next() {
		var e TrackEvidence
		if err := rows.Scan(&e.EventID, &e.DocID, &e.Sentence, &e.EventDate, &e.Source, &e.Target, &e.Code,
			&e.SentenceText, &e.Start, &e.Side); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// trackEvidenceStatement returns the SQL of TrackEvidence and its
// parameters.
func trackEvidenceStatement(d Dialect, q *DyadQuery, n int) (string, []any) {
	s := &dyadSQL{w: &where{d: d}, q: q}
	collate := ""
	if d.Name == "postgres" {
		collate = ` COLLATE "C"` // byte order, as Go compares strings
	}
	inner := "SELECT event_id, event_date, doc_id, sentence, " + s.periodKey() + " AS pk, " +
		side("target_roles", "target") + " AS tside FROM events WHERE " + s.engageBranch() +
		" AND " + s.counted() + " AND " + s.scope()
	ranked := "SELECT event_id, pk, tside, ROW_NUMBER() OVER (PARTITION BY pk, tside ORDER BY event_date" + collate +
		", doc_id" + collate + ", sentence, event_id" + collate + ") AS rn FROM (" + inner + ") x WHERE tside <> 0"
	stmt := "SELECT e.event_id, e.doc_id, e.sentence, e.event_date, e.source, e.target, e.code, e.sentence_text, r.pk, r.tside" +
		" FROM (" + ranked + ") r JOIN events e ON e.event_id = r.event_id"
	if n > 0 {
		stmt += " WHERE r.rn <= " + s.w.arg(n)
	}
	stmt += " ORDER BY r.pk, r.tside, r.rn"
	return stmt, s.w.args
}
