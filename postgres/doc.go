// Package postgres opens an event store (package store) in a PostgreSQL
// database through github.com/jackc/pgx/v5 (its database/sql driver), so
// that the store's shared SQL and migrations run unchanged. Events are
// inserted with batched multi-row INSERT statements in large transactions.
package postgres
