package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/postgres"
	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

func TestMigrationsAreNumbered(t *testing.T) {
	ms, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no built-in migrations")
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %d: got version %d, want %d (no gaps)", i, m.Version, i+1)
		}
		if strings.TrimSpace(m.SQL) == "" || m.Name == "" {
			t.Errorf("migration %d: empty name or SQL", m.Version)
		}
	}
}

// tables lists the user tables of the store's database.
func tables(t *testing.T, db *sql.DB, d store.Dialect) []string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`
	if d.Name == "postgres" {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		out = append(out, n)
	}
	return out
}

func TestMigrate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		got := strings.Join(tables(t, db.SQL(), db.Dialect()), " ")
		// The tables of migrations 1-3 at least (later ones add more).
		for _, table := range []string{"coded_documents", "coding_runs", "documents", "dyad_rollup", "events",
			"schema_migrations", "visit_rollup"} {
			if !slices.Contains(strings.Fields(got), table) {
				t.Errorf("tables: got %q, want one named %s", got, table)
			}
		}
		want := got
		// Migrating again is a no-op.
		if err := store.Migrate(ctx, db.SQL(), db.Dialect()); err != nil {
			t.Errorf("second migrate: %v", err)
		}
		// A migration that fails half-way changes nothing.
		ms, err := store.Migrations()
		if err != nil {
			t.Fatal(err)
		}
		next := ms[len(ms)-1].Version + 1
		bad := append(ms, store.Migration{Version: next, Name: "broken",
			SQL: "CREATE TABLE extra (x INTEGER); CREATE TABLE events (y INTEGER)"})
		err = store.ApplyMigrations(ctx, db.SQL(), db.Dialect(), bad)
		if wantErr := fmt.Sprintf("%04d_broken", next); err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Errorf("broken migration: got error %v, want one naming %s", err, wantErr)
		}
		if got := strings.Join(tables(t, db.SQL(), db.Dialect()), " "); got != want {
			t.Errorf("after the failed migration: tables %q, want %q", got, want)
		}
		var n int
		db.SQL().QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n)
		if n != len(ms) {
			t.Errorf("schema_migrations: got %d rows, want %d", n, len(ms))
		}
		// A database newer than the program is refused.
		older := []store.Migration{}
		if err := store.ApplyMigrations(ctx, db.SQL(), db.Dialect(), append(older, store.Migration{Version: 0, Name: "x", SQL: "SELECT 1"})); err == nil {
			t.Error("database newer than the program: got no error")
		}
	})
}

func TestOpenRefusesNonDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notes.txt")
	content := []byte("These are my notes, not a database.\n" + strings.Repeat("x", 5000))
	if err := os.WriteFile(path, content, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := sqlite.Open(context.Background(), path)
	if err == nil {
		t.Fatal("opening a text file: got no error")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error %q does not name the file", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, content) {
		t.Error("the text file was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory now holds %d entries, want 1", len(entries))
	}
	if _, err := sqlite.Open(context.Background(), filepath.Join(dir, "missing", "x.db")); err == nil {
		t.Error("opening in a missing directory: got no error")
	}
	if _, err := sqlite.Open(context.Background(), dir); err == nil {
		t.Error("opening a directory: got no error")
	}
}

func TestOpenPostgresUnreachable(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
	if err == nil {
		t.Fatal("unreachable server: got no error")
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error reveals the password: %v", err)
	}
}
