package devset_test

import (
	"io/fs"
	"regexp"
	"testing"

	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/dictionaries"
)

// codeRE finds the event codes of verb headwords and patterns: [042],
// [010?], [042:043], [0871:0871].
var codeRE = regexp.MustCompile(`\[([0-9]{3,4})[?!]?(?::([0-9]{3,4})[?!]?)?\]`)

// TestVerbsCoverEveryCAMEOCode checks that twintrack.verbs can produce
// every CAMEO event code (two-digit roots excepted) and no code CAMEO does
// not have.
func TestVerbsCoverEveryCAMEOCode(t *testing.T) {
	src, err := fs.ReadFile(dictionaries.FS, "twintrack.verbs")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, m := range codeRE.FindAllStringSubmatch(string(src), -1) {
		used[m[1]] = true
		if m[2] != "" {
			used[m[2]] = true
		}
	}
	all := cameo.All()
	if len(all) < 250 {
		t.Fatalf("got %d CAMEO codes from package cameo, want the full table", len(all))
	}
	for _, info := range all {
		if len(info.Code) >= 3 && !used[info.Code] {
			t.Errorf("CAMEO %s (%s): no headword or pattern in twintrack.verbs codes it", info.Code, info.Name)
		}
	}
	for c := range used {
		if _, ok := cameo.Lookup(c); !ok {
			t.Errorf("twintrack.verbs uses %s, which is not a CAMEO code", c)
		}
	}
}
