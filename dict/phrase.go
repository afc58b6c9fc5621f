package dict

import "strings"

// Conn is the connector written after a phrase element (formats.md 5.2).
type Conn uint8

// The five connectors.
const (
	OpenGap   Conn = iota // blank or end of phrase
	ExactGap              // "_ "
	Tight                 // "_" followed by an element, or a trailing "_"
	StemTight             // "~_"
	NoEnd                 // "="
)

// Kind is the kind of a phrase or pattern element.
type Kind uint8

// Element kinds.
const (
	Word       Kind = iota // a literal
	Star                   // "*": the verb
	Source                 // "$"
	Target                 // "+"
	Compound               // "%"
	Skip                   // "^"
	Attrib                 // "@"
	SynRef                 // "&NAME"
	GroupOpen              // "{"
	GroupBar               // "|"
	GroupClose             // "}"
)

// Elem is one element of a phrase or pattern.
type Elem struct {
	Kind Kind
	Conn Conn
	Lit  int32  // literal id for Word elements
	Syn  int32  // synset index for SynRef elements
	Text string // the element as written (upper case)
}

// StemOK reports whether, in a pattern, the element may match a longer word.
func (e *Elem) StemOK() bool { return e.Conn == OpenGap || e.Conn == StemTight }

// GapAfter reports whether, in a pattern, words may intervene between this
// element and the next.
func (e *Elem) GapAfter() bool { return e.Conn == OpenGap || e.Conn == ExactGap }

// RootStemOK reports whether, in a dictionary phrase, a partial match of the
// element is acceptable without a regular ending (formats.md 10.4).
func (e *Elem) RootStemOK() bool { return e.Conn == OpenGap || e.Conn == ExactGap }

// RootGapAfter reports whether, in a dictionary phrase, words may be
// skipped after the element.
func (e *Elem) RootGapAfter() bool { return e.Conn == OpenGap || e.Conn == StemTight }

// padBraces puts blanks around "{", "|" and "}", except that "_{" and "}_"
// keep their underscore against the brace.
func padBraces(s string) string {
	if !strings.ContainsAny(s, "{|}") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '{':
			if i > 0 && s[i-1] == '_' {
				b.WriteString("{ ")
			} else {
				b.WriteString(" { ")
			}
		case '}':
			if i+1 < len(s) && s[i+1] == '_' {
				b.WriteString(" }")
			} else {
				b.WriteString(" } ")
			}
		case '|':
			b.WriteString(" | ")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func isDelim(c byte) bool { return c == ' ' || c == '\t' || c == '_' || c == '~' || c == '=' }

// rawElem is an element before literals and synsets are resolved.
type rawElem struct {
	text string
	conn Conn
	col  int // 0-based byte offset in the phrase
}

// splitPhrase cuts a phrase into elements and their connectors. Braces and
// bars are elements of their own.
func splitPhrase(s string) []rawElem {
	var out []rawElem
	i := 0
	for i < len(s) {
		for i < len(s) && isDelim(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		start := i
		if c := s[i]; c == '{' || c == '|' || c == '}' {
			i++
		} else {
			for i < len(s) && !isDelim(s[i]) && s[i] != '{' && s[i] != '|' && s[i] != '}' {
				i++
			}
		}
		e := rawElem{text: s[start:i], col: start}
		switch {
		case i >= len(s):
			e.conn = OpenGap
		case s[i] == '=':
			e.conn = NoEnd
		case s[i] == '~':
			e.conn = StemTight
		case s[i] == '_':
			if i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\t') {
				e.conn = ExactGap
			} else {
				e.conn = Tight
			}
		default:
			e.conn = OpenGap
		}
		out = append(out, e)
	}
	return out
}

// phraseLength computes the length of a pattern or synset member (formats.md
// 8.4): letters, digits, "_" and "'" outside braces, plus the longest option
// of each group. It also returns the sum of the longest options alone.
func phraseLength(s string) (length, alt int) {
	count := func(c byte) bool {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '\''
	}
	inGroup := false
	opt, best := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' && !inGroup:
			inGroup, opt, best = true, 0, 0
		case c == '|' && inGroup:
			if opt > best {
				best = opt
			}
			opt = 0
		case c == '}' && inGroup:
			if opt > best {
				best = opt
			}
			inGroup = false
			length += best
			alt += best
		case count(c):
			if inGroup {
				opt++
			} else {
				length++
			}
		}
	}
	if inGroup {
		if opt > best {
			best = opt
		}
		length += best
		alt += best
	}
	return length, alt
}
