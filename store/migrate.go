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
	// Code, if not nil, runs after SQL in the same transaction: the part
	// of a migration that differs between the databases or is built from
	// the store's own SQL (migrationCode lists them).
	Code    func(ctx context.Context, tx *sql.Tx, d Dialect) error `json:"-"`
	Applied string                                                 `json:"applied,omitempty"` // RFC 3339, when read from a database
}

// migrationCode holds the Go halves of the built-in migrations, by
// version.
var migrationCode = map[int]func(ctx context.Context, tx *sql.Tx, d Dialect) error{
	3: migrateRollup,
}

// Migrations returns the built-in migrations in order.
func Migrations() ([]Migration, error) {
	ms, err := readMigrations(migrationFS, "migrations")
	for i := range ms {
		ms[i].Code = migrationCode[ms[i].Version]
	}
	return ms, err
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
// order, each in its own transaction together with its schema_migrations
// row, so a failed migration changes nothing. Each transaction first takes
// the dialect's migration lock and then checks the version again, so that
// two processes opening a new database at once do not both migrate it. It
// fails, changing nothing, when the database has a version newer than the
// last of ms. Migrate calls it with the built-in migrations; tests call it
// with broken ones.
func ApplyMigrations(ctx context.Context, db *sql.DB, d Dialect, ms []Migration) error {
	if err := db.PingContext(ctx); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].Version
	}
	if len(ms) == 0 {
		ms = []Migration{{}} // still check the database
	}
	for _, m := range ms {
		if err := applyMigration(ctx, db, d, m, latest); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration applies m unless it is there already; Version 0 only
// checks the database.
func applyMigration(ctx context.Context, db *sql.DB, d Dialect, m Migration, latest int) error {
	name := fmt.Sprintf("migration %04d_%s", m.Version, m.Name)
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer tx.Rollback()
	if d.MigrationLock != "" {
		if _, err := tx.ExecContext(ctx, d.MigrationLock); err != nil {
			return fmt.Errorf("migrate: lock: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, createMigrationsTable); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	var newest int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&newest); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if newest > latest {
		return fmt.Errorf("migrate: the database has schema version %d, newer than this program's %d", newest, latest)
	}
	var n int
	q := `SELECT COUNT(*) FROM schema_migrations WHERE version = ` + d.Placeholder(1)
	if err := tx.QueryRowContext(ctx, q, m.Version).Scan(&n); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	if n > 0 || m.Version == 0 {
		return tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if m.Code != nil {
		if err := m.Code(ctx, tx, d); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	q = fmt.Sprintf(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)`,
		d.Placeholder(1), d.Placeholder(2), d.Placeholder(3))
	if _, err := tx.ExecContext(ctx, q, m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
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
