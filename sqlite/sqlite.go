package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"

	"github.com/twintrack/twintrack/store"
	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// Dialect is SQLite's store.Dialect.
var Dialect = store.Dialect{
	Name:          "sqlite",
	Placeholder:   func(int) string { return "?" },
	RowsPerInsert: 64,
}

// Open opens (creating it when missing) the store in the SQLite file at
// path and brings its schema up to date. A file that is not an SQLite
// database, or a directory that does not exist, is an error and nothing is
// written.
func Open(ctx context.Context, path string) (*store.DB, error) {
	if path == "" {
		return nil, errors.New("open sqlite store: empty path")
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("open sqlite store %s: is a directory", path)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// A large transaction must not spill its dirty pages to the WAL half-way
	// (64 MiB of page cache), and statement journals stay in memory.
	q.Add("_pragma", "cache_size(-65536)")
	q.Add("_pragma", "temp_store(MEMORY)")
	// Reads go through a memory map of the file (up to 2 GiB), which all
	// connections share, instead of each connection copying pages into
	// its own cache: a server reading many dyads from a pool of
	// connections spends a third less CPU on them. (An I/O error under a
	// map is a SIGBUS rather than an error; keep the file on a local disk.)
	q.Add("_pragma", "mmap_size(2147418112)")
	q.Add("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	s, err := store.Open(ctx, db, Dialect, func(context.Context) []store.StatsEntry {
		return fileStats(path)
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	return s, nil
}

// fileStats reports the size of the database file and its WAL.
func fileStats(path string) []store.StatsEntry {
	var out []store.StatsEntry
	for _, p := range []string{path, path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			out = append(out, store.StatsEntry{Name: "file " + p, Value: strconv.FormatInt(fi.Size(), 10) + " bytes"})
		}
	}
	return out
}
