package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDictCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.actors.txt")
	bad := filepath.Join(dir, "bad.actors.txt")
	writeTestFile(t, good, "ARNOR_ [ARN]\nGONDOR_\n\t[GON 19950101-19991231]\n\t[GONX]\n")
	writeTestFile(t, bad, "ARNOR_ [ARN]\nGONDOR_\n\t[GON 19951301-19991231]\nROHAN_\n")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
	}{
		{"clean file", []string{"dict", "check", good}, 0, nil},
		{"every problem with its position", []string{"dict", "check", bad}, 1,
			[]string{"bad.actors.txt:3:3: malformed date in [GON 19951301-19991231]", "bad.actors.txt:4:1: actor \"ROHAN_\" has no code"}},
		{"several paths", []string{"dict", "check", good, bad}, 1, []string{"bad.actors.txt:3:3:"}},
		{"no path", []string{"dict", "check"}, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCmd(t, "", tc.args...)
			code := 0
			var ex exitError
			if errors.As(err, &ex) {
				code = ex.code
			} else if err != nil {
				t.Fatalf("error %v", err)
			}
			if code != tc.wantCode {
				t.Errorf("exit %d, want %d (output %q)", code, tc.wantCode, out)
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("output %q lacks %q", out, w)
				}
			}
		})
	}
}

func TestDictLookup(t *testing.T) {
	dir := t.TempDir()
	std := filepath.Join(dir, "std.actors.txt")
	mine := filepath.Join(dir, "mine.actors")
	writeTestFile(t, std, "GONDOR_\n\t[GONGOV 19950101-19991231]\n\t[GON]\n")
	writeTestFile(t, mine, "GONDOR_ [GONX]\n")
	tests := []struct {
		name string
		args []string
		want string // the first (chosen) line must contain these, in order
	}{
		{"dated code", []string{"--dict", std, "--date", "1997-06-01", "Gondor"}, "GONGOV std.actors.txt:1"},
		{"default code", []string{"--dict", std, "--date", "2005-06-01", "Gondor"}, "GON std.actors.txt:1"},
		{"layered override", []string{"--dict", std, "--dict", mine, "--date", "1997-06-01", "Gondor"}, "GONX mine.actors:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCmd(t, "", append([]string{"dict", "lookup"}, tc.args...)...)
			if err != nil {
				t.Fatalf("error %v (output %q)", err, out)
			}
			first := strings.SplitN(out, "\n", 2)[0]
			if got := strings.Join(strings.Fields(first)[3:], " "); !strings.HasPrefix(got, tc.want) {
				t.Errorf("first line %q, want code and position %q", first, tc.want)
			}
		})
	}
	if out, _, err := runCmd(t, "", "dict", "lookup", "--dict", std, "Mordor"); err == nil || !strings.Contains(out, "no entry") {
		t.Errorf("unknown phrase: output %q, err %v; want 'no entry' and an error", out, err)
	}
	// The built-in dictionaries are the default.
	if out, _, err := runCmd(t, "", "dict", "lookup", "Japan"); err != nil || !strings.Contains(out, "JPN") {
		t.Errorf("built-in lookup of Japan: output %q, err %v; want JPN", out, err)
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
