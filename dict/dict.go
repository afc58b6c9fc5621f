package dict

// Type is the grammatical type of a dictionary entry, and of a sentence
// word once the coder has assigned it one.
type Type uint8

// Entry and word types.
const (
	None Type = iota
	Actor
	Agent
	Verb
	Noun
	Adjctv
	Determ
	Conj
	Prep
	Pronoun
	Auxil
	By
	Comma
	Number
	Time
	AttribT
	SynsetName
)

var typeNames = [...]string{"none", "actor", "agent", "verb", "noun", "adjective", "determiner",
	"conjunction", "preposition", "pronoun", "auxiliary", "by", "comma", "number", "time",
	"attribution", "synset"}

// String names the type.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return "?"
}

// Root is a dictionary entry that can be found in text: an actor or a
// synonym, an agent, a noun, an adjective, a verb headword or form, a time
// or attribution headword, or a built-in word.
type Root struct {
	Type  Type
	Elems []Elem
	Text  string // the phrase as read (upper case)
	Pos   Pos
	Order int // load order

	Actor  *ActorCodes // actors: the (shared) dated code list
	Parent *Root       // actor synonyms: the head of the group
	Agent  AgentCode   // agents
	Verb   *VerbEntry  // verbs, time and attribution entries (shared by forms)

	layer int // the --dict layer the root was read from (layering.go)
}

// ActorCodes is the date-restricted code list of an actor group.
type ActorCodes struct {
	Items []DatedCode
	Raw   string
}

// DatedCode is one bracketed actor code with its optional date condition:
// Op is 0 (always), '<' (before From), '>' (after From) or '-' (From..To
// inclusive).
type DatedCode struct {
	Code     string
	Op       byte
	From, To Day
}

// Resolve returns the code that applies on day d: the first item whose
// condition holds. It reports false when none applies.
func (a *ActorCodes) Resolve(d Day) (string, bool) {
	if a == nil {
		return "", false
	}
	for _, it := range a.Items {
		switch it.Op {
		case 0:
			return it.Code, true
		case '<':
			if d < it.From {
				return it.Code, true
			}
		case '>':
			if d > it.From {
				return it.Code, true
			}
		case '-':
			if d >= it.From && d <= it.To {
				return it.Code, true
			}
		}
	}
	return "", false
}

// AgentCode is an agent's code: Code is appended to the actor code, or put
// before it when Before is set ("XYZ~").
type AgentCode struct {
	Code   string
	Before bool
}

// Special codes.
const (
	Null    = "---"
	Discard = "###"
	Complex = "+++"
	Blank   = "***"
)

// Code is the code of a verb, pattern or time entry: an event code,
// possibly subordinate ("?"), dominant ("!") or paired ("a:b"), a special
// code, or (time entries) a signed day shift.
type Code struct {
	Raw        string
	A, B       string // B is set for paired codes
	Paired     bool
	ASub, ADom bool
	BSub, BDom bool
	Shift      int // time entries: days to shift when A is empty
}

// IsNull reports whether the code is the null code.
func (c *Code) IsNull() bool { return c.A == Null && !c.Paired }

// VerbEntry holds what a verb headword shares with its forms: the code and
// the patterns, longest first. Time and attribution entries use it too.
type VerbEntry struct {
	Head     *Root
	Code     Code
	HasCode  bool
	Patterns []*Pattern
}

// Pattern is a verb, time or attribution pattern.
type Pattern struct {
	Elems    []Elem
	Star     int // index of "*"
	Code     Code
	Len      int // formats.md 8.4
	AltAllow int // the longest-option part of Len
	Text     string
	Pos      Pos
	// Required lists the literals that must occur in a sentence for the
	// pattern to match: its words outside alternatives and synsets.
	Required []int32
	// AnyOf lists, for each synset reference outside alternatives, the
	// literals of which at least one must occur (prefilter.go).
	AnyOf [][]int32
}

// Synset is a named set of phrases (members), longest first.
type Synset struct {
	Name    string
	Members []*Member
	Pos     Pos
}

// Member is one phrase of a synset.
type Member struct {
	Elems []Elem
	Len   int
	Text  string
}

// Dict is a loaded dictionary set. It is read-only after loading and safe
// for concurrent use.
type Dict struct {
	Roots    []*Root
	Synsets  []*Synset
	Options  Options // the options as read from the options file
	HasTime  bool    // the verbs have a <TIME> section
	HasAttr  bool    // the verbs have an <ATTRIB> section
	Files    []string
	Hash     string // hex SHA-256 of the loaded files, in load order
	Warnings ErrorList

	// PETRARCH/Phoenix additions (petrarch_*.go): story and sentence
	// discard phrases, issue phrases, and PETRARCH-2 verb-on-verb
	// transformations (parsed and kept; the shallow coder does not apply
	// them).
	Discards   []*DiscardPhrase
	Issues     []*IssuePhrase
	Transforms []*Transform
	petr       petrIndex

	literals  []string
	litID     map[string]int32
	byLit     [][]*Root
	synByName map[string]int
	maxLit    int
	labels    map[string]string
	trie      *trie
}

// Literals returns the vocabulary: every distinct word element of every
// phrase and pattern.
func (d *Dict) Literals() []string { return d.literals }

// Literal returns the text of literal id.
func (d *Dict) Literal(id int32) string { return d.literals[id] }

// LiteralID returns the id of a literal and whether it exists.
func (d *Dict) LiteralID(s string) (int32, bool) {
	id, ok := d.litID[s]
	return id, ok
}

// RootsStarting returns the roots whose first element is literal id, in
// load order.
func (d *Dict) RootsStarting(id int32) []*Root { return d.byLit[id] }

// Synset returns the synset with the given index.
func (d *Dict) Synset(i int32) *Synset { return d.Synsets[i] }

// Label returns the LABEL: text of a code.
func (d *Dict) Label(code string) string { return d.labels[code] }

// Match is a literal that a word begins with.
type Match struct {
	Lit   int32
	Exact bool
}

// MatchWord appends to buf the literals that the upper-case word begins
// with, shorter first (formats.md 5.3), and returns the extended slice.
// A one-character literal matches only a word whose second character is
// not a letter or digit.
func (d *Dict) MatchWord(buf []Match, word string) []Match {
	if len(word) == 0 || d.trie == nil {
		return buf
	}
	t := d.trie
	n, lit := t.root[word[0]].child, t.root[word[0]].lit
	for l := 1; n >= 0; l++ {
		if lit >= 0 && (l > 1 || len(word) == 1 || !isAlnum(word[1])) {
			buf = append(buf, Match{Lit: lit, Exact: l == len(word)})
		}
		if l == len(word) {
			break
		}
		n, lit = t.step(n, word[l])
	}
	return buf
}

func isAlnum(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}
