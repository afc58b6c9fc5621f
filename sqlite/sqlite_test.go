package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/twintrack/twintrack/sqlite"
)

// The store's behaviour is tested on both adapters in package store; this
// checks what only the SQLite adapter sets up.
func TestPragmas(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a b.db") // a space must survive the DSN
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tests := []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"synchronous", "1"}, // NORMAL
		{"busy_timeout", "10000"},
		{"temp_store", "2"}, // MEMORY
		{"cache_size", "-65536"},
	}
	for _, tc := range tests {
		var got string
		if err := db.SQL().QueryRow("PRAGMA " + tc.pragma).Scan(&got); err != nil {
			t.Fatalf("%s: %v", tc.pragma, err)
		}
		if got != tc.want {
			t.Errorf("PRAGMA %s: got %s, want %s", tc.pragma, got, tc.want)
		}
	}
	if _, err := sqlite.Open(context.Background(), ""); err == nil {
		t.Error("empty path: got no error")
	}
}
