package dict

import (
	"strings"
	"testing"
	"testing/fstest"
)

// fuzzPetr loads src as a file of the given name (whose name and content
// select a PETRARCH reader) and checks the reader's invariants: a usable
// Dict, errors as a non-empty *ErrorList, every error and entry on a line
// of the file, no empty phrase.
func fuzzPetr(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := LoadFS(fstest.MapFS{name: &fstest.MapFile{Data: []byte(src)}}, name)
		if d == nil {
			t.Fatalf("nil dict (err %v)", err)
		}
		lines := strings.Count(src, "\n") + 1
		if err != nil {
			el, ok := err.(*ErrorList)
			if !ok || el.Len() == 0 {
				t.Fatalf("error %v is not a non-empty *ErrorList", err)
			}
			for _, e := range el.Errs {
				if e.File == name && (e.Line < 1 || e.Line > lines || e.Col < 0) {
					t.Fatalf("error %v outside the file (%d lines)", e, lines)
				}
			}
		}
		for _, r := range d.Roots {
			if len(r.Elems) == 0 {
				t.Fatalf("root %q without elements", r.Text)
			}
			if r.Pos.File == name && (r.Pos.Line < 1 || r.Pos.Line > lines) {
				t.Fatalf("root %q at line %d of %d", r.Text, r.Pos.Line, lines)
			}
		}
		// The text matchers must not fail on the file's own text.
		d.DiscardIn(src)
		d.IssuesIn(src)
		d.Lookup(src, 0)
	})
}

func FuzzPetrActors(f *testing.F) {
	fuzzPetr(f, "f.actors.txt", testPetrActors, "A_ [B 19950101-960101]\n", "X\n\t[Y <]\n+Z\n",
		"<!-- a\nb --> C [D] # e\n", "P\nQ\n\t[R >20010101]\n\t[S]\n")
}

func FuzzPetrAgents(f *testing.F) {
	fuzzPetr(f, "f.agents.txt", testPetrAgents, "!A! = B, C\nX!A!_Y!A! [~Z]\n", "Q {R [~S]\n", "!B! =\nK!B! [T~]\n")
}

func FuzzPetrVerbs(f *testing.F) {
	fuzzPetr(f, "f.verbs.txt", testPetrVerbs, "--- A [1] ---\n+B_C {}\nD_+E\n- $ * + [2]\n&S_\n+T\n",
		"&X\n+Y N'T\n--- Z [:3] ---\nZ\n- &X * [4]\n")
}

func FuzzPetr2Verbs(f *testing.F) {
	fuzzPetr(f, "f2.verbs.txt", testPetr2Verbs, "####### VERB PATTERNS #######\n--- A [1] ---\nA\n- * (TO {B C}) $ [:2]\n~ a (a b A) SAY = a b 3\n",
		"~ x (y) = \n")
}

func FuzzPetrDiscards(f *testing.F) {
	fuzzPetr(f, "f.discards.txt", testDiscards, "+\n_\n+ _\n")
}

func FuzzPetrIssues(f *testing.F) {
	fuzzPetr(f, "f.issues.txt", testIssues, "<ISSUE>\nn:+v:+ [X]\n~\n</ISSUE>\n", "a+b+c+d+e+f+g+h+i+j+k [Y]\n")
}
