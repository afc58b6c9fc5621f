package postgres_test

import (
	"context"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/postgres"
	"github.com/twintrack/twintrack/store/storetest"
)

// The store's behaviour is tested on both adapters in package store; this
// checks the adapter's own part.
func TestPlaceholders(t *testing.T) {
	for n, want := range map[int]string{1: "$1", 12: "$12"} {
		if got := postgres.Dialect.Placeholder(n); got != want {
			t.Errorf("Placeholder(%d): got %q, want %q", n, got, want)
		}
	}
	// The largest statement must stay under PostgreSQL's 65,535 parameters.
	if n := postgres.Dialect.RowsPerInsert * 37; n > 65535 {
		t.Errorf("%d parameters per INSERT", n)
	}
}

func TestOpen(t *testing.T) {
	url := storetest.PostgresURL(t)
	db, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var schema string
	if err := db.SQL().QueryRow("SELECT current_schema()").Scan(&schema); err != nil || !strings.HasPrefix(schema, "tt_test_") {
		t.Errorf("current schema: got %q (err %v), want the test's own", schema, err)
	}
	st, err := db.Stats(context.Background())
	if err != nil || len(st.Extra) != 1 || st.Extra[0].Name != "database size" {
		t.Errorf("stats: got %+v (err %v), want the database size", st.Extra, err)
	}
}

func TestOpenBadURL(t *testing.T) {
	for _, u := range []string{"postgres://%zz", "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=1"} {
		_, err := postgres.Open(context.Background(), u)
		if err == nil {
			t.Errorf("%s: got no error", u)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error reveals the password: %v", u, err)
		}
	}
}
