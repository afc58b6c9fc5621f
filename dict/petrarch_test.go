package dict

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// Fixtures in the PETRARCH/Phoenix formats, written for these tests.
const (
	testPetrActors = `<!-- test actors
# a comment inside an XML comment -->
# a line comment
AARDVARKIA_ [AAR]  # trailing comment
+AARDVARKIAN
BALDONIA_
+BALDONIAN
	[BALGOV 19900101-19991231]
	[BALREB >000101]
	[BAL]
CARL_CORMORANT_
PRESIDENT_CORMORANT
	[CRMELI 850101-891231]
	[CRMGOV 900101-941231]
CARL_CORMORANT_
	[CRMOPP 950101-991231]
DUCKLAND [DCK] [DCKMIL <19800101]
FROGTOWN_ [FRG] [FRGGOV 300101-301231]
EMUVILLE_#_A_COMMENT_AFTER_THE_PHRASE
	[EMU]#tight comment
`
	testPetrAgents = `# agents
!PERSON! = MAN, WOMAN
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
MEDIA {} [~MED]
PARTY [~PTY]
CONGRESS!PERSON! [~LEG]
BOSS [BOS~]
`
	testPetrVerbs = `<!-- verbs -->
&MONEY_
+DOLLARS
+GOLD_COINS
&THING
+PARCEL
+DID N'T
--- GIVE [070] ---
GIVE {GIVES GAVE GIVEN GIVING}
DONATE
+HAND_OVER
BEQUEATH [071]
- * &MONEY [072]
- * &THING TO + [073]
- SAID * [074]
--- TRY [---] ---
TRY
`
	testPetr2Verbs = `&FOOD
+RICE
####### VERB PATTERNS #######
---  RUSH   [---]  ---
RUSH
- * (TO BORDER)          [154]   # comment
- * {RELIEF ASSISTANCE}  [073]
- &FOOD * $              [:075]
~ a (a b ATTACK) SAY = a b 015
`
	testDiscards = `# story and sentence discards
MONTHS LATER
+FOOTBALL
CRICKET_
`
	testIssues = `<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
n:teacher [TEACHERS]
pre+n:school [EARLY_EDUCATION]
v:teach [TEACHING]
head start [EARLY_EDUCATION]
~a head start
literacy
</ISSUE>
`
)

func loadTest(t *testing.T, files map[string]string, names ...string) (*Dict, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for n, s := range files {
		fsys[n] = &fstest.MapFile{Data: []byte(s)}
	}
	d, err := LoadFS(fsys, names...)
	if d == nil {
		t.Fatalf("LoadFS: %v", err)
	}
	return d, err
}

func mustLoad(t *testing.T, name, src string) *Dict {
	t.Helper()
	d, err := loadTest(t, map[string]string{name: src}, name)
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return d
}

// best returns the code of the best entry for a phrase on a date.
func best(d *Dict, phrase string, date string) (string, *Root) {
	day, _ := ParseDigits(date)
	res := d.Lookup(phrase, day)
	if len(res) == 0 {
		return "<none>", nil
	}
	return res[0].Code, res[0].Root
}

func TestPetrLines(t *testing.T) {
	src := "A [B] # c\n<!-- x\ny -->D [E]\n\t[F]#g\nH#I [J]\n<! -- bad comment -->\n[###] # k\nRIP {RIPS};shan 7/11/93\n"
	var got []string
	petrLines(src, func(pl petrLine) {
		got = append(got, pl.phrase+"|"+strings.TrimSpace(pl.code)+"|"+strconv.Itoa(pl.num)+":"+strconv.Itoa(pl.col))
	})
	want := []string{"A|[B]|1:1", "D|[E]|3:6", "|[F]|4:2", "H||5:1", "|[###]|7:1", "RIP {RIPS}||8:1"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("petrLines = %q, want %q", got, want)
	}
}

func TestPetrActors(t *testing.T) {
	d := mustLoad(t, "t.actors.txt", testPetrActors)
	tests := []struct {
		name, phrase, date, want string
	}{
		{"head", "Aardvarkia", "20000101", "AAR"},
		{"synonym", "Aardvarkian", "20000101", "AAR"},
		{"possessive ending", "Aardvarkia's", "20000101", "AAR"},
		{"whole words only", "Aardvarkiaxx", "20000101", "<none>"},
		{"dated YYYYMMDD", "Baldonia", "19950601", "BALGOV"},
		{"range end inclusive", "Baldonia", "19991231", "BALGOV"},
		{"after YYMMDD inclusive", "Baldonian", "20000101", "BALREB"},
		{"default when nothing applies", "Baldonia", "19800101", "BAL"},
		{"heads in a row share codes", "President Cormorant", "19920101", "CRMGOV"},
		{"codes accumulate", "Carl Cormorant", "19970101", "CRMOPP"},
		{"accumulated earlier codes kept", "Carl Cormorant", "19860101", "CRMELI"},
		{"no code on the date", "President Cormorant", "19970101", ""},
		{"default written first", "Duckland", "19700101", "DCKMIL"},
		{"before inclusive", "Duckland", "19800101", "DCKMIL"},
		{"default later", "Duckland", "19800102", "DCK"},
		{"hash inside phrase", "Emuville", "20000101", "EMU"},
		{"pivot: 30 is 2030", "Frogtown", "20300601", "FRGGOV"},
		{"pivot: not 1930", "Frogtown", "19300601", "FRG"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got, _ := best(d, tc.phrase, tc.date); got != tc.want {
				t.Errorf("%q on %s = %q, want %q", tc.phrase, tc.date, got, tc.want)
			}
		})
	}
}

func TestPetrAgents(t *testing.T) {
	d := mustLoad(t, "t.agents.txt", testPetrAgents)
	tests := []struct{ phrase, want string }{
		{"attorney general", "~GOV"},
		{"attorneys general", "~GOV"},
		{"attorney generals", "<none>"}, // explicit plurals only
		{"media", "~MED"},
		{"medias", "<none>"}, // {} = no plural
		{"party", "~PTY"},
		{"parties", "~PTY"}, // generated: Y to IES
		{"party's", "~PTY"},
		{"congressman", "~LEG"},
		{"congresswoman", "~LEG"},
		{"congressmans", "<none>"}, // substitutions get no plural
		{"boss", "BOS~"},
		{"bosses", "BOS~"},
	}
	for _, tc := range tests {
		if got, _ := best(d, tc.phrase, "20000101"); got != tc.want {
			t.Errorf("%q = %q, want %q", tc.phrase, got, tc.want)
		}
	}
}

func TestPetrVerbs(t *testing.T) {
	d := mustLoad(t, "t.verbs.txt", testPetrVerbs)
	tests := []struct {
		phrase, want string
		patterns     int
	}{
		{"gave", "070", 3},
		{"giving", "070", 3},
		{"gived", "<none>", 0}, // listed forms only
		{"donated", "070", 3},  // generated: +D after E
		{"donating", "070", 3}, // drop E before ING
		{"hand over", "070", 3},
		{"handed over", "070", 3}, // the "+" word takes the forms
		{"bequeaths", "071", 3},   // own code, the block's patterns
		{"tries", "---", 0},
		{"tried", "---", 0},
	}
	for _, tc := range tests {
		got, r := best(d, tc.phrase, "20000101")
		if got != tc.want {
			t.Errorf("%q = %q, want %q", tc.phrase, got, tc.want)
			continue
		}
		if r != nil && r.Verb != nil && len(r.Verb.Patterns) != tc.patterns {
			t.Errorf("%q has %d patterns, want %d", tc.phrase, len(r.Verb.Patterns), tc.patterns)
		}
	}
	var members []string
	for _, s := range d.Synsets {
		for _, m := range s.Members {
			members = append(members, s.Name+":"+m.Text)
		}
	}
	got := strings.Join(members, " ")
	for _, want := range []string{"&MONEY:DOLLARS", "&MONEY:GOLD_COINS", "&THING:PARCEL", "&THING:PARCELS", "&THING:DID N'T", "&THING:DIDN'T"} {
		if !strings.Contains(" "+got+" ", " "+want+" ") {
			t.Errorf("synset members %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "DOLLARSES") || strings.Contains(got, "&MONEY:DOLLARSS") {
		t.Errorf("synset &MONEY_ (no plurals) has plurals: %q", got)
	}
}

func TestPetr2Verbs(t *testing.T) {
	d := mustLoad(t, "t.verbs.txt", testPetr2Verbs)
	_, r := best(d, "rushed", "20000101")
	if r == nil || r.Verb == nil {
		t.Fatalf("RUSHED not found")
	}
	var got []string
	for _, p := range r.Verb.Patterns {
		got = append(got, strings.Join(strings.Fields(p.Text), " ")+" ["+p.Code.A+"]")
	}
	want := []string{"* RELIEF ASSISTANCE [073]", "* TO BORDER [154]", "&FOOD * + [075]"} // longest first
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("patterns = %q, want %q", got, want)
	}
	if len(d.Transforms) != 1 {
		t.Fatalf("%d transformations, want 1", len(d.Transforms))
	}
	tr := d.Transforms[0]
	if tr.OuterVerb != "SAY" || tr.InnerVerb != "ATTACK" || tr.ResultCode != "015" || tr.Pos.Line != 9 {
		t.Errorf("transformation = %+v, want SAY over ATTACK giving 015 at line 9", tr)
	}
}

func TestPetrErrors(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"actor without code", "a.actors.txt", "X_\nY_ [Y]\n", "a.actors.txt:1:1: actor \"X_\" has no code"},
		{"bad date", "a.actors.txt", "X\n\t[X 19951301-19960101]\n", "a.actors.txt:2:3: malformed date in [X 19951301-19960101]"},
		{"code line first", "a.actors.txt", "\t[X]\n", "a.actors.txt:1:2: code line without an actor before it"},
		{"agent without tilde", "a.agents.txt", "CHIEF [GOV]\n", "a.agents.txt:1:7: agent code [GOV] has no '~'"},
		{"undefined marker", "a.agents.txt", "X!Y! [~Z]\n", "a.agents.txt:1:1: undefined substitution marker !Y!"},
		{"pattern before block", "v.verbs.txt", "- * X [1]\n", "v.verbs.txt:1:1: pattern before any verb block"},
		{"two stars", "v.verbs.txt", "--- A [1] ---\nA\n- * X * [2]\n", "v.verbs.txt:3:1: pattern \"* X *\" must contain exactly one '*'"},
		{"undeclared synset", "v.verbs.txt", "--- A [1] ---\nA\n- * &NOPE [2]\n", "v.verbs.txt:3:1: undeclared synset &NOPE"},
		{"bad transformation", "v.verbs.txt", "VERB PATTERNS ####\n~ a (b) SAY = a b 1\n", "v.verbs.txt:2:1: transformation \"~ a (b) SAY = a b 1\": want 'x (y z VERB) VERB'"},
		{"issue without code or category", "i.issues.txt", "taxes\n", "i.issues.txt:1:1: issue phrase \"TAXES\" has no code and no <ISSUE CATEGORY>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := loadTest(t, map[string]string{tc.file: tc.src}, tc.file)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if got := err.Error(); !strings.Contains(got, tc.want) {
				t.Errorf("errors = %q, want %q among them", got, tc.want)
			}
		})
	}
}

func TestDiscards(t *testing.T) {
	d := mustLoad(t, "t.discards.txt", testDiscards)
	tests := []struct {
		text string
		want string // "" none, "story", "sentence"
	}{
		{"Talks resumed months later in Geneva.", "sentence"},
		{"Talks resumed MONTHS  later.", "sentence"},
		{"Talks resumed months afterwards.", ""},
		{"The football season opened.", "story"},
		{"The footballers' strike ended.", "story"}, // no "_": the word may go on
		{"A cricket match.", "sentence"},
		{"The cricketers left.", ""}, // "_": whole word
		{"Asfootball is not a word start.", ""},
	}
	for _, tc := range tests {
		got := ""
		if dp := d.DiscardIn(tc.text); dp != nil {
			got = "sentence"
			if dp.Story {
				got = "story"
			}
		}
		if got != tc.want {
			t.Errorf("DiscardIn(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
	stories := []struct {
		text string
		want bool
	}{
		{"Talks resumed months later.\nThe football season opened.", true},
		{"Talks resumed months later in the football season.", true}, // behind a sentence discard
		{"Talks resumed months later.", false},
		{"A cricket match.", false},
	}
	for _, tc := range stories {
		if got := d.StoryDiscard(tc.text) != nil; got != tc.want {
			t.Errorf("StoryDiscard(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestIssues(t *testing.T) {
	d := mustLoad(t, "t.issues.txt", testIssues)
	tests := []struct{ text, want string }{
		{"The teachers went on strike.", "TEACHERS"},
		{"A pre-school and two preschools opened; a pre school closed.", "EARLY_EDUCATION EARLY_EDUCATION EARLY_EDUCATION"},
		{"She taught? No, she teaches.", "TEACHING"},
		{"Children get a head start.", ""}, // cancelled by "~a head start"
		{"The head start programme.", "EARLY_EDUCATION"},
		{"Literacy rose.", "EDUCATION"}, // no code: the category
		{"Nothing here.", ""},
	}
	for _, tc := range tests {
		if got := strings.Join(d.IssuesIn(tc.text), " "); got != tc.want {
			t.Errorf("IssuesIn(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestRefineKind(t *testing.T) {
	tests := []struct {
		name, file, kind, src, want string
	}{
		{"tabari actors", "x.actors", kindActors, "ARNOR [ARN] ;c\n", kindActors},
		{"phoenix actors by name", "Phoenix.Countries.actors.txt", kindActors, "X [Y]\n", kindPetrActors},
		{"petrarch actors by comment", "my.actors", kindActors, "X [Y] # c\n", kindPetrActors},
		{"petrarch agents by plurals", "my.agents", kindAgents, "X {} [~Y]\n", kindPetrAgents},
		{"petrarch-1 verbs", "v.verbs.txt", kindVerbs, "--- A [1] ---\nA\n", kindPetrVerbs},
		{"petrarch-2 verbs by content", "CAMEO.2.0.txt", "", "&A\n+B\n####### VERB PATTERNS #######\n--- A [1] ---\nA\n", kindPetr2Verbs},
		{"issues by content", "topics.txt", "", "<ISSUE CATEGORY=\"X\">\n", kindIssues},
		{"unknown", "notes.txt", "", "hello\n", ""},
	}
	for _, tc := range tests {
		if got := refineKind(tc.file, tc.kind, tc.src); got != tc.want {
			t.Errorf("%s: refineKind = %q, want %q", tc.name, got, tc.want)
		}
	}
}
