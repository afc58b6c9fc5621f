package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedTableIsCurrent regenerates the table from the shared files
// and checks that the committed cameo/codes.tsv is byte-for-byte what the
// generator writes: the file is reproducible, and nobody edited it by hand.
func TestGeneratedTableIsCurrent(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "..", "shared", "data")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	out := filepath.Join(t.TempDir(), "codes.tsv")
	if err := run(shared, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "codes.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("cameo/codes.tsv differs from the generator's output; run go generate in cameo/")
	}
}

func TestNamesCoverCodes(t *testing.T) {
	for code, name := range names {
		if len(code) < 2 || len(code) > 4 || name == "" {
			t.Errorf("names[%q] = %q: want a 2-4 digit code and a name", code, name)
		}
	}
	if len(names) < 310 {
		t.Errorf("got %d names, want 310+", len(names))
	}
}
