package dburl

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/twintrack/twintrack/postgres"
	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
)

// Default is the store the commands use when --db is not given.
const Default = "twintrack.db"

// Kind says which adapter a --db value names: "postgres" or "sqlite", with
// the adapter's argument (the URL or the file path).
func Kind(db string) (kind, arg string) {
	switch {
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		return "postgres", db
	case strings.HasPrefix(db, "sqlite://"):
		return "sqlite", strings.TrimPrefix(db, "sqlite://")
	case strings.HasPrefix(db, "sqlite:"):
		return "sqlite", strings.TrimPrefix(db, "sqlite:")
	}
	return "sqlite", db
}

// Open opens the store named by db (see Kind); an empty db is Default.
func Open(ctx context.Context, db string) (*store.DB, error) {
	if db == "" {
		db = Default
	}
	kind, arg := Kind(db)
	if kind == "postgres" {
		return postgres.Open(ctx, arg)
	}
	return sqlite.Open(ctx, arg)
}

// ErrNoStore is returned by OpenExisting when an SQLite file is missing.
var ErrNoStore = errors.New("no store")

// OpenExisting is Open for readers: an SQLite file that does not exist is
// an error wrapping ErrNoStore rather than a new, empty store.
func OpenExisting(ctx context.Context, db string) (*store.DB, error) {
	if db == "" {
		db = Default
	}
	if kind, path := Kind(db); kind == "sqlite" {
		if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s (run 'twintrack ingest' first)", ErrNoStore, path)
		}
	}
	return Open(ctx, db)
}
