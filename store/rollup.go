package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// The rollup tables (migration 0003) count the current events per
// three-letter country pair, period (year and month), QuadClass and root,
// and the visit exchanges per sender, target, period and side, so that
// DyadCounts, TrackCounts and TrackEvidence can answer the common requests
// without reading the dyad's events (rollupquery.go).
//
// They are maintained in the transaction that writes the events: Write
// counts the events it stores, and those a re-coding retires, in Go
// (rollupagg.go) and adds the counts to the tables. rollupStatements
// counts the same in SQL, from the events table: the migration fills the
// tables with it, and Write uses it when an INSERT skipped events already
// stored, so that only the stored ones count.
//
// Visits are counted once per sentence. The tables count the distinct
// sentences of each document and add them up, which equals the count of
// distinct (doc_id, sentence) over the whole store as long as two stored
// documents do not share a doc_id; the DocKey of a document with an id is
// that id, so only documents stored without one (keyed by a hash of their
// text, with an empty doc_id) can share one.

// sideUnknown is the target_side of an actor whose side SQL's side()
// cannot tell exactly (sideOdd), or whose code or roles are not ASCII.
const sideUnknown = 3

// rollupGrains are the periods the rollup tables keep.
var rollupGrains = []Period{PeriodYear, PeriodMonth}

// sideCode returns the target_side column of an actor, as side() computes
// it from the stored roles (joined with ';') and code.
func sideCode(roles, code string) int {
	if !isASCII(roles) || !isASCII(code) {
		return sideUnknown
	}
	var parts []string
	if roles != "" {
		parts = strings.Split(roles, ";")
	} else {
		if len(code) > 3+3*roleChunks {
			return sideUnknown
		}
		for i := 3; i < len(code); i += 3 {
			parts = append(parts, code[i:min(i+3, len(code))])
		}
	}
	var gov, opp bool
	for _, p := range parts {
		gov = gov || strings.EqualFold(p, "GOV")
		opp = opp || strings.EqualFold(p, "OPP")
	}
	switch {
	case gov && !opp:
		return int(SideGov)
	case opp && !gov:
		return int(SideOpp)
	}
	return int(SideOther)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// nonASCII is true when the SQL text column col holds a byte above 0x7f.
func nonASCII(d Dialect, col string) string {
	if d.Name == "postgres" {
		return "octet_length(" + col + ") <> length(" + col + ")"
	}
	return "length(CAST(" + col + " AS BLOB)) <> length(" + col + ")"
}

// sideCodeSQL is the SQL of sideCode, for the migration.
func sideCodeSQL(d Dialect, roles, code string) string {
	return "(CASE WHEN " + sideOdd(roles, code) + " OR " + nonASCII(d, roles) + " OR " + nonASCII(d, code) +
		" THEN " + strconv.Itoa(sideUnknown) + " ELSE " + side(roles, code) + " END)"
}

// rollupColumns are the events columns the rollup SQL reads.
const rollupColumns = "source_key, target_key, event_date, date_precision, quad_class, root, code, negated, " +
	"modality, goldstein, target_side, source, source_roles, doc_key, doc_id, sentence"

// rollupCount is a count column of dyad_rollup and the SQL it sums.
type rollupCount struct{ col, expr string }

// dyadRollupCounts returns the count columns of dyad_rollup and their SQL
// over the events of grain s.q.Period.
func dyadRollupCounts(s *dyadSQL) []rollupCount {
	const counted = "(negated = 0 AND modality = '')"
	const visitCode = "substr(code, 1, 2) = '04'"
	const engage = "quad_class IN (1, 2)"
	unknown := "target_side = " + strconv.Itoa(sideUnknown)
	d := s.w.d
	srcOdd := "(" + sideOdd("source_roles", "source") + " OR " + nonASCII(d, "source_roles") + " OR " + nonASCII(d, "source") + ")"
	bad := "NOT " + s.validDate()
	out := []rollupCount{
		{"events", "1"},
		{"counted", counted},
		{"goldstein", ""},
		{"imprecise", counted + " AND " + s.imprecise()},
		{"bad_date", bad},
		{"bad_code", "quad_class < 1 OR quad_class > 4 OR root = ''"},
	}
	for q := 1; q <= 4; q++ {
		out = append(out, rollupCount{"q" + strconv.Itoa(q), counted + " AND quad_class = " + strconv.Itoa(q)})
	}
	for r := 1; r <= 20; r++ {
		root := fmt.Sprintf("%02d", r)
		out = append(out, rollupCount{"r" + root, counted + " AND root = '" + root + "'"})
	}
	return append(out,
		rollupCount{"eng_events", engage},
		rollupCount{"eng_counted", engage + " AND " + counted},
		rollupCount{"gov", engage + " AND " + counted + " AND target_side = 1"},
		rollupCount{"opp", engage + " AND " + counted + " AND target_side = 2"},
		rollupCount{"other", engage + " AND " + counted + " AND target_side = 0"},
		rollupCount{"eng_odd", engage + " AND (" + bad + " OR " + unknown + ")"},
		rollupCount{"visits", visitCode},
		rollupCount{"visits_counted", visitCode + " AND " + counted},
		rollupCount{"visit_odd", visitCode + " AND (" + bad + " OR " + unknown + " OR " + srcOdd + ")"},
	)
}

// visitRollupCounts are the count columns of visit_rollup, by side and
// direction.
var visitRollupCounts = []rollupCount{
	{"gov_out", "vside = 1 AND vout = 1"}, {"gov_in", "vside = 1 AND vout = 0"},
	{"opp_out", "vside = 2 AND vout = 1"}, {"opp_in", "vside = 2 AND vout = 0"},
}

// rollupStatements returns the two statements that add the events chosen
// by cond (SQL over the events table, with its parameters bound by the
// caller) to the rollup tables, or subtract them when subtract is true.
func rollupStatements(d Dialect, cond string, subtract bool) []string {
	sign := ""
	if subtract {
		sign = "-"
	}
	cte := "WITH e AS (SELECT " + rollupColumns + " FROM events WHERE " + cond + ") "
	const counted = "(negated = 0 AND modality = '')"
	var dyad, visit []string
	var dyadCols []string
	for _, g := range rollupGrains {
		s := &dyadSQL{w: &where{d: d}, q: &DyadQuery{Period: g}}
		grain := strconv.Itoa(int(g))
		pk := s.periodKey()
		counts := dyadRollupCounts(s)
		sums := make([]string, len(counts))
		dyadCols = dyadCols[:0]
		for i, c := range counts {
			dyadCols = append(dyadCols, c.col)
			switch c.col {
			case "events":
				sums[i] = sign + "COUNT(*)"
			case "goldstein":
				sums[i] = sign + "SUM(CASE WHEN " + counted + " THEN goldstein ELSE 0 END)"
			default:
				sums[i] = sign + "SUM(" + flag(c.expr) + ")"
			}
		}
		dyad = append(dyad, "SELECT source_key, target_key, "+grain+" AS grain, "+pk+" AS period, "+
			strings.Join(sums, ", ")+" FROM e GROUP BY source_key, target_key, period")
		// The sender's own events of QuadClass 1 or 2 toward the target
		// (the engagement branch), and the target's visit events toward the
		// sender (the visit branch; as in trackVisitStatement).
		visitSel := " FROM e WHERE " + counted + " AND trim(code) IN ('042', '043')"
		visit = append(visit,
			"SELECT doc_key, doc_id, sentence, source_key AS sk, target_key AS tk, "+grain+" AS grain, "+pk+" AS period, "+
				"target_side AS vside, "+flag("trim(code) = '042'")+" AS vout"+visitSel+" AND quad_class IN (1, 2)",
			"SELECT doc_key, doc_id, sentence, target_key, source_key, "+grain+", "+pk+", "+
				side("source_roles", "source")+", "+flag("trim(code) = '043'")+visitSel+" AND substr(code, 1, 2) = '04'")
	}
	dyadStmt := cte + "INSERT INTO dyad_rollup (source_key, target_key, grain, period, " + strings.Join(dyadCols, ", ") + ") " +
		"SELECT * FROM (" + strings.Join(dyad, " UNION ALL ") + ") r WHERE 1 = 1 " +
		"ON CONFLICT (source_key, target_key, grain, period) DO UPDATE SET " + addColumns("dyad_rollup", dyadCols...)
	var visitCols, visitSums []string
	for _, c := range visitRollupCounts {
		visitCols = append(visitCols, c.col)
		visitSums = append(visitSums, sign+"SUM("+flag(c.expr)+")")
	}
	visitStmt := cte + "INSERT INTO visit_rollup (sender_key, target_key, grain, period, " + strings.Join(visitCols, ", ") + ") " +
		"SELECT sk, tk, grain, period, " + strings.Join(visitSums, ", ") + " FROM (SELECT DISTINCT * FROM (" +
		strings.Join(visit, " UNION ALL ") + ") v WHERE vside IN (1, 2)) x WHERE 1 = 1 " +
		"GROUP BY sk, tk, grain, period " +
		"ON CONFLICT (sender_key, target_key, grain, period) DO UPDATE SET " + addColumns("visit_rollup", visitCols...)
	return []string{dyadStmt, visitStmt}
}

// addColumns is the SET list of an UPSERT that adds the new row's counts.
func addColumns(table string, cols ...string) string {
	set := make([]string, len(cols))
	for i, c := range cols {
		set[i] = c + " = " + table + "." + c + " + excluded." + c
	}
	return strings.Join(set, ", ")
}

// execer runs statements: a *sql.Tx.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// rollupAdd adds the current events of run runID and the documents keys
// to the rollup tables, counting them in SQL.
func (db *DB) rollupAdd(ctx context.Context, tx execer, runID int64, keys []string) error {
	for start := 0; start < len(keys); start += docsPerStatement {
		chunk := keys[start:min(start+docsPerStatement, len(keys))]
		args := []any{runID}
		for _, k := range chunk {
			args = append(args, k)
		}
		where := "current = 1 AND run_id = " + db.d.Placeholder(1) + " AND doc_key IN (" + db.ph(2, len(chunk)) + ")"
		for _, st := range rollupStatements(db.d, where, false) {
			if _, err := tx.ExecContext(ctx, st, args...); err != nil {
				return fmt.Errorf("count events: %w", err)
			}
		}
	}
	return nil
}

// migrateRollup is the Go half of migration 0003: it fills target_side,
// creates the evidence index and fills the rollup tables from the current
// events, in the migration's transaction.
func migrateRollup(ctx context.Context, tx *sql.Tx, d Dialect) error {
	side := sideCodeSQL(d, "target_roles", "target")
	if _, err := tx.ExecContext(ctx, "UPDATE events SET target_side = "+side+" WHERE "+side+" <> 0"); err != nil {
		return fmt.Errorf("target_side: %w", err)
	}
	if _, err := tx.ExecContext(ctx, evidenceIndexSQL(d)); err != nil {
		return fmt.Errorf("evidence index: %w", err)
	}
	for _, st := range rollupStatements(d, "current = 1", false) {
		if _, err := tx.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("fill the rollup tables: %w", err)
		}
	}
	return nil
}

// evidenceIndexSQL creates ev_engage: the counted forward engagement
// events (QuadClass 1 or 2) of each country pair and target side in the
// order of TrackEvidence, so that the first n of a period are one seek.
// PostgreSQL orders TrackEvidence's text columns byte by byte (COLLATE
// "C"), and uses an index for that order only when the index has it.
func evidenceIndexSQL(d Dialect) string {
	c := ""
	if d.Name == "postgres" {
		c = ` COLLATE "C"`
	}
	return "CREATE INDEX ev_engage ON events (source_key, target_key, target_side, event_date" + c +
		", doc_id" + c + ", sentence, event_id" + c + ") WHERE " + engageIndexWhere
}

// engageIndexWhere is the condition of ev_engage; a query must repeat it
// word for word for SQLite to use the index.
const engageIndexWhere = "current = 1 AND negated = 0 AND modality = '' AND quad_class IN (1, 2)"
