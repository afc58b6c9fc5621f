package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/twintrack/twintrack"
)

// CountStatements returns the SQL and parameters of the count queries
// (DyadCounts, TrackCounts' two, TrackEvidence), for tests of their plans.
func CountStatements(d Dialect, q DyadQuery, evidence int) map[string]struct {
	SQL  string
	Args []any
} {
	out := map[string]struct {
		SQL  string
		Args []any
	}{}
	add := func(name, s string, args []any) {
		out[name] = struct {
			SQL  string
			Args []any
		}{s, args}
	}
	s, a := dyadStatement(d, &q)
	add("dyad", s, a)
	s, a = trackEngagementStatement(d, &q)
	add("engagement", s, a)
	s, a = trackVisitStatement(d, &q)
	add("visits", s, a)
	s, a = trackEvidenceStatement(d, &q, evidence)
	add("evidence", s, a)
	return out
}

// EventCounts answers DyadCounts, TrackCounts and TrackEvidence from the
// events alone, never from the rollup tables, for tests that compare both.
func EventCounts(ctx context.Context, db *DB, q DyadQuery, evidence int) (DyadCounts, TrackCounts, []TrackEvidence, error) {
	dc, err := db.dyadCounts(ctx, q, false)
	if err != nil {
		return dc, TrackCounts{}, nil, err
	}
	tc, err := db.trackCounts(ctx, q, false)
	if err != nil {
		return dc, tc, nil, err
	}
	ev, err := db.trackEvidence(ctx, q, evidence, false)
	return dc, tc, ev, err
}

// RebuildRollup empties the rollup tables and fills them again from the
// current events, as migration 0003 does.
func RebuildRollup(ctx context.Context, db *DB) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, st := range []string{"DELETE FROM dyad_rollup", "DELETE FROM visit_rollup"} {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return err
		}
	}
	for _, st := range rollupStatements(db.d, "current = 1", false) {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// SideCode is sideCode, the target_side column of an actor.
func SideCode(roles, code string) int { return sideCode(roles, code) }

// InsertEventsV2 inserts events as schema version 2 has them (without
// target_side), for the migration test.
func InsertEventsV2(ctx context.Context, db *sql.DB, d Dialect, runID int64, evs []twintrack.Event) error {
	cols := eventColumns[:len(eventColumns)-1]
	if eventColumns[len(eventColumns)-1] != "target_side" {
		return fmt.Errorf("the last event column is %s, not target_side", eventColumns[len(eventColumns)-1])
	}
	w := &where{d: d}
	for i := range evs {
		ev := &evs[i]
		if ev.EventID == "" {
			ev.EventID = ev.StableID()
		}
		args := eventArgs(nil, runID, ev.DocID, ev)[:len(cols)]
		ph := make([]string, len(args))
		w.args = w.args[:0]
		for j, a := range args {
			ph[j] = w.arg(a)
		}
		q := "INSERT INTO events (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(ph, ", ") + ")"
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// EvidenceSQLForTest is evidenceSeeksSQL.
func EvidenceSQLForTest(d Dialect, n int) string { return evidenceSeeksSQL(d, n) }
