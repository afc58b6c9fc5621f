package store

import (
	"context"
	"fmt"
)

// Stats summarises the store: documents and sentences, current events
// (reports and happenings, and the negated, hypothetical or future records left
// out of them), events by root and by year, the coding runs and the
// schema version.
func (db *DB) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(sentences), 0) FROM documents`).Scan(&s.Documents, &s.Sentences)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	counted := Filter{}
	if s.Reports, err = db.Count(ctx, counted, CountReports); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if s.Events, err = db.Count(ctx, counted, CountEvents); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	all, err := db.Count(ctx, Filter{All: true}, CountReports)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	s.Excluded = all - s.Reports
	var first, last *string
	src, args, err := filtered(db.d, &counted)
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if err := db.sql.QueryRowContext(ctx, "SELECT MIN(event_date), MAX(event_date) FROM "+src+" e", args...).Scan(&first, &last); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if first != nil {
		s.FirstDate, s.LastDate = *first, *last
	}
	byRoot, err := db.Aggregate(ctx, counted, Aggregation{By: []Dimension{ByRoot}})
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	for _, b := range byRoot {
		s.ByRoot = append(s.ByRoot, KeyCount{Key: b.Keys[0], Count: b.Reports})
	}
	byYear, err := db.Aggregate(ctx, counted, Aggregation{Period: PeriodYear})
	if err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	for _, b := range byYear {
		s.ByYear = append(s.ByYear, KeyCount{Key: b.Period, Count: b.Reports})
	}
	if s.Runs, err = db.Runs(ctx); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if s.Schema, err = schema(ctx, db.sql); err != nil {
		return s, fmt.Errorf("stats: %w", err)
	}
	if db.extra != nil {
		s.Extra = db.extra(ctx)
	}
	return s, nil
}
