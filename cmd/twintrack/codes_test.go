package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/cameo"
)

func TestCodes(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		check func(t *testing.T, out string)
	}{
		{"text lists every code", nil, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if got, want := len(lines), len(cameo.All()); got != want {
				t.Errorf("got %d lines, want %d", got, want)
			}
			if !strings.HasPrefix(lines[0], "01 ") {
				t.Errorf("first line got %q, want it to start with code 01", lines[0])
			}
		}},
		{"tsv with prefix", []string{"--format", "tsv", "043"}, func(t *testing.T, out string) {
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 2 {
				t.Fatalf("got %d lines, want header + 1: %q", len(lines), out)
			}
			f := strings.Split(lines[1], "\t")
			if f[0] != "043" || f[1] != "04" || f[2] != "1" || f[4] != "CONSULT" {
				t.Errorf("got row %q, want 043, 04, 1, ..., CONSULT", f)
			}
		}},
		{"json codes are strings", []string{"-format=json", "19"}, func(t *testing.T, out string) {
			var got []map[string]any
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatal(err)
			}
			if len(got) < 8 {
				t.Fatalf("got %d codes under 19, want 8+", len(got))
			}
			for _, m := range got {
				if _, ok := m["code"].(string); !ok {
					t.Errorf("code %v is %T, want string", m["code"], m["code"])
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			err := Run(context.Background(), append([]string{"codes"}, tt.args...), &Env{Stdout: &out, Stderr: &errb})
			if err != nil {
				t.Fatalf("got error %v (stderr %q), want none", err, errb.String())
			}
			tt.check(t, out.String())
		})
	}
	var out bytes.Buffer
	if err := Run(context.Background(), []string{"codes", "--format", "xml"}, &Env{Stdout: &out, Stderr: &out}); err == nil {
		t.Error("--format xml: got no error, want one")
	}
}
