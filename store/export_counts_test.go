package store

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
