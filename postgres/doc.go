// Package postgres opens an event store (package store) in a PostgreSQL
// database through github.com/jackc/pgx/v5 (its database/sql driver), so
// that the store's shared SQL and migrations run unchanged. Documents are
// claimed with multi-row INSERT statements and events are loaded with COPY
// (binary), in the same large transactions.
package postgres
