package timex

import "github.com/twintrack/twintrack/text"

// tokKind classifies a token.
type tokKind uint8

const (
	tokWord  tokKind = iota // a run of letters
	tokNum                  // a run of digits, perhaps with an ordinal suffix ("12th")
	tokOther                // letters and digits mixed ("1980s"), never part of a date
	tokPunct                // one non-space, non-alphanumeric character (or rune)
)

// token is a word, number or punctuation mark of a sentence with its byte
// offsets [s, e) in the sentence.
type token struct {
	s, e  int
	kind  tokKind
	text  string // sentence[s:e]
	lower string // ASCII lower case of text
	num   int    // the value of a tokNum; -1 otherwise
	ndig  int    // the number of digits of a tokNum
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// tokenize splits s into tokens. Letters and digits are ASCII; any other
// byte that is not white space starts a punctuation token spanning one UTF-8
// sequence (so curly apostrophes are single tokens). Invalid UTF-8 yields
// one-byte punctuation tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	low := text.LowerASCII(s)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case isLetter(c) || isDigit(c):
			j := i
			letters, digits := 0, 0
			for j < len(s) && (isLetter(s[j]) || isDigit(s[j])) {
				if isDigit(s[j]) {
					if letters > 0 {
						break // "Jan2019": stop at the digits
					}
					digits++
				} else {
					letters++
				}
				j++
			}
			t := token{s: i, e: j, text: s[i:j], lower: low[i:j], num: -1}
			switch {
			case digits == 0:
				t.kind = tokWord
			case letters == 0:
				t.kind, t.num, t.ndig = tokNum, atoi(t.text), digits
			case isOrdinal(t.lower[digits:]) && digits <= 2:
				t.kind, t.num, t.ndig = tokNum, atoi(t.text[:digits]), digits
			default:
				t.kind = tokOther
			}
			toks = append(toks, t)
			i = j
		default:
			n := text.RuneLen(s, i)
			toks = append(toks, token{s: i, e: i + n, kind: tokPunct, text: s[i : i+n], lower: s[i : i+n], num: -1})
			i += n
		}
	}
	return toks
}

func isOrdinal(suffix string) bool {
	return suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"
}

// atoi converts a run of ASCII digits, saturating instead of overflowing.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && isDigit(s[i]); i++ {
		if n > 1e8 {
			return n
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}
