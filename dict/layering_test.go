package dict

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeLayerFiles writes files into a temporary directory and returns their
// paths in the order given.
func writeLayerFiles(t *testing.T, files ...[2]string) []string {
	t.Helper()
	dir := t.TempDir()
	var out []string
	for _, f := range files {
		p := filepath.Join(dir, f[0])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func TestLayering(t *testing.T) {
	paths := writeLayerFiles(t,
		[2]string{"std/std.actors.txt", "GONDOR_ [GON]\n+MINAS_TIRITH\nROHAN_ [ROH]\nROHAN_ [ROHGOV]\n"},
		[2]string{"std/std.verbs.txt", "--- MEET [040] ---\nMEET\n- * WITH + [042]\n"},
		[2]string{"my.actors", "GONDOR_ [GONX]\nSHIRE_ [SHR]\nSHIRE_ [SHRX]\n"},
		[2]string{"my.verbs.txt", "--- MEET [043] ---\nMEET\n"},
	)
	std := filepath.Dir(paths[0])
	d, err := Load(std, paths[2], paths[3])
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	tests := []struct {
		name, phrase, want string
	}{
		{"later layer replaces", "Gondor", "GONX"},
		{"synonym of a replaced head keeps the group's code", "Minas Tirith", "GON"},
		{"petrarch: codes accumulate in a layer", "Rohan", "ROH"},
		{"tabari: first wins in a layer", "Shire", "SHR"},
		{"verb replaced with its patterns", "meets", "043"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := best(d, tc.phrase, "20000101"); got != tc.want {
				t.Errorf("%q = %q, want %q", tc.phrase, got, tc.want)
			}
		})
	}
	if _, r := best(d, "meets", "20000101"); r == nil || len(r.Verb.Patterns) != 0 {
		t.Errorf("the replacing MEET should bring its own (no) patterns")
	}
	// Swapping the layers swaps the winner.
	d2, _ := Load(paths[2], std)
	if got, _ := best(d2, "Gondor", "20000101"); got != "GON" {
		t.Errorf("with the standard set last, Gondor = %q, want GON", got)
	}
	// The Rohan codes accumulate: ROH is undated and first, ROHGOV too;
	// both are kept.
	_, r := best(d, "Rohan", "20000101")
	if r == nil || len(r.Actor.Items) != 2 {
		t.Errorf("Rohan codes = %+v, want two accumulated items", r)
	}
}

func TestLookupOrder(t *testing.T) {
	d := mustLoad(t, "t.actors.txt", "UNITED_ [UNI]\nUNITED_STATES_ [USA]\nUNITED_STATES_NAVY_ [USAMIL]\n")
	res := d.Lookup("United States Navy officers", 0)
	var got []string
	for _, r := range res {
		got = append(got, r.Code+"@"+r.Root.Pos.String())
	}
	want := "USAMIL@t.actors.txt:3 USA@t.actors.txt:2 UNI@t.actors.txt:1"
	if strings.Join(got, " ") != want {
		t.Errorf("Lookup = %q, want %q", strings.Join(got, " "), want)
	}
}

// TestPhoenixFiles loads each third-party PETRARCH/Phoenix file on its own
// and checks what it holds.
func TestPhoenixFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("loads every Phoenix file")
	}
	dir := petrData(t)
	tests := []struct {
		file      string
		minRoots  int
		maxErrors int
	}{
		{"Phoenix.Countries.actors.txt", 20000, 20},
		{"Phoenix.International.actors.txt", 3000, 10},
		{"Phoenix.MilNonState.actors.txt", 1000, 5},
		{"Phoenix.agents.txt", 5000, 5},
		{"CAMEO.verbpatterns.150430.txt", 3000, 10},
		{"CAMEO.2.0.txt", 3000, 10},
		{"PETR.Validate.actors.txt", 150, 0},
		{"PETR.Validate.agents.txt", 100, 0},
		{"PETR.Validate.verbs.txt", 500, 0},
		{"Phoenix.discards.txt", 0, 0},
		{"Phoenix.IssueCoding.txt", 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d, err := Load(filepath.Join(dir, tc.file))
			if d == nil {
				t.Fatalf("Load: %v", err)
			}
			n := 0
			if el, ok := err.(*ErrorList); ok {
				n = el.Len()
				for _, e := range el.Errs {
					if e.File != tc.file || e.Line < 1 {
						t.Errorf("error without a position in the file: %v", e)
					}
				}
			}
			if n > tc.maxErrors {
				t.Errorf("%d errors, want at most %d:\n%v", n, tc.maxErrors, err)
			}
			if len(d.Roots) < tc.minRoots {
				t.Errorf("%d entries, want at least %d", len(d.Roots), tc.minRoots)
			}
		})
	}
	d, _ := Load(filepath.Join(dir, "Phoenix.discards.txt"), filepath.Join(dir, "Phoenix.IssueCoding.txt"), filepath.Join(dir, "CAMEO.2.0.txt"))
	if len(d.Discards) < 400 || len(d.Issues) < 2000 || len(d.Transforms) < 5 {
		t.Errorf("%d discards, %d issue phrases, %d transformations; want at least 400, 2000, 5",
			len(d.Discards), len(d.Issues), len(d.Transforms))
	}
}

// TestPhoenixDates checks date-restricted codes of the Phoenix country
// file: leaders' roles change with their terms.
func TestPhoenixDates(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the Phoenix country file")
	}
	d, _ := Load(filepath.Join(petrData(t), "Phoenix.Countries.actors.txt"))
	tests := []struct{ phrase, date, want string }{
		{"Leonid Brezhnev", "19700101", "RUSGOV"},
		{"Leonid Brezhnev", "19600101", "RUSELI"},
		{"Babrak Karmal", "19850101", "AFGGOV"},
		{"Babrak Karmal", "19900101", "AFGELI"},
		{"Afghanistan", "20000101", "AFG"},
	}
	for _, tc := range tests {
		if got, r := best(d, tc.phrase, tc.date); got != tc.want {
			t.Errorf("%q on %s = %q (%v), want %q", tc.phrase, tc.date, got, r, tc.want)
		}
	}
}

func petrData(t testing.TB) string {
	dir := filepath.Join("..", "..", "shared", "data", "petrarch")
	if _, err := os.Stat(filepath.Join("..", "..", "shared")); err != nil {
		t.Skip("../shared is absent; it holds the PETRARCH data files")
	}
	return dir
}
