package dict_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
)

// TestPetrarchCoding codes documents with a small PETRARCH-format set of
// our own: events carry the issue codes of their sentence, discard phrases
// stop sentences and stories, and short sentences are coded (no options
// file: PETRARCH has no minimum length).
func TestPetrarchCoding(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"t.actors.txt":   "JAPAN_ [JPN]\nCAMBODIA_ [KHM]\n",
		"t.verbs.txt":    "--- CRITICIZE [111] ---\nCRITICIZE\n--- PRAISE [051] ---\nPRAISE\n",
		"t.discards.txt": "FRIENDLY MATCH\n+FOOTBALL_\n",
		"t.issues.txt":   "<ISSUE CATEGORY=\"LAND\" TYPE=\"ALL\">\nland+n:mine [LANDMINES]\n</ISSUE>\n",
	}
	var paths []string
	for n, s := range files {
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	d, err := dict.Load(paths...)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	c := coder.New(d)
	tests := []struct {
		name, text string
		want       []string // "SOURCE TARGET CODE issues"
	}{
		{"issues attached", "Japan criticized Cambodia over landmines. Japan praised Cambodia.",
			[]string{"JPN KHM 111 LANDMINES", "JPN KHM 051 "}},
		{"hyphenated issue", "Japan criticized Cambodia over land-mines and a land mine.",
			[]string{"JPN KHM 111 LANDMINES,LANDMINES"}},
		{"sentence discard", "Japan praised Cambodia after a friendly match. Japan criticized Cambodia.",
			[]string{"JPN KHM 111 "}},
		{"story discard", "Japan praised Cambodia. The football team lost.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			evs, err := c.CodeDocument(&twintrack.Document{ID: "d", Date: "2020-01-02", Text: tc.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, ev := range evs {
				got = append(got, ev.Source+" "+ev.Target+" "+ev.Code+" "+strings.Join(ev.Issues, ","))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("events = %q, want %q", got, tc.want)
			}
		})
	}
}
