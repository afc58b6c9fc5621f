// Package sqlite opens an event store (package store) in an SQLite file,
// with the pure-Go driver modernc.org/sqlite: no C compiler and no server.
//
// The file is opened in WAL mode with synchronous=NORMAL (a crash can lose
// the last transactions but never corrupts the file or splits one), a busy
// timeout so that a reader and the ingest writer can share it, and
// immediate write transactions so that two writers queue instead of
// failing half-way.
package sqlite
