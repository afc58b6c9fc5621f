package devset_test

import (
	"io/fs"
	"regexp"
	"strings"
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

// TestVerbsNoDuplicates checks that no verb phrase (headword or form) is
// entered twice and no headword has the same pattern twice: TABARI keeps
// the first and silently drops the rest, so a duplicate is always a
// mistake in the file.
func TestVerbsNoDuplicates(t *testing.T) {
	src, err := fs.ReadFile(dictionaries.FS, "twintrack.verbs")
	if err != nil {
		t.Fatal(err)
	}
	phrases := map[string]int{}
	patterns := map[string]int{}
	head, inVerbs := "", false
	for i, line := range strings.Split(string(src), "\n") {
		n := i + 1
		switch {
		case strings.HasPrefix(line, "</TIME>"):
			inVerbs = true
			continue
		case !inVerbs || line == "" || strings.ContainsRune("#/~", rune(line[0])):
			continue
		case line[0] == '{':
			for _, f := range strings.Fields(strings.Trim(line, "{} ")) {
				if prev, dup := phrases[f]; dup {
					t.Errorf("twintrack.verbs:%d: form %s already entered on line %d", n, f, prev)
				}
				phrases[f] = n
			}
		case line[0] == '-':
			key := head + "\x00" + strings.TrimSpace(strings.SplitN(line, "[", 2)[0])
			if prev, dup := patterns[key]; dup {
				t.Errorf("twintrack.verbs:%d: pattern %q of %s already on line %d", n, line, head, prev)
			}
			patterns[key] = n
		default:
			head = strings.TrimSpace(strings.SplitN(line, "[", 2)[0])
			if prev, dup := phrases[head]; dup {
				t.Errorf("twintrack.verbs:%d: headword %s already entered on line %d", n, head, prev)
			}
			phrases[head] = n
		}
	}
	if len(phrases) < 500 {
		t.Errorf("got %d verb phrases, want the full dictionary (500 or more)", len(phrases))
	}
}
