package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// migrationFS holds the schema as numbered SQL files, NNNN_name.sql, applied
// in order. A released file is never edited: changes go in a new file.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// Migration is one numbered schema change.
type Migration struct {
	Version int    `json:"version"`
	Name    string `json:"name"`
	SQL     string `json:"-"`
	Applied string `json:"applied,omitempty"` // RFC 3339, when read from a database
}

// Migrations returns the built-in migrations in order.
func Migrations() ([]Migration, error) {
	return readMigrations(migrationFS, "migrations")
}

// readMigrations reads dir/NNNN_name.sql files from fsys, sorted by number.
func readMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []Migration
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, rest, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: want a name NNNN_name.sql", name)
		}
		if prev, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %s and %s have the same number", prev, name)
		}
		seen[v] = name
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		out = append(out, Migration{Version: v, Name: rest, SQL: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	return out, nil
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`

// Migrate brings the database's schema up to date with the built-in
// migrations. Each migration runs in its own transaction together with its
// schema_migrations row, so a failed migration changes nothing.
func Migrate(ctx context.Context, db *sql.DB, d Dialect) error {
	ms, err := Migrations()
	if err != nil {
		return err
	}
	return ApplyMigrations(ctx, db, d, ms)
}

// ApplyMigrations applies the migrations of ms that the database lacks, in
// order, each in its own transaction. It fails, changing nothing, when the
// database has a version newer than the last of ms. Migrate calls it with
// the built-in migrations; tests call it with broken ones.
func ApplyMigrations(ctx context.Context, db *sql.DB, d Dialect, ms []Migration) error {
	applied, err := appliedVersions(ctx, db)
	if err != nil {
		return err
	}
	if len(ms) > 0 {
		latest := ms[len(ms)-1].Version
		for v := range applied {
			if v > latest {
				return fmt.Errorf("migrate: the database has schema version %d, newer than this program's %d", v, latest)
			}
		}
	}
	for _, m := range ms {
		if applied[m.Version] {
			continue
		}
		if err := applyMigration(ctx, db, d, m); err != nil {
			return err
		}
	}
	return nil
}

// appliedVersions returns the versions in schema_migrations, or none when
// the table does not exist yet. Reading first means that a database which
// cannot be read (a file that is not a database, for instance) is reported
// before anything is written to it.
func appliedVersions(ctx context.Context, db *sql.DB) (map[int]bool, error) {
	out := map[int]bool{}
	if err := db.PingContext(ctx); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		// Tell "no table yet" from a broken database by creating it in a
		// transaction of its own; a broken database fails here too.
		tx, terr := db.BeginTx(ctx, nil)
		if terr != nil {
			return nil, fmt.Errorf("migrate: %w", terr)
		}
		if _, cerr := tx.ExecContext(ctx, createMigrationsTable); cerr != nil {
			tx.Rollback()
			return nil, fmt.Errorf("migrate: %w", cerr)
		}
		if cerr := tx.Commit(); cerr != nil {
			return nil, fmt.Errorf("migrate: %w", cerr)
		}
		return out, nil
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("migrate: %w", err)
		}
		out[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return out, nil
}

func applyMigration(ctx context.Context, db *sql.DB, d Dialect, m Migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	q := fmt.Sprintf(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)`,
		d.Placeholder(1), d.Placeholder(2), d.Placeholder(3))
	if _, err := tx.ExecContext(ctx, q, m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
	}
	return nil
}

// schema returns the applied migrations, for Stats.
func schema(ctx context.Context, db *sql.DB) ([]Migration, error) {
	rows, err := db.QueryContext(ctx, `SELECT version, name, applied_at FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Migration
	for rows.Next() {
		var m Migration
		if err := rows.Scan(&m.Version, &m.Name, &m.Applied); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
