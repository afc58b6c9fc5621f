// Package duckdbtest runs SQL queries with DuckDB for tests: the tool in
// tools/duckdb (Node.js and @duckdb/node-api, installed from the npm
// registry by 'npm ci' there) reads Parquet data sets independently of
// twintrack's own readers.
package duckdbtest

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Dir returns tools/duckdb of the module the test runs in, found by
// walking up from the working directory to go.mod.
func Dir() (string, error) {
	d, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "tools", "duckdb"), nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", errors.New("no go.mod above the working directory")
		}
		d = parent
	}
}

// Query runs the queries in one Node process and returns the rows of each.
// It skips the test when the tool is not installed, and fails it then when
// CI=true.
func Query(t testing.TB, queries ...string) [][]map[string]any {
	t.Helper()
	dir, err := Dir()
	if err == nil {
		_, err = os.Stat(filepath.Join(dir, "node_modules", "@duckdb", "node-api"))
	}
	if err == nil {
		_, err = exec.LookPath("node")
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true but DuckDB is not installed (run 'npm ci' in tools/duckdb): %v", err)
		}
		t.Skipf("DuckDB not installed (run 'npm ci' in tools/duckdb): %v", err)
	}
	cmd := exec.Command("node", append([]string{"query.mjs"}, queries...)...)
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("duckdb: %v: %s\nqueries: %s", err, stderr.String(), strings.Join(queries, ";\n"))
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(queries) {
		t.Fatalf("duckdb: %d result lines for %d queries:\n%s", len(lines), len(queries), out)
	}
	results := make([][]map[string]any, len(lines))
	for i, line := range lines {
		if err := json.Unmarshal([]byte(line), &results[i]); err != nil {
			t.Fatalf("duckdb output: %v: %s", err, line)
		}
	}
	return results
}
