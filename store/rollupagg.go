package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
)

// Write maintains the rollup tables from Go: it counts the events it
// stores (and those it retires) with rollupAgg, as rollupStatements counts
// them in SQL, and adds the counts with multi-row UPSERTs. SQL that groups
// a batch's events in the database costs about as much again as storing
// them; counting in Go costs a small part of that. When an INSERT skipped
// an event as already stored (its count of inserted rows falls short),
// Write counts the batch with rollupStatements instead, from what is in
// the table. The migration fills the tables with rollupStatements too, and
// the tests compare both ways of counting.

// The count columns of dyad_rollup, in the order dyadRollupCounts lists
// them, as indexes into rollupCounts.n.
const (
	rcEvents        = 0
	rcCounted       = 1
	rcGoldstein     = 2 // unused in n: rollupCounts.goldstein holds the sum
	rcImprecise     = 3
	rcBadDate       = 4
	rcBadCode       = 5
	rcQ1            = 6  // QuadClass 1; 2, 3 and 4 follow
	rcR01           = 10 // root "01"; "02" to "20" follow
	rcEngEvents     = 30
	rcEngCounted    = 31
	rcGov           = 32
	rcOpp           = 33
	rcOther         = 34
	rcEngOdd        = 35
	rcVisits        = 36
	rcVisitsCounted = 37
	rcVisitOdd      = 38
	rcColumns       = 39
)

// rollupKey is the key of a row of either rollup table.
type rollupKey struct {
	a, b   string // source and target key; sender and target key
	grain  Period
	period string
}

// rollupCounts is a row of dyad_rollup being counted.
type rollupCounts struct {
	n         [rcColumns]int64
	goldstein float64
}

// visitKey is one visit exchange of one sentence, counted once, or
// counted out once (sign -1).
type visitKey struct {
	docKey, docID string
	sentence      int
	rollupKey
	side, out, sign int
}

// rollupAgg counts events into rows of the rollup tables.
type rollupAgg struct {
	dialect Dialect
	dyad    map[rollupKey]*rollupCounts
	visits  map[visitKey]bool
}

func newRollupAgg(d Dialect) *rollupAgg {
	return &rollupAgg{dialect: d, dyad: map[rollupKey]*rollupCounts{}, visits: map[visitKey]bool{}}
}

// rollupEvent is what rollupAgg reads of a stored event: the columns as
// eventArgs stores them.
type rollupEvent struct {
	docKey, docID        string
	sentence             int
	date, precision      string
	source, target       string
	sourceRoles          string
	code, root, modality string
	quadClass            int
	goldstein            float64
	negated              bool
	targetSide           int
}

// add counts ev with the sign (+1 when it is stored, -1 when retired).
func (a *rollupAgg) add(ev *rollupEvent, sign int64) {
	sk, tk := prefix3(ev.source), prefix3(ev.target)
	counted := !ev.negated && ev.modality == ""
	valid := validEventDate(a.dialect, ev.date)
	code2 := substr(ev.code, 1, 2)
	visitCode := code2 == "04"
	engage := ev.quadClass == 1 || ev.quadClass == 2
	srcUnknown := sideCode(ev.sourceRoles, ev.source) == sideUnknown
	for _, g := range rollupGrains {
		k := rollupKey{sk, tk, g, periodKeyOf(g, ev.date)}
		c := a.dyad[k]
		if c == nil {
			c = &rollupCounts{}
			a.dyad[k] = c
		}
		n := &c.n
		inc := func(i int, cond bool) {
			if cond {
				n[i] += sign
			}
		}
		inc(rcEvents, true)
		inc(rcCounted, counted)
		if counted {
			c.goldstein += float64(sign) * ev.goldstein
		}
		inc(rcImprecise, counted && precisionRank(ev.precision) > precisionRank(periodName(g)))
		inc(rcBadDate, !valid)
		inc(rcBadCode, ev.quadClass < 1 || ev.quadClass > 4 || ev.root == "")
		if counted && ev.quadClass >= 1 && ev.quadClass <= 4 {
			n[rcQ1+ev.quadClass-1] += sign
		}
		if i := rootIndex(ev.root); counted && i >= 0 {
			n[rcR01+i] += sign
		}
		inc(rcEngEvents, engage)
		inc(rcEngCounted, engage && counted)
		inc(rcGov, engage && counted && ev.targetSide == 1)
		inc(rcOpp, engage && counted && ev.targetSide == 2)
		inc(rcOther, engage && counted && ev.targetSide == 0)
		inc(rcEngOdd, engage && (!valid || ev.targetSide == sideUnknown))
		inc(rcVisits, visitCode)
		inc(rcVisitsCounted, visitCode && counted)
		inc(rcVisitOdd, visitCode && (!valid || ev.targetSide == sideUnknown || srcUnknown))

		// Visit exchanges: the engagement branch of the sender sk, the
		// visit branch of the sender tk (as rollupStatements).
		code := strings.Trim(ev.code, " ")
		if !counted || (code != "042" && code != "043") {
			continue
		}
		if engage && (ev.targetSide == 1 || ev.targetSide == 2) {
			a.visits[visitKey{ev.docKey, ev.docID, ev.sentence, k, ev.targetSide, boolInt(code == "042"), int(sign)}] = true
		}
		if visitCode {
			if sd := int(sqlSide(ev.sourceRoles, ev.source)); sd == 1 || sd == 2 {
				back := rollupKey{tk, sk, g, k.period}
				a.visits[visitKey{ev.docKey, ev.docID, ev.sentence, back, sd, boolInt(code == "043"), int(sign)}] = true
			}
		}
	}
}

// sqlSide is side() of rollupStatements: the side of an actor by its
// roles and the first four role chunks of its code, whatever its length.
func sqlSide(roles, code string) TrackSide {
	if roles == "" && len(code) > 3+3*roleChunks {
		code = code[:3+3*roleChunks]
	}
	switch s := sideCode(roles, code); s {
	case sideUnknown:
		return SideOther
	default:
		return TrackSide(s)
	}
}

// substr is SQL's substr(s, from, n) for ASCII text.
func substr(s string, from, n int) string {
	from--
	if from >= len(s) {
		return ""
	}
	return s[from:min(len(s), from+n)]
}

// periodKeyOf is dyadSQL.periodKey for a year or month grain.
func periodKeyOf(g Period, date string) string {
	if g == PeriodYear {
		return substr(date, 1, 4) + "-01-01"
	}
	return substr(date, 1, 7) + "-01"
}

// periodName is the date_precision that names a grain.
func periodName(g Period) string {
	if g == PeriodYear {
		return "year"
	}
	return "month"
}

// precisionRank is dyadSQL.imprecise's rank of a date precision.
func precisionRank(p string) int {
	switch p {
	case "week":
		return 1
	case "month":
		return 2
	case "year":
		return 3
	}
	return 0
}

// validEventDate is dyadSQL.validDate: a YYYY-MM-DD date as the database
// reads it (PostgreSQL has no year 0).
func validEventDate(d Dialect, s string) bool {
	if len(s) != 10 {
		return false
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return false
	}
	return d.Name != "postgres" || s[:4] != "0000"
}

// empty reports whether the aggregate has nothing to write.
func (a *rollupAgg) empty() bool { return len(a.dyad) == 0 && len(a.visits) == 0 }

// rollupRowsPerStatement is how many rows one UPSERT carries (43
// parameters each).
const rollupRowsPerStatement = 100

// write adds the counted rows to the rollup tables.
func (a *rollupAgg) write(ctx context.Context, tx *sql.Tx, db *DB) error {
	// Rows in key order: concurrent writers (PostgreSQL) meet the same
	// rows in the same order.
	keys := make([]rollupKey, 0, len(a.dyad))
	for k := range a.dyad {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareRollupKeys)
	cols := dyadRollupColumns()
	if len(cols) != rcColumns {
		return fmt.Errorf("count events: %d count columns, want %d", len(cols), rcColumns)
	}
	var args []any
	rows := 0
	upsert := func(rows int) string {
		return "INSERT INTO dyad_rollup (source_key, target_key, grain, period, " + strings.Join(cols, ", ") + ") VALUES " +
			db.rowsOf(rows, 4+len(cols)) + " ON CONFLICT (source_key, target_key, grain, period) DO UPDATE SET " +
			addColumns("dyad_rollup", cols...)
	}
	// Full statements are prepared once: preparing costs as much as
	// running them.
	var full *sql.Stmt
	if len(keys) >= rollupRowsPerStatement {
		st, err := tx.PrepareContext(ctx, upsert(rollupRowsPerStatement))
		if err != nil {
			return fmt.Errorf("count events: %w", err)
		}
		defer st.Close()
		full = st
	}
	flush := func() error {
		var err error
		switch {
		case rows == rollupRowsPerStatement:
			_, err = full.ExecContext(ctx, args...)
		case rows > 0:
			_, err = tx.ExecContext(ctx, upsert(rows), args...)
		}
		args, rows = args[:0], 0
		return err
	}
	for _, k := range keys {
		c := a.dyad[k]
		args = append(args, k.a, k.b, int(k.grain), k.period)
		for i, n := range c.n {
			if i == rcGoldstein {
				args = append(args, c.goldstein)
			} else {
				args = append(args, n)
			}
		}
		if rows++; rows == rollupRowsPerStatement {
			if err := flush(); err != nil {
				return fmt.Errorf("count events: %w", err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("count events: %w", err)
	}

	visits := map[rollupKey]*[4]int64{}
	for k := range a.visits {
		v := visits[k.rollupKey]
		if v == nil {
			v = &[4]int64{}
			visits[k.rollupKey] = v
		}
		v[2*(k.side-1)+1-k.out] += int64(k.sign) // gov_out, gov_in, opp_out, opp_in
	}
	keys = keys[:0]
	for k := range visits {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, compareRollupKeys)
	vcols := []string{"gov_out", "gov_in", "opp_out", "opp_in"}
	for start := 0; start < len(keys); start += rollupRowsPerStatement {
		chunk := keys[start:min(start+rollupRowsPerStatement, len(keys))]
		args = args[:0]
		for _, k := range chunk {
			v := visits[k]
			args = append(args, k.a, k.b, int(k.grain), k.period, v[0], v[1], v[2], v[3])
		}
		q := "INSERT INTO visit_rollup (sender_key, target_key, grain, period, " + strings.Join(vcols, ", ") + ") VALUES " +
			db.rowsOf(len(chunk), 8) + " ON CONFLICT (sender_key, target_key, grain, period) DO UPDATE SET " +
			addColumns("visit_rollup", vcols...)
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("count visits: %w", err)
		}
	}
	return nil
}

func compareRollupKeys(x, y rollupKey) int {
	if c := strings.Compare(x.a, y.a); c != 0 {
		return c
	}
	if c := strings.Compare(x.b, y.b); c != 0 {
		return c
	}
	if x.grain != y.grain {
		return int(x.grain) - int(y.grain)
	}
	return strings.Compare(x.period, y.period)
}

// dyadRollupColumns lists the count columns of dyad_rollup in the order
// of rollupCounts.n.
func dyadRollupColumns() []string {
	s := &dyadSQL{w: &where{d: Dialect{Name: "sqlite"}}, q: &DyadQuery{Period: PeriodYear}}
	var out []string
	for _, c := range dyadRollupCounts(s) {
		out = append(out, c.col)
	}
	return out
}

// storedEvent returns what rollupAgg reads of ev as Write stores it.
func storedEvent(key string, ev *twintrack.Event) rollupEvent {
	date := ev.EventDate
	if date == "" {
		date = ev.DocDate
	}
	return rollupEvent{docKey: key, docID: ev.DocID, sentence: ev.Sentence, date: date, precision: ev.DatePrecision,
		source: ev.Source, target: ev.Target, sourceRoles: strings.Join(ev.SourceRoles, ";"),
		code: ev.Code, root: ev.Root, modality: ev.Modality, quadClass: ev.QuadClass, goldstein: ev.Goldstein,
		negated: ev.Negated, targetSide: sideCode(strings.Join(ev.TargetRoles, ";"), ev.Target)}
}

// retiring counts out the current events of the documents keys that are
// not of run runID (those a re-coding is about to retire).
func (a *rollupAgg) retiring(ctx context.Context, tx queryer, db *DB, runID int64, keys []string) error {
	args := []any{runID}
	for _, k := range keys {
		args = append(args, k)
	}
	q := "SELECT doc_key, doc_id, sentence, event_date, date_precision, source, target, source_roles, code, root, " +
		"modality, quad_class, goldstein, negated, target_side FROM events WHERE current = 1 AND run_id <> " +
		db.d.Placeholder(1) + " AND doc_key IN (" + db.ph(2, len(keys)) + ")"
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("uncount events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ev rollupEvent
		var negated int
		if err := rows.Scan(&ev.docKey, &ev.docID, &ev.sentence, &ev.date, &ev.precision, &ev.source, &ev.target,
			&ev.sourceRoles, &ev.code, &ev.root, &ev.modality, &ev.quadClass, &ev.goldstein, &negated, &ev.targetSide); err != nil {
			return fmt.Errorf("uncount events: %w", err)
		}
		ev.negated = negated != 0
		a.add(&ev, -1)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("uncount events: %w", err)
	}
	return nil
}

// queryer runs queries: a *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}
