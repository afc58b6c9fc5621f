package validate

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/records"
)

func ev(src, tgt, code string) coder.Event {
	d, _ := dict.ParseDigits("950103")
	return coder.Event{Source: src, Target: tgt, Code: code, Date: d}
}

func att(e coder.Event, a string) coder.Event { e.Attribution = a; return e }

func TestJudge(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		res     coder.Result
		timeOn  bool
		attrib  bool
		pass    bool
		options string
	}{
		{"match", "x /* { ARN / GON / 064 } */", coder.Result{Events: []coder.Event{ev("ARN", "GON", "064")}}, false, false, true, ""},
		{"attribution", "x /* { ARN / GON / ELF / 064 } */", coder.Result{Events: []coder.Event{att(ev("ARN", "GON", "064"), "ELF")}}, false, true, true, ""},
		{"wrong attribution", "x /* { ARN / GON / HOB / 064 } */", coder.Result{Events: []coder.Event{att(ev("ARN", "GON", "064"), "ELF")}}, false, true, false, ""},
		{"wrong code", "x /* { ARN / GON / 064 } */", coder.Result{Events: []coder.Event{ev("ARN", "GON", "065")}}, false, false, false, ""},
		{"prefix is not equal", "x /* { ARN / GON / 0641 } */", coder.Result{Events: []coder.Event{ev("ARN", "GON", "064")}}, false, false, false, ""},
		{"order matters", "x /* {A/B/1} {C/D/2} */", coder.Result{Events: []coder.Event{ev("C", "D", "2"), ev("A", "B", "1")}}, false, false, false, ""},
		{"in order", "x /* {A/B/1} {C/D/2} */", coder.Result{Events: []coder.Event{ev("A", "B", "1"), ev("C", "D", "2")}}, false, false, true, ""},
		{"too many events", "x /* {A/B/1} */", coder.Result{Events: []coder.Event{ev("A", "B", "1"), ev("C", "D", "2")}}, false, false, false, ""},
		{"too few events", "x /* {A/B/1} {C/D/2} */", coder.Result{Events: []coder.Event{ev("A", "B", "1")}}, false, false, false, ""},
		{"stop marker", "x /* {A/B/1} -{ --- } */", coder.Result{Events: []coder.Event{ev("A", "B", "1"), ev("X", "Y", "9")}}, false, false, true, ""},
		{"stop marker needs an event", "x /* {A/B/1} -{ --- } */", coder.Result{Events: []coder.Event{ev("A", "B", "1")}}, false, false, false, ""},
		{"no events expected", "x /* {---} */", coder.Result{Problem: coder.ProbNoEvents}, false, false, true, ""},
		{"input error", "x /* {---} */", coder.Result{Problem: coder.ProbFewWords}, false, false, true, ""},
		{"only null is not none", "x /* {---} */", coder.Result{Problem: coder.ProbOnlyNull}, false, false, false, ""},
		{"discard", "x /* {###} */", coder.Result{Problem: coder.ProbDiscardText}, false, false, true, ""},
		{"complex", "x /* {+++} */", coder.Result{Problem: "Complex text: No actor before verb"}, false, false, true, ""},
		{"wrong problem", "x /* {+++} */", coder.Result{Problem: coder.ProbDiscardVerb}, false, false, false, ""},
		{"date", "x /* { ARN / GON / 064 } 950103 */", coder.Result{Events: []coder.Event{ev("ARN", "GON", "064")}}, true, false, true, ""},
		{"wrong date", "x /* { ARN / GON / 064 } 950104 */", coder.Result{Events: []coder.Event{ev("ARN", "GON", "064")}}, true, false, false, ""},
		{"no comment", "x { ARN / GON / 064 }", coder.Result{Events: []coder.Event{ev("ARN", "GON", "064")}}, false, false, false, ""},
		{"option", "x /* { OPTION: SET: CODE ALL } { OPTION: COMMA: OFF } */", coder.Result{Problem: coder.ProbNoEvents}, false, false, true, "all,off"},
		{"unclosed option", "x /* { OPTION: SET: MINIMUM WORDS = 4  */", coder.Result{Problem: coder.ProbNoEvents}, false, false, true, "min4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := dict.DefaultOptions()
			rec := &records.Record{ID: "T", Date: "950103", Text: tc.text}
			o := Judge(rec, &tc.res, Check{TimeShift: tc.timeOn, Attribution: tc.attrib}, &opts)
			if o.Pass != tc.pass {
				t.Errorf("pass = %v (%s), want %v", o.Pass, o.Reason, tc.pass)
			}
			var got []string
			if opts.CodeMode == dict.CodeAll {
				got = append(got, "all")
			}
			if opts.CommaMin == 128 {
				got = append(got, "off")
			}
			if opts.MinWords == 4 {
				got = append(got, "min4")
			}
			if g := strings.Join(got, ","); g != tc.options {
				t.Errorf("options applied = %q, want %q", g, tc.options)
			}
		})
	}
}

func TestOpenUnknown(t *testing.T) {
	for _, p := range []string{"suite.xml", "suite.txt"} {
		if _, err := Open(p); err == nil {
			t.Errorf("Open(%q): got no error", p)
		}
	}
}
