package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Dialect holds what differs between the SQL databases DB runs on.
type Dialect struct {
	// Name is "sqlite" or "postgres".
	Name string
	// Placeholder returns the marker of the n-th (1-based) parameter of a
	// statement: "?" for SQLite, "$n" for PostgreSQL.
	Placeholder func(n int) string
	// RowsPerInsert is how many events one INSERT statement carries.
	RowsPerInsert int
	// CopyEvents, if not nil, stores event rows in bulk (PostgreSQL's
	// COPY) instead of multi-row INSERTs. It is called with the driver
	// connection of the write transaction (database/sql's Conn.Raw), the
	// table, its columns and the rows, which Write has freed of duplicate
	// event ids; the rows join the open transaction.
	CopyEvents func(ctx context.Context, driverConn any, table string, columns []string, rows [][]any) error
	// MigrationLock, if not empty, is run first in every migration
	// transaction to keep concurrent migrators apart (SQLite needs none:
	// its write transactions are exclusive).
	MigrationLock string
	// CountLock, if not empty, is run in a write transaction before it
	// first changes the rollup tables (rollup.go), and holds until the
	// transaction ends, so that concurrent writers, which update the same
	// count rows, take turns instead of deadlocking.
	CountLock string
}

// DB is the store over a database/sql connection pool. The sqlite and
// postgres packages open one; it implements Store.
type DB struct {
	sql   *sql.DB
	d     Dialect
	extra func(ctx context.Context) []StatsEntry
	stmts sync.Map // SQL text -> *sql.Stmt, the count queries' (dyadcounts.go)
	paths countPaths
}

// Open wraps an open database: it migrates the schema and returns the
// store. extra, if not nil, adds adapter-specific lines to Stats.
func Open(ctx context.Context, db *sql.DB, d Dialect, extra func(context.Context) []StatsEntry) (*DB, error) {
	if d.Placeholder == nil || d.RowsPerInsert <= 0 {
		return nil, errors.New("store: incomplete dialect")
	}
	if err := Migrate(ctx, db, d); err != nil {
		return nil, err
	}
	return &DB{sql: db, d: d, extra: extra}, nil
}

// SQL returns the underlying connection pool.
func (db *DB) SQL() *sql.DB { return db.sql }

// Dialect returns the store's dialect.
func (db *DB) Dialect() Dialect { return db.d }

// Close closes the connection pool.
func (db *DB) Close() error { return db.sql.Close() }

// ph returns placeholders 1..n joined by commas.
func (db *DB) ph(from, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(db.d.Placeholder(from + i))
	}
	return b.String()
}

// StartRun finds the run of info.DictHash or creates it.
func (db *DB) StartRun(ctx context.Context, info RunInfo) (Run, error) {
	if info.DictHash == "" {
		return Run{}, errors.New("start run: empty dictionary hash")
	}
	r, err := db.findRun(ctx, info.DictHash)
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return Run{}, fmt.Errorf("start run: %w", err)
	}
	if err := db.insertRun(ctx, info); err != nil {
		// Another process may have created the same run meanwhile.
		if r, ferr := db.findRun(ctx, info.DictHash); ferr == nil {
			return r, nil
		}
		return Run{}, fmt.Errorf("start run: %w", err)
	}
	if r, err = db.findRun(ctx, info.DictHash); err != nil {
		return Run{}, fmt.Errorf("start run: %w", err)
	}
	return r, nil
}

func (db *DB) findRun(ctx context.Context, hash string) (Run, error) {
	var r Run
	err := db.sql.QueryRowContext(ctx,
		`SELECT run_id, dict_hash, dictionaries, coder, started_at FROM coding_runs WHERE dict_hash = `+db.d.Placeholder(1),
		hash).Scan(&r.ID, &r.DictHash, &r.Dictionaries, &r.Coder, &r.Started)
	return r, err
}

func (db *DB) insertRun(ctx context.Context, info RunInfo) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(run_id), 0) + 1 FROM coding_runs`).Scan(&id); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx,
		`INSERT INTO coding_runs (run_id, dict_hash, dictionaries, coder, started_at) VALUES (`+db.ph(1, 5)+`)`,
		id, info.DictHash, info.Dictionaries, info.Coder, time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return err
	}
	return tx.Commit()
}

// Runs lists the coding runs with their document and event counts.
func (db *DB) Runs(ctx context.Context) ([]Run, error) {
	rows, err := db.sql.QueryContext(ctx, `
SELECT r.run_id, r.dict_hash, r.dictionaries, r.coder, r.started_at,
       COUNT(c.doc_key), COALESCE(SUM(c.events), 0)
FROM coding_runs r LEFT JOIN coded_documents c ON c.run_id = r.run_id
GROUP BY r.run_id, r.dict_hash, r.dictionaries, r.coder, r.started_at
ORDER BY r.run_id`)
	if err != nil {
		return nil, fmt.Errorf("runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		if err := rows.Scan(&r.ID, &r.DictHash, &r.Dictionaries, &r.Coder, &r.Started, &r.Documents, &r.Events); err != nil {
			return nil, fmt.Errorf("runs: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CodedKeys returns the keys of the documents stored for a run.
func (db *DB) CodedKeys(ctx context.Context, runID int64) (map[string]bool, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT doc_key FROM coded_documents WHERE run_id = `+db.d.Placeholder(1), runID)
	if err != nil {
		return nil, fmt.Errorf("coded documents: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("coded documents: %w", err)
		}
		out[k] = true
	}
	return out, rows.Err()
}
