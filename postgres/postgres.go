package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib" // also registers the "pgx" database/sql driver
	"github.com/twintrack/twintrack/store"
)

// Dialect is PostgreSQL's store.Dialect. Events go in with COPY; the
// multi-row INSERT (500 rows of 37 columns stay under PostgreSQL's limit of
// 65,535 parameters per statement) remains the store's generic path.
var Dialect = store.Dialect{
	Name:          "postgres",
	Placeholder:   func(n int) string { return "$" + strconv.Itoa(n) },
	RowsPerInsert: 500,
	// A transaction-scoped advisory lock; the number is arbitrary ("ttmg").
	MigrationLock: "SELECT pg_advisory_xact_lock(1953787239)",
	CopyEvents:    copyEvents,
	// Another advisory lock ("ttmh"), for the rollup tables' counts.
	CountLock: "SELECT pg_advisory_xact_lock(1953787240)",
}

// copyEvents stores rows with COPY ... FROM STDIN (binary), in the
// transaction open on the connection.
func copyEvents(ctx context.Context, driverConn any, table string, columns []string, rows [][]any) error {
	c, ok := driverConn.(*stdlib.Conn)
	if !ok {
		return fmt.Errorf("copy: unexpected driver connection %T", driverConn)
	}
	_, err := c.Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
	return err
}

// Open connects to the database at url (postgres://user:pass@host/db?...)
// and brings its schema up to date. Errors name the host and database but
// never the password.
func Open(ctx context.Context, url string) (*store.DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	s, err := store.Open(ctx, db, Dialect, func(ctx context.Context) []store.StatsEntry {
		var size string
		if err := db.QueryRowContext(ctx, `SELECT pg_size_pretty(pg_database_size(current_database()))`).Scan(&size); err != nil {
			return nil
		}
		return []store.StatsEntry{{Name: "database size", Value: size}}
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open postgres store: %w", err)
	}
	return s, nil
}
