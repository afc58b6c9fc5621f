package modality

import (
	"strings"

	"github.com/twintrack/twintrack/text"
)

// token is a word or punctuation mark of a sentence with its byte offsets
// [s, e) and its lower-case form (curly apostrophes made straight).
type token struct {
	s, e  int
	word  bool
	upper bool // the first byte is an upper-case ASCII letter
	actor bool // the token is part of the event's source or target
	lower string
}

func isWordByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// apostropheAt returns the byte length of an apostrophe (' or U+2019) at
// s[i], or 0.
func apostropheAt(s string, i int) int {
	if s[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(s[i:], "\u2019") {
		return len("\u2019")
	}
	return 0
}

// tokenize splits s into words (ASCII letters and digits, with inner
// apostrophes and hyphens: "didn't", "two-day") and one-rune punctuation
// tokens. Invalid UTF-8 yields one-byte punctuation tokens.
func tokenize(s string) []token {
	toks := make([]token, 0, len(s)/5+1)
	low := text.LowerASCII(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			i++
			continue
		}
		if isWordByte(c) {
			j := i + 1
			for j < len(s) {
				if isWordByte(s[j]) {
					j++
					continue
				}
				n := apostropheAt(s, j)
				if n == 0 && s[j] == '-' {
					n = 1
				}
				if n > 0 && j+n < len(s) && isWordByte(s[j+n]) {
					j += n + 1
					continue
				}
				break
			}
			w := low[i:j]
			if strings.Contains(w, "\u2019") {
				w = strings.ReplaceAll(w, "\u2019", "'")
			}
			toks = append(toks, token{s: i, e: j, word: true, upper: c >= 'A' && c <= 'Z', lower: w})
			i = j
			continue
		}
		n := text.RuneLen(s, i)
		toks = append(toks, token{s: i, e: i + n, lower: s[i : i+n]})
		i += n
	}
	return toks
}
