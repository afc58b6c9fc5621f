package validate

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// petrFloor is the number of PETRARCH suite records (of the 277 run) that
// must pass.
const petrFloor = 225

// petrParseFloor is the floor when the words of the parse trees are coded.
const petrParseFloor = 228

func TestPetrarchSuite(t *testing.T) {
	for _, parse := range []bool{false, true} {
		name, floor := "text", petrFloor
		if parse {
			name, floor = "parse", petrParseFloor
		}
		t.Run(name, func(t *testing.T) { runPetrSuite(t, parse, floor) })
	}
}

func runPetrSuite(t *testing.T, parse bool, floor int) {
	s, err := OpenPetrarch(filepath.Join(sharedData(t), "petrarch", "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s.UseParse = parse
	sum, err := s.Run(nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := sum.Passed + sum.Failed; n != 277 {
		t.Errorf("ran %d records, want 277 (the included categories up to FINAL-RECORD)", n)
	}
	for _, o := range sum.Outcomes {
		if !o.Pass && testing.Verbose() {
			t.Logf("FAIL %d %s: expected %s; got %s (%s)", o.Index, o.ID, o.Expected, o.Got, o.Reason)
		}
	}
	t.Logf("%d passed, %d failed", sum.Passed, sum.Failed)
	for _, c := range s.Ignored {
		if o := strings.ToLower(c.Option); o != "require_dyad" && o != "new_actor_length" {
			t.Errorf("option %s (line %d) was not applied", c.Option, c.Line)
		}
	}
	if sum.Passed < floor {
		t.Errorf("passed %d records, want at least %d", sum.Passed, floor)
	}
}

const testXML = `<Validation>
<!-- comment -- with dashes -->
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a.txt</Actorfile>
    <Include>valid DEMO</Include>
    <Config option="comma_min" value="3"></Config>
</Environment>
<Sentences>
<Sentence date = "19950101" id ="D-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"SOME TEXT"' targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor restores ties with Gondor.
</Text>
<Parse> (ROOT (S (NP (NNP Arnor)) (VP (VBZ restores)))) </Parse>
</Sentence>
<Config option="comma_max" value="0"></Config>
<Sentence date="19950102" id="D-2" category="DEMO" valid="false">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
<Sentence date="19950103" id="E-1" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Football.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestReadPetrXML(t *testing.T) {
	f, err := readPetrXML(strings.NewReader(testXML), "t.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(f.Env.Include, " "), "valid DEMO"; got != want {
		t.Errorf("Include = %q, want %q", got, want)
	}
	if len(f.Env.Verbs) != 1 || f.Env.Verbs[0] != "v.txt" || len(f.Env.Actors) != 1 {
		t.Errorf("dictionaries = %+v, want v.txt and a.txt", f.Env)
	}
	if len(f.Configs) != 1 || f.Configs[0].Option != "comma_min" || f.Configs[0].Value != "3" {
		t.Errorf("environment configs = %+v, want comma_min=3", f.Configs)
	}
	if len(f.Records) != 3 {
		t.Fatalf("%d records, want 3", len(f.Records))
	}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"id", f.Records[0].ID, "D-1"},
		{"date", f.Records[0].Date, "19950101"},
		{"line", strconv.Itoa(f.Records[0].Line), "10"},
		{"expected", joinTriples(f.Records[0].Expect), `{"SOME TEXT" GON 064} {ARN GON 064}`},
		{"text", f.Records[0].Text, "Arnor restores ties with Gondor."},
		{"valid", boolStr(f.Records[0].Valid) + boolStr(f.Records[1].Valid), "truefalse"},
		{"noevents", boolStr(f.Records[1].NoEvents), "true"},
		{"config before record", f.Records[1].Configs[0].Option + "=" + f.Records[1].Configs[0].Value, "comma_max=0"},
		{"error", f.Records[2].Error, "storydiscard"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestPetrChecks(t *testing.T) {
	tests := []struct {
		name string
		got  bool
		want bool
	}{
		{"dateline", isDateline("CEBU CITY: -- Mayor Sitoy filed suit."), true},
		{"dateline with agency", isDateline("LONDON (AFP) -- Talks began."), true},
		{"no dateline", isDateline("Arnor -- a kingdom -- restored ties."), false},
		{"dash later", isDateline("The talks, which began on Monday in the capital of the country -- ended."), false},
		{"balanced", balanced("(S (NP (NNP A)) (VP (VBZ b)))"), true},
		{"missing close", balanced("(S (NP (NNP A)) (VP (VBZ b))"), false},
		{"extra close", balanced("(S (NP A)))("), false},
		{"same multiset", sameMultiset([]Triple{{"A", "B", "1"}, {"A", "B", "1"}}, []Triple{{"A", "B", "1"}, {"A", "B", "1"}}), true},
		{"multiplicity differs", sameMultiset([]Triple{{"A", "B", "1"}, {"C", "B", "1"}}, []Triple{{"A", "B", "1"}, {"A", "B", "1"}}), false},
		{"order ignored", sameMultiset([]Triple{{"C", "D", "2"}, {"A", "B", "1"}}, []Triple{{"A", "B", "1"}, {"C", "D", "2"}}), true},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, tc.got, tc.want)
		}
	}
	if got, want := parseText("(ROOT (S\n (NP (NNP Arnor))\n (VP (VBD did) (RB n't) (VB go)) (. .)))"), "Arnor didn't go ."; got != want {
		t.Errorf("parseText = %q, want %q", got, want)
	}
	if got := petrCode("~GOV"); got != "---GOV" {
		t.Errorf("petrCode(~GOV) = %q, want ---GOV", got)
	}
}

func FuzzReadPetrXML(f *testing.F) {
	f.Add(testXML)
	f.Add("<Sentences><Sentence id='x'><EventCoding sourcecode='a'/></Sentence><Config option='comma_max' value='x'/></Sentences>")
	f.Add("<EventCoding error='x'>")
	f.Fuzz(func(t *testing.T, src string) {
		pf, err := readPetrXML(strings.NewReader(src), "f.xml")
		if pf == nil {
			t.Fatalf("nil result (err %v)", err)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f.xml:") {
			t.Fatalf("error %q does not start with the file name", err)
		}
		lines := strings.Count(src, "\n") + 1
		for _, r := range pf.Records {
			if r.Line < 1 || r.Line > lines {
				t.Fatalf("record %q at line %d of %d", r.ID, r.Line, lines)
			}
		}
	})
}
