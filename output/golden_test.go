package output

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden pins the exact bytes of every format for the sample events,
// so that a change of column order, quoting or number formatting shows up
// in review. Rewrite with go test ./output -update.
func TestGolden(t *testing.T) {
	for _, f := range []string{"jsonl", "csv", "tsv", "phoenix"} {
		t.Run(f, func(t *testing.T) {
			got := write(t, f, sampleEvents())
			path := filepath.Join("testdata", "events."+f)
			if *update {
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./output -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s output differs from %s\n got:\n%s\nwant:\n%s", f, path, got, want)
			}
		})
	}
}
