package dict

import (
	"testing"
	"testing/fstest"
)

func fuzzKind(f *testing.F, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		d, err := LoadFS(fstest.MapFS{name: &fstest.MapFile{Data: []byte(src)}}, name)
		if d == nil {
			t.Fatalf("nil dict (err %v)", err)
		}
		if el, ok := err.(*ErrorList); err != nil && (!ok || el.Len() == 0) {
			t.Fatalf("error %v is not a non-empty *ErrorList", err)
		}
		for _, r := range d.Roots {
			if len(r.Elems) == 0 {
				t.Fatalf("root %q without elements", r.Text)
			}
		}
	})
}

func FuzzActors(f *testing.F) {
	fuzzKind(f, "f.actors", testActors, "A [B 950101-960101]\n", "X\n\t[Y <]\n+Z\n", "<NOUN>\nQ\n")
}

func FuzzAgents(f *testing.F) {
	fuzzKind(f, "f.agents", "PRESIDENT_  [ ~GOVPRS] ;x\nHUMAN_RIGHTS_ [NGM~]\n", "X [~]\n+Y\n")
}

func FuzzVerbs(f *testing.F) {
	fuzzKind(f, "f.verbs", testVerbs, "ASK [090]\n- * FOR { A_B | C } [172]\n- X_{ Y | Z } * [1]\n",
		"<SYNSETS>\n&A\n+B_$\n&C\n+&A_D\n</SYNSETS>\nGO [010]\n- &C * [011]\n")
}

func FuzzOptions(f *testing.F) {
	fuzzKind(f, "f.options", "COMPLEX: VERBS[5]\nSET: CODE ALL\nCOMMA: MIN=1\nDEFAULT: SOURCE [X]\nFORWARD: ^^NNN*SSS\nLABEL: 1=2\n")
}

func FuzzProject(f *testing.F) {
	f.Add("x\n<actorsfile> a.actors\n<verbs>v.verbs</verbs>\n<op> o.options\n")
	f.Fuzz(func(t *testing.T, src string) {
		p := ParseProject("p.project", src)
		for _, pf := range p.DictFiles() {
			if pf.Name == "" || pf.Kind == "" {
				t.Fatalf("empty file entry %+v", pf)
			}
		}
	})
}
