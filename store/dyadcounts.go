package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// DyadQuery selects the events between two actors for DyadCounts,
// TrackCounts and TrackEvidence: the current events whose event date is in
// [From, To], going from A to B (forward) or from B to A (backward).
//
// The counts follow the rules of package analysis (Dyads and TwinTrack as
// the web server calls them) so that a caller can build the same panels
// from a few hundred rows instead of every event: an actor matches a
// prefix byte for byte, an event is counted unless it is negated or modal
// (future or hypothetical; see IncludeNegated and IncludeModal), and an
// event counts in the period of its event date.
type DyadQuery struct {
	// A and B are actor code prefixes (letters and digits): "JPN" is every
	// Japanese actor, "JPNGOV" Japan's government.
	A, B string
	// From and To bound the event date, inclusive, as YYYY-MM-DD; empty
	// for no bound.
	From, To string
	// Period is the period events are counted in: PeriodDay, PeriodWeek
	// (ISO weeks), PeriodMonth or PeriodYear.
	Period Period
	// IncludeNegated counts negated events; IncludeModal counts future and
	// hypothetical ones. Events left out are counted in Excluded.
	IncludeNegated, IncludeModal bool
}

// TrackSide is the side of the target country an actor is on, as package
// analysis decides it (analysis.SideOf): by its roles, or, when it has
// none, by the three-letter chunks of its code after the country.
type TrackSide int

// The sides, numbered as analysis.Side.
const (
	SideOther TrackSide = iota // neither or both of GOV and OPP
	SideGov                    // GOV and not OPP
	SideOpp                    // OPP and not GOV
)

// DyadRow counts the counted events of one direction and period.
type DyadRow struct {
	Backward  bool      // from B to A; else from A to B
	Start     string    // first day of the period, YYYY-MM-DD
	Events    int64     // counted events
	QuadClass [4]int64  // counted events by QuadClass 1 to 4
	Roots     [20]int64 // counted events by CAMEO root "01" to "20"; others count only in Events and QuadClass
	Goldstein float64   // sum of their Goldstein scores
	Imprecise int64     // those dated more coarsely than the period
}

// DyadCounts are the dyad panels of a DyadQuery as counts.
type DyadCounts struct {
	// Rows are ordered by direction and period; periods with no counted
	// event are left out.
	Rows []DyadRow
	// Excluded counts the matching events left out as negated or modal,
	// an event matching both directions once.
	Excluded int64
	// Odd counts the matching events whose counts SQL cannot reproduce
	// exactly: an event date that is not a valid YYYY-MM-DD date, a
	// QuadClass outside 1-4 or no root (package analysis derives those
	// from the document date or the code). A caller that must agree with
	// package analysis reads the events instead when Odd is not zero.
	Odd int64
}

// TrackPeriod counts one period of a twin-track table.
type TrackPeriod struct {
	Start string // first day of the period, YYYY-MM-DD
	// Counted counts the counted events read in the period, engaging or
	// not (the table spans the periods of the first and last of them).
	Counted int64
	// Gov, Opp and Other count the forward events of QuadClass 1 or 2
	// (engagement) by the target's side.
	Gov, Opp, Other int64
	// GovOut, GovIn, OppOut and OppIn count visit exchanges (CAMEO 042 and
	// 043, one per sentence and direction) with each side; see
	// analysis.Visits.
	GovOut, GovIn, OppOut, OppIn int64
}

// TrackCounts are the twin-track counts of a DyadQuery whose A is the
// sender and B the target. The events read are those the web server reads
// for package analysis: forward events of QuadClass 1 or 2, and backward
// events of CAMEO root 04.
type TrackCounts struct {
	Periods  []TrackPeriod // periods with counted events, in order
	Excluded int64         // events read and left out as negated or modal
	Odd      int64         // as DyadCounts.Odd, with actors whose side needs more than four role chunks of their code
}

// TrackEvidence is one forward engagement event behind a Gov or Opp count.
type TrackEvidence struct {
	Start        string // first day of the period
	Side         TrackSide
	EventID      string
	DocID        string
	Sentence     int
	EventDate    string
	Source       string
	Target       string
	Code         string
	SentenceText string
}

// check validates the query.
func (q *DyadQuery) check() error {
	for _, p := range []string{q.A, q.B} {
		if !isCode(p, true) {
			return fmt.Errorf("actor prefix %q: want letters and digits", p)
		}
	}
	for _, d := range []string{q.From, q.To} {
		if d == "" {
			continue
		}
		if first, _, err := DateRange(d); err != nil || len(d) != 10 || first != d {
			return fmt.Errorf("date %q: want YYYY-MM-DD", d)
		}
	}
	switch q.Period {
	case PeriodDay, PeriodWeek, PeriodMonth, PeriodYear:
	default:
		return fmt.Errorf("period %d: want day, week, month or year", q.Period)
	}
	return nil
}

// dyadSQL builds the SQL of the dyad and track queries; every value goes
// through w as a parameter, so the SQL text holds only column names,
// operators, constants and placeholders.
type dyadSQL struct {
	w *where
	q *DyadQuery
}

// prefix matches col against an actor prefix through its three-letter key
// (the index's leading columns), byte for byte as strings.HasPrefix. The
// prefix's length is a parameter too, so that the SQL texts (each kept
// as a prepared statement) are few whatever clients ask.
func (s *dyadSQL) prefix(col, key, p string) string {
	switch {
	case len(p) == 3:
		return key + " = " + s.w.arg(p)
	case len(p) > 3:
		k := key + " = " + s.w.arg(p[:3])
		n := s.w.arg(len(p))
		return "(" + k + " AND substr(" + col + ", 1, " + n + ") = " + s.w.arg(p) + ")"
	}
	n := s.w.arg(len(p))
	return "substr(" + col + ", 1, " + n + ") = " + s.w.arg(p)
}

// dir matches events from a to b.
func (s *dyadSQL) dir(a, b string) string {
	return "(" + s.prefix("source", "source_key", a) + " AND " + s.prefix("target", "target_key", b) + ")"
}

// scope restricts to current events in the date range.
func (s *dyadSQL) scope() string {
	c := "current = 1"
	if s.q.From != "" {
		c += " AND event_date >= " + s.w.arg(s.q.From)
	}
	if s.q.To != "" {
		c += " AND event_date <= " + s.w.arg(s.q.To)
	}
	return c
}

// counted is true for the events the query counts.
func (s *dyadSQL) counted() string {
	c := []string{"1 = 1"}
	if !s.q.IncludeNegated {
		c = append(c, "negated = 0")
	}
	if !s.q.IncludeModal {
		c = append(c, "modality = ''")
	}
	return "(" + strings.Join(c, " AND ") + ")"
}

// validDate is true when event_date is a valid YYYY-MM-DD date, as Go's
// time.Parse reads it.
func (s *dyadSQL) validDate() string {
	if s.w.d.Name == "postgres" {
		// No cast before the shape is known: CASE evaluates in order. Year
		// 0000 is left out (PostgreSQL has no year 0); such events are Odd.
		return `(CASE WHEN event_date ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND substr(event_date, 1, 4) <> '0000' THEN
 substr(event_date, 9, 2) <= CASE substr(event_date, 6, 2)
  WHEN '02' THEN CASE WHEN (CAST(substr(event_date, 1, 4) AS INTEGER) % 4 = 0 AND CAST(substr(event_date, 1, 4) AS INTEGER) % 100 <> 0)
   OR CAST(substr(event_date, 1, 4) AS INTEGER) % 400 = 0 THEN '29' ELSE '28' END
  WHEN '04' THEN '30' WHEN '06' THEN '30' WHEN '09' THEN '30' WHEN '11' THEN '30' ELSE '31' END
 ELSE FALSE END)`
	}
	// date() normalises what it reads (2023-02-30 becomes 2023-03-02) and
	// gives NULL for what it cannot read.
	return "(date(event_date) IS event_date)"
}

// periodKey is the SQL of the first day of an event's period (garbage for
// events that are not validDate, which are Odd).
func (s *dyadSQL) periodKey() string {
	switch s.q.Period {
	case PeriodYear:
		return "substr(event_date, 1, 4) || '-01-01'"
	case PeriodMonth:
		return "substr(event_date, 1, 7) || '-01'"
	case PeriodWeek:
		if s.w.d.Name == "postgres" {
			return "CASE WHEN " + s.validDate() + " THEN to_char(CAST(event_date AS date) - " +
				"(CAST(extract(isodow FROM CAST(event_date AS date)) AS INTEGER) - 1), 'YYYY-MM-DD') ELSE event_date END"
		}
		// The next Sunday (or the day itself), less six days: the Monday.
		return "COALESCE(date(event_date, 'weekday 0', '-6 days'), event_date)"
	}
	return "event_date"
}

// imprecise is true for events dated more coarsely than the period (ranks
// as analysis: day 0, week 1, month 2, year 3, anything else a day).
func (s *dyadSQL) imprecise() string {
	rank := map[Period]int{PeriodDay: 0, PeriodWeek: 1, PeriodMonth: 2, PeriodYear: 3}[s.q.Period]
	return "(CASE date_precision WHEN 'week' THEN 1 WHEN 'month' THEN 2 WHEN 'year' THEN 3 ELSE 0 END > " + strconv.Itoa(rank) + ")"
}

// roleChunks is how many three-letter chunks of an actor code side()
// reads when the actor has no roles; longer codes make an event Odd.
const roleChunks = 4

// side is the SQL of analysis.SideOf for the roles and code columns.
func side(roles, code string) string {
	var chunks []string
	for i := range roleChunks {
		chunks = append(chunks, "upper(substr("+code+", "+strconv.Itoa(4+3*i)+", 3))")
	}
	rs := "(CASE WHEN " + roles + " <> '' THEN ';' || upper(" + roles + ") || ';' ELSE ';' || " +
		strings.Join(chunks, " || ';' || ") + " || ';' END)"
	// The common cases first, cheaply: a single GOV or OPP role, and roles
	// (or code chunks) with neither word anywhere.
	own := "upper(CASE WHEN " + roles + " <> '' THEN " + roles + " ELSE substr(" + code + ", 4) END)"
	return "(CASE WHEN " + roles + " = 'GOV' THEN 1 WHEN " + roles + " = 'OPP' THEN 2" +
		" WHEN " + own + " NOT LIKE '%GOV%' AND " + own + " NOT LIKE '%OPP%' THEN 0" +
		" WHEN " + rs + " LIKE '%;GOV;%' THEN (CASE WHEN " + rs + " LIKE '%;OPP;%' THEN 0 ELSE 1 END)" +
		" WHEN " + rs + " LIKE '%;OPP;%' THEN 2 ELSE 0 END)"
}

// sideOdd is true when side() cannot classify the actor exactly.
func sideOdd(roles, code string) string {
	return "(" + roles + " = '' AND length(" + code + ") > " + strconv.Itoa(3+3*roleChunks) + ")"
}

// flag turns a condition into 1 or 0.
func flag(cond string) string { return "CASE WHEN " + cond + " THEN 1 ELSE 0 END" }

// DyadCounts counts the events of q per direction, period, QuadClass and
// root in the database: from the rollup tables when they can answer q
// (see DyadQuery.rollupSpan), else with two index-only GROUP BY queries
// over the events, one per direction, in one statement.
func (db *DB) DyadCounts(ctx context.Context, q DyadQuery) (DyadCounts, error) {
	return db.dyadCounts(ctx, q, true)
}

// dyadCounts is DyadCounts, from the events alone unless useRollup.
func (db *DB) dyadCounts(ctx context.Context, q DyadQuery, useRollup bool) (DyadCounts, error) {
	var out DyadCounts
	if err := q.check(); err != nil {
		return out, fmt.Errorf("dyad counts: %w", err)
	}
	if span, ok := q.rollupSpan(); ok && useRollup {
		out, ok, err := db.rollupDyads(ctx, &q, span)
		if err != nil {
			return DyadCounts{}, fmt.Errorf("dyad counts: %w", err)
		}
		if ok {
			db.paths.dyadRollup.Add(1)
			return out, nil
		}
	}
	db.paths.dyadEvents.Add(1)
	stmt, args := dyadStatement(db.d, &q)
	rows, err := db.query(ctx, stmt, args)
	if err != nil {
		return out, fmt.Errorf("dyad counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var start, root string
		var dir, twice, qc int
		var total, events, imprecise, odd int64
		var goldstein float64
		if err := rows.Scan(&dir, &twice, &start, &qc, &root, &total, &events, &goldstein, &imprecise, &odd); err != nil {
			return out, fmt.Errorf("dyad counts: %w", err)
		}
		out.Odd += odd
		if twice == 0 {
			out.Excluded += total - events
		}
		if events == 0 {
			continue
		}
		// The rows come ordered by direction and period.
		n := len(out.Rows)
		if n == 0 || out.Rows[n-1].Backward != (dir == 1) || out.Rows[n-1].Start != start {
			out.Rows = append(out.Rows, DyadRow{Backward: dir == 1, Start: start})
			n++
		}
		r := &out.Rows[n-1]
		r.Events += events
		if qc >= 1 && qc <= 4 { // else Odd
			r.QuadClass[qc-1] += events
		}
		if i := rootIndex(root); i >= 0 {
			r.Roots[i] += events
		}
		r.Goldstein += goldstein
		r.Imprecise += imprecise
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("dyad counts: %w", err)
	}
	return out, nil
}

// dyadStatement returns the SQL of DyadCounts and its parameters.
func dyadStatement(d Dialect, q *DyadQuery) (string, []any) {
	s := &dyadSQL{w: &where{d: d}, q: q}
	sel := func(backward bool) string {
		dir, twice := "0", "0"
		var cond string
		if backward {
			dir = "1"
			twice = flag(s.dir(q.A, q.B)) // also forward: excluded once
			cond = s.dir(q.B, q.A)
		} else {
			cond = s.dir(q.A, q.B)
		}
		odd := "NOT " + s.validDate() + " OR quad_class < 1 OR quad_class > 4 OR root = ''"
		c := s.counted()
		return "SELECT " + dir + " AS dir, " + twice + " AS twice, " + s.periodKey() + " AS pk, quad_class, root, COUNT(*), " +
			"SUM(" + flag(c) + "), SUM(CASE WHEN " + c + " THEN goldstein ELSE 0 END), " +
			"SUM(" + flag(c+" AND "+s.imprecise()) + "), SUM(" + flag(odd) + ")" +
			" FROM events WHERE " + cond + " AND " + s.scope() +
			" GROUP BY pk, quad_class, root, twice"
	}
	stmt := sel(false) + " UNION ALL " + sel(true) + " ORDER BY 1, 3, 4, 5"
	return stmt, s.w.args
}

// query runs a count query through a statement prepared once per SQL text
// and kept for the life of the DB: the count queries are long, and
// preparing one costs more than running it on a small dyad. The texts are
// few (at most a few thousand: they vary with the kind of prefix, not its
// value, the period, the bounds given and the flags), so the map is not
// bounded.
func (db *DB) query(ctx context.Context, text string, args []any) (*sql.Rows, error) {
	if st, ok := db.stmts.Load(text); ok {
		return st.(*sql.Stmt).QueryContext(ctx, args...)
	}
	st, err := db.sql.PrepareContext(ctx, text)
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.stmts.LoadOrStore(text, st); loaded {
		st.Close()
		st = prev.(*sql.Stmt)
	}
	return st.QueryContext(ctx, args...)
}

// rootIndex returns root-1 for the roots "01" to "20", or -1.
func rootIndex(r string) int {
	if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
		return -1
	}
	n := int(r[0]-'0')*10 + int(r[1]-'0')
	if n < 1 || n > 20 {
		return -1
	}
	return n - 1
}
