package dict

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

func TestSplitPhrase(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // element/connector pairs
	}{
		{"stem", "ARNOR", "ARNOR/0"},
		{"tight trailing", "ESTONIA_", "ESTONIA/2"},
		{"blank", "DURTHANG ORC", "DURTHANG/0 ORC/0"},
		{"tight", "AL_GORE", "AL/2 GORE/0"},
		{"exact gap", "IN_ *", "IN/1 */0"},
		{"stem tight", "REAL~_PLEASANT", "REAL/3 PLEASANT/0"},
		{"noend", "BAN=", "BAN/4"},
		{"group", padBraces("DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS"),
			"DEMAND/2 {/0 GENEVA/1 |/0 INTERNATIONAL/0 }/2 CONVENTIONS/0"},
		{"unpadded group", padBraces("FOR {A|B}"), "FOR/0 {/0 A/0 |/0 B/0 }/0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var parts []string
			for _, e := range splitPhrase(tc.in) {
				parts = append(parts, e.text+"/"+string(rune('0'+e.conn)))
			}
			if got := strings.Join(parts, " "); got != tc.want {
				t.Errorf("splitPhrase(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestPhraseLength(t *testing.T) {
	tests := []struct {
		in       string
		len, alt int
	}{
		{"* IMPROVED &TIETYPES RELATIONS", 25, 0},
		{"* NEW_&TIETYPES_RELATIONS", 22, 0},
		{"* DIPLOMATIC TIES", 14, 0},
		{"* EFFORT", 6, 0},
		{"* FOR { ECONOMIC_SANCTIONS | TOTAL_BOYCOTT | EMBARGO }", 21, 18},
		{"SAID * TO ATTEND", 12, 0},
	}
	for _, tc := range tests {
		l, a := phraseLength(tc.in)
		if l != tc.len || a != tc.alt {
			t.Errorf("phraseLength(%q) = %d, %d; want %d, %d", tc.in, l, a, tc.len, tc.alt)
		}
	}
}

const testActors = `<NOUN>
FORCES_  ;JW
</NOUN>
<ADJECTIVE>
EVIL
</ADJECTIVE>
ARNOR  [ARN]
GOLLUM ; comment
+SMEAGOL
	[HOB < 950601]
	[HOBGOV 950601 - 990815]
	[HOBREB > 990816]
EAST-GERMANY [GME <901103]
ARNOR  [XXX]
LORIEN [ELR/GAL]
`

const testVerbs = `<SYNSETS>
&TIETYPES
+MILITARY
+ECONOMIC
</SYNSETS>
<TIME>
YESTERDAY [-1]
FOREVER [- - -]
</TIME>
ABANDON  [345]
- * EFFORT  [987]
- * IMPROVED &TIETYPES RELATIONS [904]
BREAK_ [1717]
{ BROKE_ BROKEN_DOWN_ }
SAY [023?]
MEET [031:031]
`

func load(t *testing.T, files map[string]string) (*Dict, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	var names []string
	for n, s := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(s)}
		names = append(names, n)
	}
	return LoadFS(fsys, names...)
}

func findRoot(d *Dict, text string) *Root {
	for _, r := range d.Roots {
		if r.Text == text {
			return r
		}
	}
	return nil
}

func TestActors(t *testing.T) {
	d, err := load(t, map[string]string{"t.actors": testActors})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if got := d.Warnings.Len(); got != 1 {
		t.Errorf("warnings = %d, want 1 (duplicate ARNOR)", got)
	}
	day := func(s string) Day { d, _ := ParseDigits(s); return d }
	tests := []struct {
		phrase, date, want string
		ok                 bool
	}{
		{"ARNOR", "950101", "ARN", true},
		{"GOLLUM", "950120", "HOB", true},
		{"SMEAGOL", "951101", "HOBGOV", true},
		{"GOLLUM", "010101", "HOBREB", true},
		{"GOLLUM", "990816", "", false}, // strict '>'
		{"EAST_GERMANY", "900101", "GME", true},
		{"EAST_GERMANY", "950101", "---", true},
		{"LORIEN", "950101", "ELR/GAL", true},
	}
	for _, tc := range tests {
		r := findRoot(d, tc.phrase)
		if r == nil {
			t.Errorf("no root %q", tc.phrase)
			continue
		}
		got, ok := r.Actor.Resolve(day(tc.date))
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s on %s: got %q,%v, want %q,%v", tc.phrase, tc.date, got, ok, tc.want, tc.ok)
		}
	}
	if r := findRoot(d, "SMEAGOL"); r == nil || r.Parent == nil || r.Parent.Text != "GOLLUM" {
		t.Errorf("SMEAGOL parent: got %v, want GOLLUM", r)
	}
	if r := findRoot(d, "FORCES_"); r == nil || r.Type != Noun || r.Elems[0].Conn != Tight {
		t.Errorf("FORCES_: got %+v, want a tight noun", r)
	}
	if r := findRoot(d, "EVIL"); r == nil || r.Type != Adjctv {
		t.Errorf("EVIL: got %+v, want an adjective", r)
	}
	if r := findRoot(d, "ARNOR"); r.Pos.String() != "t.actors:7" {
		t.Errorf("ARNOR pos = %s, want t.actors:7", r.Pos)
	}
}

func TestVerbs(t *testing.T) {
	d, err := load(t, map[string]string{"t.verbs": testVerbs})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if !d.HasTime {
		t.Errorf("HasTime = false, want true")
	}
	ab := findRoot(d, "ABANDON")
	if ab == nil || len(ab.Verb.Patterns) != 2 {
		t.Fatalf("ABANDON: got %+v, want 2 patterns", ab)
	}
	if p := ab.Verb.Patterns[0]; p.Code.A != "904" || p.Len != 25 || p.Star != 0 {
		t.Errorf("first pattern = %q code %s len %d, want the 904 pattern of length 25", p.Text, p.Code.A, p.Len)
	}
	if f := findRoot(d, "BROKEN_DOWN_"); f == nil || f.Verb != findRoot(d, "BREAK_").Verb {
		t.Errorf("form BROKEN_DOWN_ does not share BREAK_'s entry")
	}
	if c := findRoot(d, "SAY").Verb.Code; c.A != "023" || !c.ASub {
		t.Errorf("SAY code = %+v, want subordinate 023", c)
	}
	if c := findRoot(d, "MEET").Verb.Code; !c.Paired || c.A != "031" || c.B != "031" {
		t.Errorf("MEET code = %+v, want paired 031:031", c)
	}
	if c := findRoot(d, "YESTERDAY").Verb.Code; c.Shift != -1 || c.A != "" {
		t.Errorf("YESTERDAY code = %+v, want shift -1", c)
	}
	if c := findRoot(d, "FOREVER").Verb.Code; c.Shift != 0 || c.A != "" {
		t.Errorf("FOREVER code = %+v, want shift 0 (not null)", c)
	}
	if len(d.Synsets) != 1 || len(d.Synsets[0].Members) != 2 {
		t.Errorf("synsets = %+v, want &TIETYPES with 2 members", d.Synsets)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"empty code", "a.actors", "ARNOR []\n", "a.actors:1:7: empty code []"},
		{"no code", "a.actors", "\n\nGONDOR\nARNOR [ARN]\n", "a.actors:3:1: actor \"GONDOR\" has no code"},
		{"bad date", "a.actors", "X1 [AAA <99x]\n", "a.actors:1:5: malformed date in [AAA <99x]"},
		{"pattern first", "v.verbs", "- * X [010]\n", "v.verbs:1:1: pattern before any headword"},
		{"two stars", "v.verbs", "GO [010]\n  - * X * [011]\n", "v.verbs:2:3: pattern \"* X *\" must contain exactly one '*'"},
		{"undeclared synset", "v.verbs", "GO [010]\n- * &NOPE [011]\n", "v.verbs:2:1: undeclared synset &NOPE"},
		{"bad code char", "v.verbs", "GO [0/10]\n", "v.verbs:1:4: bad character '/' in code [0/10]"},
		{"unknown option", "o.options", "BOGUS: 1\n", "o.options:1:1: unknown options command \"BOGUS\""},
		{"agent no code", "x.agents", "MINISTER_\n", "x.agents:1:1: agent \"MINISTER_\" has no code"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, map[string]string{tc.file: tc.src})
			if err == nil {
				t.Fatalf("got no error, want %q", tc.want)
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestErrorListCap(t *testing.T) {
	var b strings.Builder
	for i := 0; i < MaxErrors+20; i++ {
		b.WriteString("X1 []\n")
	}
	_, err := load(t, map[string]string{"a.actors": b.String()})
	el, ok := err.(*ErrorList)
	if !ok {
		t.Fatalf("error type %T, want *ErrorList", err)
	}
	if len(el.Errs) != MaxErrors || el.Len() != MaxErrors+20 {
		t.Errorf("kept %d of %d errors, want %d of %d", len(el.Errs), el.Len(), MaxErrors, MaxErrors+20)
	}
}

func TestOptions(t *testing.T) {
	tests := []struct {
		name string
		cmds []string
		chk  func(o Options) bool
	}{
		{"code all", []string{"SET: CODE ALL"}, func(o Options) bool { return o.CodeMode == CodeAll }},
		{"code sentence", []string{"SET: CODE BY SENTENCE"}, func(o Options) bool { return o.CodeMode == BySentence }},
		{"time off", []string{"SET: TIME SHIFT = FALSE"}, func(o Options) bool { return o.TimeSet && !o.Time }},
		{"minwords", []string{"SET: MINIMUM WORDS = 4  */"}, func(o Options) bool { return o.MinWords == 4 }},
		{"convert", []string{"SET: CONVERT AGENT = TRUE"}, func(o Options) bool { return o.ConvertAgents }},
		{"complex", []string{"COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"}, func(o Options) bool {
			return o.Complex.Verbs == 5 && o.Complex.Conj == 4 && o.Complex.NoActPrior && o.Complex.Explain
		}},
		{"comma", []string{"COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"}, func(o Options) bool {
			return o.CommaMin == 4 && o.CommaMax == 6 && o.CommaEMin == 3 && o.CommaEMax == 6 && o.CommaBMin == 3 && o.CommaBMax == 8
		}},
		{"comma off", []string{"COMMA: OFF"}, func(o Options) bool { return o.CommaMin == 128 && o.CommaMax == 0 }},
		{"default", []string{"DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"}, func(o Options) bool {
			return o.DefaultSource == "DEFSRC" && o.DefaultTarget == "DEFTAR" && o.Prior && o.After
		}},
		{"default off keeps", []string{"DEFAULT: SOURCE [A] PRIOR", "DEFAULT: TARGET [B]"}, func(o Options) bool {
			return o.DefaultSource == "A" && o.Prior && o.DefaultTarget == "B"
		}},
		{"default off clears", []string{"DEFAULT: SOURCE [A] PRIOR", "DEFAULT: OFF"}, func(o Options) bool {
			return o.DefaultSource == "" && !o.Prior
		}},
		{"forward", []string{"FORWARD: ^^*****NNN*SSS"}, func(o Options) bool { return o.Forwarding && o.ForwardFormat == "^^*****NNN*SSS" }},
		{"forward off", []string{"FORWARD: ^^*****NNN*SSS OFF"}, func(o Options) bool { return !o.Forwarding && o.ForwardFormat != "" }},
		{"yyyy", []string{"SET: YYYY = TRUE"}, func(o Options) bool { return o.YYYY }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := DefaultOptions()
			for _, c := range tc.cmds {
				if err := o.Apply(c); err != nil {
					t.Fatalf("Apply(%q): %v", c, err)
				}
			}
			if !tc.chk(o) {
				t.Errorf("after %q got %+v", tc.cmds, o)
			}
		})
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"950120", "1995-01-20", true},
		{"290101", "2029-01-01", true},
		{"300101", "1930-01-01", true},
		{"20150607", "2015-06-07", true},
		{"951301", "", false},
		{"950132", "", false},
		{"9501", "", false},
		{"18400101", "", false},
	}
	for _, tc := range tests {
		d, ok := ParseDigits(tc.in)
		if ok != tc.ok || ok && d.ISO() != tc.want {
			t.Errorf("ParseDigits(%q) = %s,%v, want %s,%v", tc.in, d.ISO(), ok, tc.want, tc.ok)
		}
	}
}

// sharedDir returns ../shared/data relative to the module root, skipping
// the test when ../shared is absent.
func sharedDir(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "shared")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared is absent; it holds the TABARI data files (see ../shared/README.md)")
	}
	return filepath.Join(root, "data")
}

func TestLoadSuite(t *testing.T) {
	d, err := Load(filepath.Join(sharedDir(t), "tabari", "Validate.project"))
	if err != nil {
		t.Fatalf("load Validate.project: %v", err)
	}
	if len(d.Roots) < 400 || !d.HasTime || len(d.Synsets) != 5 {
		t.Errorf("got %d roots, time %v, %d synsets; want >400, true, 5", len(d.Roots), d.HasTime, len(d.Synsets))
	}
	if d.Options.Complex.Verbs != 5 || !d.Options.Complex.NoActPrior {
		t.Errorf("options not read: %+v", d.Options.Complex)
	}
	d2, _ := Load(filepath.Join(sharedDir(t), "tabari", "Validate.project"))
	if d.Hash != d2.Hash || len(d.Hash) != 64 {
		t.Errorf("hash not stable: %s vs %s", d.Hash, d2.Hash)
	}
}

func TestMatchWord(t *testing.T) {
	d, err := load(t, map[string]string{"t.actors": "A_B [X]\nARN [ARN]\nARNOR_ [ARN]\n"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		word string
		want string
	}{
		{"ARNORIAN", "ARN ARNOR"},
		{"ARNOR", "ARN ARNOR="},
		{"A", "A="},
		{"AN", "AN="}, // the one-character literal A does not match AN
		{"A.", "A"},
		{"XYZ", ""},
	}
	for _, tc := range tests {
		var parts []string
		for _, m := range d.MatchWord(nil, tc.word) {
			s := d.Literal(m.Lit)
			if m.Exact {
				s += "="
			}
			parts = append(parts, s)
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("MatchWord(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestBuiltin(t *testing.T) {
	d, err := Builtin()
	if d == nil {
		t.Fatalf("Builtin: %v", err)
	}
	if err != nil {
		// The built-in files are written by other engineers; their own
		// tests require zero errors. Here only loading is checked.
		t.Logf("built-in dictionaries: %v", err)
	}
	if len(d.Roots) < 100 || len(d.Hash) != 64 {
		t.Errorf("got %d roots, hash %q; want a loaded dictionary set", len(d.Roots), d.Hash)
	}
	if d2, _ := Open(); d2 == nil || d2.Hash != d.Hash {
		t.Errorf("Open() without paths does not load the built-ins")
	}
}
