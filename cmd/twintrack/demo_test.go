package main

import (
	"bytes"
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestDemo runs the newcomer's first command end to end: the sample corpus
// is coded with the built-in dictionaries into a fresh SQLite store, the
// twin-track report shows both of Japan's tracks toward Cambodia, and a
// second run adds nothing.
func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var out, errs bytes.Buffer
	env := &Env{Stdout: &out, Stderr: &errs}
	if err := Run(context.Background(), []string{"demo", "--db", db}, env); err != nil {
		t.Fatalf("demo: %v\nstderr:\n%s", err, errs.String())
	}
	total := regexp.MustCompile(`(?m)^total\s+(\d+)\s+(\d+)`).FindStringSubmatch(out.String())
	if total == nil {
		t.Fatalf("no total line in the report:\n%s", out.String())
	}
	gov, _ := strconv.Atoi(total[1])
	opp, _ := strconv.Atoi(total[2])
	if gov < 5 || opp < 5 {
		t.Errorf("JPN-KHM tracks: gov %d, opp %d; want at least 5 events on each track", gov, opp)
	}
	if !regexp.MustCompile(`twin-track periods: [1-9]`).MatchString(out.String()) {
		t.Errorf("no twin-track period found:\n%s", out.String())
	}

	errs.Reset()
	out.Reset()
	if err := Run(context.Background(), []string{"demo", "--db", db}, env); err != nil {
		t.Fatalf("second demo: %v", err)
	}
	if !regexp.MustCompile(`\b0 stored, \d+ already stored`).MatchString(errs.String()) {
		t.Errorf("second run stored documents again:\n%s", errs.String())
	}
}
