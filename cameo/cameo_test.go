package cameo

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

// sharedData returns ../shared/data next to the module root, skipping the
// test when it is absent.
func sharedData(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	return d
}

func TestEmbeddedTable(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatalf("embedded table: %v", err)
	}
	all := All()
	if len(all) < 310 {
		t.Fatalf("got %d codes, want at least 310", len(all))
	}
	for i, in := range all {
		if i > 0 && all[i-1].Code >= in.Code {
			t.Errorf("codes out of order: %s before %s", all[i-1].Code, in.Code)
		}
		if got := Root(in.Code); got != in.Root {
			t.Errorf("%s: root got %q, want %q", in.Code, in.Root, got)
		}
		if got := QuadClass(in.Root); got != in.QuadClass || got == 0 {
			t.Errorf("%s: quad_class got %d, want %d (non-zero)", in.Code, in.QuadClass, got)
		}
		if in.Name == "" {
			t.Errorf("%s: empty name", in.Code)
		}
		if len(in.Code) > 2 {
			if _, ok := Lookup(in.Code[:len(in.Code)-1]); !ok {
				t.Errorf("%s: parent %s missing", in.Code, in.Code[:len(in.Code)-1])
			}
		}
	}
	all[0].Name = "changed"
	if in, _ := Lookup(all[0].Code); in.Name == "changed" {
		t.Error("All returned the table itself, want a copy")
	}
}

// TestTableMatchesShared checks the table against the third-party files it
// restates: every code of GDELT's Goldstein table and of the PLOVER
// conversion table is in ours with the same values.
func TestTableMatchesShared(t *testing.T) {
	data := sharedData(t)
	f, err := os.Open(filepath.Join(data, "cameo", "CAMEO.goldsteinscale.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		code, val, ok := strings.Cut(strings.TrimSpace(sc.Text()), "\t")
		if !ok || code == "CAMEOEVENTCODE" {
			continue
		}
		want, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
		if err != nil {
			t.Fatalf("goldstein file: %v", err)
		}
		n++
		in, ok := Lookup(code)
		if !ok {
			t.Errorf("code %s of the Goldstein file missing", code)
			continue
		}
		if in.Goldstein != want {
			t.Errorf("%s: goldstein got %v, want %v", code, in.Goldstein, want)
		}
	}
	if n < 300 {
		t.Fatalf("read %d Goldstein lines, want 300+", n)
	}

	pf, err := os.ReadFile(filepath.Join(data, "plover", "CAMEO2PLOVER-2021.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// code -> every "TYPE|mode|context" the file gives it (roots may repeat).
	plover := map[string][]string{}
	for _, line := range strings.Split(string(pf), "\n") {
		line, _, _ = strings.Cut(line, "#")
		code, rest, ok := strings.Cut(line, ":")
		code = strings.TrimSpace(code)
		if !ok || code == "" || strings.Trim(code, "0123456789") != "" {
			continue
		}
		p := strings.SplitN(rest, ",", 3)
		for len(p) < 3 {
			p = append(p, "")
		}
		ctx := strings.Fields(strings.ReplaceAll(p[2], ";", " "))
		v := strings.TrimSpace(p[0]) + "|" + strings.TrimSpace(p[1]) + "|" + strings.Join(ctx, ";")
		plover[code] = append(plover[code], v)
	}
	if len(plover) < 250 {
		t.Fatalf("read %d PLOVER codes, want 250+", len(plover))
	}
	for code, vals := range plover {
		in, ok := Lookup(code)
		if !ok {
			t.Errorf("PLOVER code %s missing", code)
			continue
		}
		got := in.Plover + "|" + in.PloverMode + "|" + in.PloverContext
		match := false
		for _, v := range vals {
			match = match || v == got
		}
		if !match {
			t.Errorf("%s: plover got %q, want one of %q", code, got, vals)
		}
	}
}

func TestRootQuadClass(t *testing.T) {
	tests := []struct {
		name, code, root string
		quad             int
	}{
		{"statement", "010", "01", 1},
		{"four digits", "0431", "04", 1},
		{"material cooperation", "073", "07", 2},
		{"verbal conflict", "1121", "11", 3},
		{"material conflict", "190", "19", 4},
		{"last root", "2042", "20", 4},
		{"root only", "14", "14", 3},
		{"out of range root", "21", "21", 0},
		{"zero root", "00", "00", 0},
		{"letters", "AB1", "", 0},
		{"one digit", "1", "", 0},
		{"empty", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Root(tt.code); got != tt.root {
				t.Errorf("Root(%q) got %q, want %q", tt.code, got, tt.root)
			}
			if got := QuadClass(Root(tt.code)); got != tt.quad {
				t.Errorf("QuadClass(%q) got %d, want %d", Root(tt.code), got, tt.quad)
			}
		})
	}
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name, code, root, plover string
		quad                     int
		goldstein                float64
	}{
		{"listed code", "043", "04", "CONSULT", 1, 2.8},
		{"padded code", " 190 ", "19", "ASSAULT", 4, -10},
		{"unlisted extension takes parent", "0431", "04", "CONSULT", 1, 2.8},
		{"PLOVER-only code", "1213", "12", "REJECT", 3, -4},
		{"root without PLOVER", "020", "02", "", 1, 3},
		{"unknown root keeps digits", "991", "99", "", 0, 0},
		{"not a code", "X", "", "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := twintrack.Event{Code: tt.code, Goldstein: 99, Plover: "stale"}
			Annotate(&ev)
			if ev.Root != tt.root || ev.QuadClass != tt.quad || ev.Goldstein != tt.goldstein || ev.Plover != tt.plover {
				t.Errorf("Annotate(%q) got root %q quad %d goldstein %v plover %q, want %q %d %v %q",
					tt.code, ev.Root, ev.QuadClass, ev.Goldstein, ev.Plover, tt.root, tt.quad, tt.goldstein, tt.plover)
			}
		})
	}
}

func BenchmarkAnnotate(b *testing.B) {
	codes := []string{"010", "043", "0431", "190", "1121", "20"}
	ev := twintrack.Event{}
	for i := 0; b.Loop(); i++ {
		ev.Code = codes[i%len(codes)]
		Annotate(&ev)
	}
}
