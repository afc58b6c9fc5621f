package modality

import "strings"

// Kind is what a cue says about the verb it governs.
type Kind uint8

// The kinds of cue.
const (
	Negation Kind = iota + 1
	FutureCue
	HypotheticalCue
	none // a phrase that looks like a cue but is not ("not only")
)

// String returns "negation", "future" or "hypothetical".
func (k Kind) String() string {
	switch k {
	case Negation:
		return "negation"
	case FutureCue:
		return Future
	case HypotheticalCue:
		return Hypothetical
	}
	return ""
}

// cueTables holds the lookup tables built from the word lists below.
type cueTables struct {
	// words maps the one-word cues to their kind.
	words map[string]Kind
	// phrases lists the cues of several words, keyed by their last word.
	phrases map[string][][]string
	// phraseKinds gives the kind of each phrase, keyed by its words
	// joined with spaces.
	phraseKinds map[string]Kind
	// transparent words may stand between a cue and the verb it governs:
	// auxiliaries, "to", adverbs, determiners and a few adjectives of
	// noun-events ("a planned state visit").
	transparent map[string]bool
	// content are the verbs whose "if" clause is what they say (see
	// contentWords).
	content map[string]bool
}

// tables is built once and only read afterwards, so it is safe for
// concurrent use.
var tables = buildTables()

// Word lists, one string per kind, space separated.
const (
	negationWords = "not never cannot can't neither " +
		"refused refuses refuse refusing declined declines decline declining " +
		"failed fails fail failing denied denies deny denying avoided avoids avoid avoiding " +
		"cancelled canceled cancels cancel cancelling canceling postponed postpones postpone " +
		"postponing scrapped scraps scrap unable"
	futureWords = "will shall won't upcoming planned plans plan planning intends intend intended " +
		"intending gonna expects expect expected scheduled schedules preparing prepares " +
		"promised promises promise pledged pledges pledge vowed vows vow agreed agrees agree"
	hypotheticalWords = "may might could would should must can ought couldn't wouldn't shouldn't " +
		"mustn't hopes hope hoped hoping wants want wanted wishes wish wished seeks seek " +
		"sought seeking offered " +
		"offers offer proposed proposes propose threatened threatens threaten threatening " +
		"considering considers consider considered weighing weighs mulling mulls possible " +
		"possibly potential likely unlikely perhaps maybe probably prepared willing ready"
	transparentWords = "to be is are was were been being am have has had having do does did " +
		"get got also still yet already just even ever again now then soon jointly both all " +
		"first however a an the its his her their our this any further formally officially " +
		"official state formal working new brief surprise rare long-awaited " +
		// Light verbs of noun-events ("did not receive any aid", "will pay a visit").
		"receive receives received receiving make makes made making pay pays paid paying " +
		"hold holds held holding give gives gave giving " +
		"\" \u201c \u201d ,"
)

// phraseList holds the cues of several words with their kind.
var phraseList = []struct {
	words string
	kind  Kind
}{
	{"no longer", Negation},
	{"yet to", Negation},
	{"refrained from", Negation}, {"refrains from", Negation}, {"refrain from", Negation},
	{"refraining from", Negation},
	{"abstained from", Negation}, {"abstains from", Negation}, {"abstain from", Negation},
	{"stopped short of", Negation}, {"stops short of", Negation}, {"stop short of", Negation},
	{"ruled out", Negation}, {"rules out", Negation}, {"rule out", Negation},
	{"called off", Negation}, {"calls off", Negation}, {"call off", Negation},
	{"not only", none}, {"not just", none},
	{"is to", FutureCue}, {"are to", FutureCue}, {"was to", FutureCue}, {"were to", FutureCue},
	{"am to", FutureCue},
	{"set to", FutureCue}, {"due to", FutureCue}, {"going to", FutureCue},
	{"about to", FutureCue},
	{"has to", HypotheticalCue}, {"have to", HypotheticalCue}, {"needs to", HypotheticalCue},
	{"need to", HypotheticalCue},
	{"whether or not", HypotheticalCue},
}

// contentWords are speech acts and threats whose following "if" clause is
// part of what was said, not a condition on saying it: "threatened to fight
// American troops if they invaded" is a threat that was made.
const contentWords = "threaten threatens threatened threatening warn warns warned warning " +
	"say says said saying demand demands demanded demanding urge urges urged urging " +
	"offer offers offered offering promise promises promised promising pledge pledges " +
	"pledged pledging vow vows vowed vowing propose proposes proposed proposing " +
	"insist insists insisted announce announces announced ask asks asked"

// conditionals make every verb of their clause hypothetical.
var conditionals = map[string]bool{"if": true, "unless": true, "whether": true, "lest": true}

// clauseStarts end the search for a conditional: a conditional before them
// belongs to another clause.
var clauseStarts = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "because": true, "when": true,
	"after": true, "before": true, "while": true, "and": true, "but": true, "since": true,
	"although": true, "though": true, "then": true,
}

// questionVerbs introduce an indirect question with "if" ("asked if"),
// which is not a condition.
var questionVerbs = map[string]bool{
	"ask": true, "asks": true, "asked": true, "asking": true, "wonder": true, "wondered": true,
	"wonders": true, "know": true, "knows": true, "knew": true, "see": true, "check": true,
	"checked": true, "unclear": true, "uncertain": true, "sure": true, "decide": true, "decided": true,
}

// boundaries are punctuation marks that end a clause.
var boundaries = map[string]bool{
	",": true, ";": true, ":": true, ".": true, "!": true, "?": true, "(": true, ")": true,
	"[": true, "]": true, "\u2014": true, "\u2013": true,
}

// chainStops are punctuation marks that end the verb chain; commas and
// quotes do not ("will, officials said, send"; "will \"never\" send").
var chainStops = map[string]bool{
	";": true, ":": true, ".": true, "!": true, "?": true, "(": true, ")": true,
	"[": true, "]": true, "\u2014": true, "\u2013": true,
}

// buildTables fills the lookup tables from the word lists.
func buildTables() *cueTables {
	t := &cueTables{
		words:       map[string]Kind{},
		phrases:     map[string][][]string{},
		phraseKinds: map[string]Kind{},
		transparent: map[string]bool{},
		content:     map[string]bool{},
	}
	for _, l := range []struct {
		list string
		kind Kind
	}{{negationWords, Negation}, {futureWords, FutureCue}, {hypotheticalWords, HypotheticalCue}} {
		for _, w := range strings.Fields(l.list) {
			t.words[w] = l.kind
		}
	}
	for _, w := range strings.Fields(transparentWords) {
		t.transparent[w] = true
	}
	for _, w := range strings.Fields(contentWords) {
		t.content[w] = true
	}
	for _, p := range phraseList {
		ws := strings.Fields(p.words)
		last := ws[len(ws)-1]
		t.phrases[last] = append(t.phrases[last], ws)
		t.phraseKinds[p.words] = p.kind
	}
	return t
}
