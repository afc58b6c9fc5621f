package store_test

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// TestDyadQueryCheck checks that DyadCounts, TrackCounts and TrackEvidence
// refuse what cannot go into their SQL, naming the problem, before
// touching the database. (Their counts are compared with package analysis
// in http's TestCountsMatchAnalysis.)
func TestDyadQueryCheck(t *testing.T) {
	db := storetest.SQLite(t)
	tests := []struct {
		name string
		q    store.DyadQuery
		want string // in the error; "" for none
	}{
		{"valid", store.DyadQuery{A: "JPN", B: "KHMGOV", From: "1990-01-01", To: "1999-12-31", Period: store.PeriodMonth}, ""},
		{"short prefixes", store.DyadQuery{A: "J", B: "KH", Period: store.PeriodWeek}, ""},
		{"empty actor", store.DyadQuery{A: "", B: "KHM", Period: store.PeriodYear}, `actor prefix ""`},
		{"quote in actor", store.DyadQuery{A: "JPN'", B: "KHM", Period: store.PeriodYear}, `actor prefix "JPN'"`},
		{"lower case", store.DyadQuery{A: "jpn", B: "KHM", Period: store.PeriodYear}, `actor prefix "jpn"`},
		{"year bound", store.DyadQuery{A: "JPN", B: "KHM", From: "1990", Period: store.PeriodYear}, `date "1990"`},
		{"impossible date", store.DyadQuery{A: "JPN", B: "KHM", To: "1990-02-30", Period: store.PeriodYear}, `date "1990-02-30"`},
		{"all periods", store.DyadQuery{A: "JPN", B: "KHM", Period: store.PeriodAll}, "period"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err1 := db.DyadCounts(t.Context(), tc.q)
			_, err2 := db.TrackCounts(t.Context(), tc.q)
			_, err3 := db.TrackEvidence(t.Context(), tc.q, 5)
			for i, err := range []error{err1, err2, err3} {
				switch {
				case tc.want == "" && err != nil:
					t.Errorf("query %d: got error %v, want none", i, err)
				case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
					t.Errorf("query %d: got error %v, want one containing %s", i, err, tc.want)
				}
			}
		})
	}
}

// TestCountPlans checks that SQLite answers every count query from the
// dyad index alone (the evidence query reads its chosen events by primary
// key): no scan of the events table, no lookup of its rows.
func TestCountPlans(t *testing.T) {
	db := storetest.SQLite(t)
	for _, q := range []store.DyadQuery{
		{A: "JPN", B: "KHM", From: "1990-01-01", To: "2000-12-31", Period: store.PeriodYear},
		{A: "JPNGOV", B: "KHMOPP", Period: store.PeriodWeek, IncludeNegated: true, IncludeModal: true},
	} {
		for name, st := range store.CountStatements(db.Dialect(), q, 5) {
			t.Run(q.A+"-"+q.B+"/"+name, func(t *testing.T) {
				rows, err := db.SQL().QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+st.SQL, st.Args...)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				var plan []string
				for rows.Next() {
					var id, parent, unused int
					var detail string
					if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
						t.Fatal(err)
					}
					plan = append(plan, detail)
				}
				covered := 0
				for _, line := range plan {
					switch {
					case strings.Contains(line, "COVERING INDEX ev_dyad"):
						covered++
					case strings.HasPrefix(line, "SCAN events"), strings.HasPrefix(line, "SCAN e "),
						strings.Contains(line, "USING INDEX ev_dyad"):
						t.Errorf("plan reads the events table: %q\nplan: %q", line, plan)
					}
				}
				if covered == 0 {
					t.Errorf("plan does not use the covering index: %q", plan)
				}
			})
		}
	}
}
