package dburl

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestKind(t *testing.T) {
	tests := []struct{ in, kind, arg string }{
		{"twintrack.db", "sqlite", "twintrack.db"},
		{"/data/events.db", "sqlite", "/data/events.db"},
		{"sqlite:events.db", "sqlite", "events.db"},
		{"sqlite:///abs/events.db", "sqlite", "/abs/events.db"},
		{"postgres://u:p@localhost/tt", "postgres", "postgres://u:p@localhost/tt"},
		{"postgresql://localhost/tt?sslmode=disable", "postgres", "postgresql://localhost/tt?sslmode=disable"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			kind, arg := Kind(tc.in)
			if kind != tc.kind || arg != tc.arg {
				t.Errorf("Kind(%q) = %q, %q; want %q, %q", tc.in, kind, arg, tc.kind, tc.arg)
			}
		})
	}
}

func TestOpenExistingDoesNotCreate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.db")
	_, err := OpenExisting(context.Background(), "sqlite:"+path)
	if !errors.Is(err, ErrNoStore) {
		t.Fatalf("got %v, want ErrNoStore", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenExisting created %s", path)
	}
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = OpenExisting(context.Background(), path)
	if err != nil {
		t.Fatalf("existing store: %v", err)
	}
	db.Close()
}
