package modality

import (
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
)

// mark splits a test sentence with the verb in brackets ("Japan [sent]
// aid") into the sentence and the verb's span.
func mark(t *testing.T, s string) (string, twintrack.Span) {
	t.Helper()
	i, j := strings.Index(s, "["), strings.Index(s, "]")
	if i < 0 || j < i {
		t.Fatalf("test sentence %q has no [verb]", s)
	}
	plain := s[:i] + s[i+1:j] + s[j+1:]
	return plain, twintrack.Span{Start: i, End: j - 1}
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		negated  bool
		modality string
	}{
		// Plain events.
		{"plain past", "Japan [sent] aid to Cambodia.", false, ""},
		{"plain present", "Japan [sends] aid to Cambodia.", false, ""},
		{"perfect", "Japan has [sent] aid to Cambodia.", false, ""},
		{"passive", "Sam Rainsy was [received] by the foreign minister.", false, ""},
		{"adverb", "Japan formally [recognised] the government.", false, ""},
		{"not only", "Japan not only [met] the opposition but also aided the government.", false, ""},
		{"able to", "Japan was able to [send] aid.", false, ""},
		{"capitalised ly name is the subject", "If anything, Italy [sent] aid.", false, ""},

		// Negation.
		{"did not", "Japan did not [send] aid.", true, ""},
		{"didn't", "Japan didn't [send] aid.", true, ""},
		{"curly didn't", "Japan didn\u2019t [send] aid.", true, ""},
		{"has not yet", "Japan has not yet [sent] aid.", true, ""},
		{"never", "Japan never [recognised] the regime.", true, ""},
		{"no longer", "Japan no longer [supports] the regime.", true, ""},
		{"has yet to", "Japan has yet to [send] aid.", true, ""},
		{"refrained from", "Japan refrained from [criticizing] the government.", true, ""},
		{"declined to", "The minister declined to [meet] Sam Rainsy.", true, ""},
		{"refused to", "The minister refused to [meet] Sam Rainsy.", true, ""},
		{"failed to", "The talks failed to [produce] an agreement.", true, ""},
		{"stopped short of", "Japan stopped short of [imposing] sanctions.", true, ""},
		{"ruled out", "Japan ruled out [sending] troops.", true, ""},
		{"cancelled a visit", "Abe cancelled a planned [visit] to Phnom Penh.", true, "future"},
		{"cannot", "Japan cannot [accept] the result.", true, ""},
		{"couldn't", "Japan couldn't [send] aid.", true, "hypothetical"},
		{"won't", "Japan won't [send] troops.", true, "future"},
		{"will not", "Japan will not [send] troops.", true, "future"},
		{"was not received", "Sam Rainsy was not [received] by the minister.", true, ""},
		{"negation in another clause", "The minister, who did not attend, [said] Japan would help.", false, ""},
		{"refusal itself is not negated", "The minister [refused] to meet Sam Rainsy.", false, ""},
		{"negated subject clause does not reach", "Officials who never met him [praised] Sam Rainsy.", false, ""},

		// Future.
		{"will", "Japan will [send] aid.", false, "future"},
		{"shall", "Japan shall [send] aid.", false, "future"},
		{"it'll", "It'll [send] aid.", false, "future"},
		{"plans to", "Japan plans to [send] aid.", false, "future"},
		{"intends to", "Japan intends to [send] aid.", false, "future"},
		{"is to", "Abe is to [visit] Phnom Penh.", false, "future"},
		{"is expected to", "Abe is expected to [visit] Phnom Penh.", false, "future"},
		{"is scheduled to", "Abe is scheduled to [visit] Phnom Penh.", false, "future"},
		{"is set to", "Abe is set to [visit] Phnom Penh.", false, "future"},
		{"is due to", "Abe is due to [visit] Phnom Penh.", false, "future"},
		{"is going to", "Abe is going to [visit] Phnom Penh.", false, "future"},
		{"promised to", "Japan promised to [provide] aid.", false, "future"},
		{"agreed to", "Japan agreed to [provide] aid.", false, "future"},
		{"upcoming noun event", "Officials prepared for Abe's upcoming [visit] to Phnom Penh.", false, "future"},
		{"will with parenthetical commas", "Japan will, however, [send] aid.", false, "future"},
		{"parenthetical clause stops the chain", "Japan will, officials said, [send] aid.", false, ""},
		{"does not plan to", "Japan does not plan to [send] aid.", true, "future"},

		// Hypothetical.
		{"may", "Japan may [send] aid.", false, "hypothetical"},
		{"might", "Japan might [send] aid.", false, "hypothetical"},
		{"could", "Japan could [send] aid.", false, "hypothetical"},
		{"would", "Officials said Japan would [send] aid.", false, "hypothetical"},
		{"should", "Japan should [send] aid.", false, "hypothetical"},
		{"has to", "Japan has to [send] aid.", false, "hypothetical"},
		{"is considering", "Japan is considering [sending] aid.", false, "hypothetical"},
		{"hopes to", "Abe hopes to [meet] Hun Sen.", false, "hypothetical"},
		{"wants to", "Abe wants to [meet] Hun Sen.", false, "hypothetical"},
		{"threatened to", "Japan threatened to [impose] sanctions.", false, "hypothetical"},
		{"threat itself is an event", "Japan [threatened] to impose sanctions.", false, ""},
		{"offered to", "Japan offered to [mediate] between the parties.", false, "hypothetical"},
		{"possible", "Officials discussed a possible [visit] by Abe.", false, "hypothetical"},
		{"likely to", "Abe is likely to [visit] Phnom Penh.", false, "hypothetical"},
		{"if", "If Japan [sends] aid, China will object.", false, "hypothetical"},
		{"unless", "Aid stops unless Hun Sen [releases] Kem Sokha.", false, "hypothetical"},
		{"whether", "Reporters asked whether Abe [met] Sam Rainsy.", false, "hypothetical"},
		{"if after the verb", "Iran said it was ready to [negotiate] with Europe if the sanctions were eased.", false, "hypothetical"},
		{"unless after the verb", "Japan will [resume] aid unless talks fail.", false, "hypothetical"},
		{"threat's own condition", "Saddam Hussein [threatened] to fight American troops if they invaded Iraq.", false, ""},
		{"an attempt happened", "John Hinckley tried to [assassinate] President Reagan.", false, ""},
		{"indirect question is not a condition", "Reporters [asked] Abe if he would resign.", false, ""},
		{"if after a clause start", "Japan [sent] aid because officials asked if it could.", false, ""},
		{"light verb of a noun-event", "Cambodia did not receive any [aid] from Japan.", true, ""},
		{"if in another clause", "If asked, the minister said that Abe [met] Sam Rainsy.", false, ""},
		{"may plan: hypothetical wins", "Japan may plan to [send] aid.", false, "hypothetical"},
		{"would not", "Japan said it would not [send] troops.", true, "hypothetical"},

		// Boundaries.
		{"semicolon stops the chain", "Japan may object; China [sent] aid.", false, ""},
		{"subject stops the chain", "Japan will decide after China [sent] aid.", false, ""},
		{"verb at start", "[Sent] aid, Japan said.", false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, v := mark(t, tc.sentence)
			got := Analyze(s, v)
			if got.Negated != tc.negated || got.Modality != tc.modality {
				t.Errorf("Analyze(%q, %q) = negated %v modality %q, want negated %v modality %q",
					s, v.Text(s), got.Negated, got.Modality, tc.negated, tc.modality)
			}
			for _, c := range got.Cues {
				if c.Span.Start < 0 || c.Span.End > len(s) || c.Span.Start >= c.Span.End ||
					c.Span.Start < v.End && c.Span.End > v.Start {
					t.Errorf("cue %v %v out of bounds or overlapping the verb %v", c.Kind, c.Span, v)
				}
			}
		})
	}
}

func TestAnalyzeActors(t *testing.T) {
	s := "Cambodia did not receive any Japanese aid."
	verb := twintrack.Span{Start: strings.Index(s, "aid"), End: strings.Index(s, "aid") + 3}
	src := twintrack.Span{Start: strings.Index(s, "Japanese"), End: strings.Index(s, "Japanese") + 8}
	if got := Analyze(s, verb); got.Negated {
		t.Errorf("without the actor span: negated, want not (the chain stops at Japanese)")
	}
	if got := Analyze(s, verb, src); !got.Negated {
		t.Errorf("with the source span: not negated, want negated")
	}
}

func TestAnnotate(t *testing.T) {
	sentence := "Japan will not send aid."
	verb := strings.Index(sentence, "send")
	tests := []struct {
		name     string
		ev       twintrack.Event
		ok       bool
		negated  bool
		modality string
	}{
		{"by span", twintrack.Event{Spans: twintrack.EventSpans{
			Sentence: twintrack.Span{Start: 50, End: 50 + len(sentence)},
			Verb:     twintrack.Span{Start: 50 + verb, End: 54 + verb}}}, true, true, Future},
		{"by verb text", twintrack.Event{VerbText: "send"}, true, true, Future},
		{"span out of range, text found", twintrack.Event{VerbText: "send", Spans: twintrack.EventSpans{
			Verb: twintrack.Span{Start: 900, End: 904}}}, true, true, Future},
		{"not located", twintrack.Event{VerbText: "SEND"}, false, false, ""},
		{"coder flag kept", twintrack.Event{VerbText: "aid", Negated: true, Modality: Hypothetical}, true, true, Hypothetical},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := tc.ev
			ev.SentenceText = sentence
			ok := Annotate(&ev)
			if ok != tc.ok || ev.Negated != tc.negated || ev.Modality != tc.modality {
				t.Errorf("Annotate = %v negated %v modality %q, want %v %v %q", ok, ev.Negated, ev.Modality, tc.ok, tc.negated, tc.modality)
			}
		})
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Japan did not [send] aid.", 14, 18, 0, 5)
	f.Add("If Japan sends aid, China will object.", 9, 14, 3, 8)
	f.Add("It\u2019ll n't \xff may", 3, 2, -1, 40)
	f.Fuzz(func(t *testing.T, s string, start, end, as, ae int) {
		res := Analyze(s, twintrack.Span{Start: start, End: end}, twintrack.Span{Start: as, End: ae})
		for _, c := range res.Cues {
			if c.Span.Start < 0 || c.Span.End > len(s) || c.Span.Start >= c.Span.End {
				t.Fatalf("cue span %v out of bounds in %q", c.Span, s)
			}
		}
		if res.Modality != "" && res.Modality != Future && res.Modality != Hypothetical {
			t.Fatalf("modality %q", res.Modality)
		}
	})
}

// TestConcurrent calls Analyze from several goroutines (run with -race):
// the ingest pipeline annotates events on all cores.
func TestConcurrent(t *testing.T) {
	s, v := mark(t, "Japan said it would not [send] troops.")
	done := make(chan Result)
	for range 8 {
		go func() {
			var r Result
			for range 200 {
				r = Analyze(s, v)
			}
			done <- r
		}()
	}
	for range 8 {
		if r := <-done; !r.Negated || r.Modality != Hypothetical {
			t.Errorf("concurrent Analyze = negated %v modality %q, want true hypothetical", r.Negated, r.Modality)
		}
	}
}
