package coder

// Text filtering (formats.md 10.2) and word splitting (10.3). The filter
// never copies a byte without remembering where it came from, so each
// word's [start, end) points into the caller's original text.

const (
	maxWords   = 126 // words kept per sentence
	maxWordLen = 62  // a longer word is split; its 63rd byte is dropped
)

// rawWord is a word of the filtered text with its original byte span.
type rawWord struct {
	text       string // as filtered (case kept)
	start, end int
	b0, b1     int // the word's bytes in the filter buffer
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// filterWords filters text and splits it into words, appending to out (at
// most maxWords+1 words, so that callers can tell the sentence was longer).
// With unicode set (plain news text rather than TABARI records), tabs and
// line breaks separate words, curly quotes count as their ASCII forms and
// other non-ASCII punctuation (dashes, ellipses) as blanks. It reports
// the words' common backing string and
// whether the text is all capitals.
func filterWords(text string, fbis, unicode bool, out []rawWord, buf []byte) ([]rawWord, []byte, string, bool) {
	allCaps := true
	cur := -1      // start of the current word in buf, -1 when none
	wordStart := 0 // original offset of the current word's first byte
	lastEnd := 0   // original end of the last byte added to the word
	flush := func() {
		if cur < 0 {
			return
		}
		out = append(out, rawWord{start: wordStart, end: lastEnd, b0: cur, b1: len(buf)})
		cur = -1
	}
	add := func(c byte, from, to int) {
		if cur >= 0 && len(buf)-cur >= maxWordLen {
			// The 63rd character of a long word becomes a blank.
			flush()
			return
		}
		if cur < 0 {
			cur = len(buf)
			wordStart = from
		}
		buf = append(buf, c)
		lastEnd = to
	}
	single := func(c byte, from, to int) { // a one-character word such as "," or '"'
		flush()
		add(c, from, to)
		flush()
	}
	i := 0
	if fbis {
		for i < len(text) && !isUpper(text[i]) && !isLower(text[i]) && text[i] != '[' {
			i++
		}
	}
	for i < len(text) && len(out) <= maxWords {
		c := text[i]
		if c == '/' && i+1 < len(text) && text[i+1] == '*' {
			flush()
			end := indexFrom(text, "*/", i+2)
			if end < 0 {
				break
			}
			i = end + 2
			continue
		}
		if fbis && c == '[' {
			flush()
			end := indexFrom(text, "]", i+1)
			if end < 0 {
				break
			}
			i = end + 1
			continue
		}
		if isLower(c) {
			allCaps = false
		}
		if unicode && c >= 0x80 {
			if n, repl := unicodePunct(text, i); n > 0 {
				switch repl {
				case '"':
					single('"', i, i+n)
				case '\'':
					add('\'', i, i+n)
				default:
					flush()
				}
				i += n
				continue
			}
		}
		switch {
		case c == ' ' || unicode && (c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'):
			flush()
		case !isPunct(c):
			add(c, i, i+1)
		case c == ';' || c == ':' || c == '(' || c == ')':
			single(',', i, i+1)
		case c == ',':
			if i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
				break // 50,000 -> 50000
			}
			single(',', i, i+1)
		case c == '.':
			switch {
			case i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]):
				add(c, i, i+1) // 11.8
			case i > 0 && isUpper(text[i-1]) && (!unicode || keepAcronymDot(text, i, buf[max(cur, 0):], cur >= 0)):
				add(c, i, i+1) // U.N., U.S.S.R
			default:
				flush()
			}
		case c == '\'' || c == '$':
			add(c, i, i+1)
		case c == '"':
			single('"', i, i+1)
		default:
			flush()
		}
		i++
	}
	flush()
	// One string for all words: each word's text is a substring of it.
	all := string(buf)
	for i := range out {
		out[i].text = all[out[i].b0:out[i].b1]
	}
	return out, buf, all, allCaps
}

// keepAcronymDot decides, for news text, whether the period at text[i]
// after a capital letter belongs to the word (word holds the word so far):
// it does in "U.S." and "J." but not at the end of "talks with the US."
// or "...in the EU. The", where TABARI would keep it and so lose the match
// of US and EU.
func keepAcronymDot(text string, i int, word []byte, inWord bool) bool {
	if !inWord {
		return true
	}
	if len(word) == 1 || bytesContain(word, '.') {
		return true // an initial, or the last period of U.S.
	}
	return i+1 < len(text) && text[i+1] != ' ' && text[i+1] != '\t' && text[i+1] != '\n' && text[i+1] != '\r' && text[i+1] != '"'
}

func bytesContain(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// unicodePunct recognises a UTF-8 encoded punctuation character at s[i]:
// it returns its length and '"' (double quotes), '\” (single quotes and
// apostrophes) or ' ' (other punctuation and spaces). n is 0 for any other
// byte sequence, which is then copied like a letter.
func unicodePunct(s string, i int) (n int, repl byte) {
	if i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 {
		switch b := s[i+2]; {
		case b == 0x9C || b == 0x9D || b == 0x9E || b == 0x9F:
			return 3, '"'
		case b == 0x98 || b == 0x99 || b == 0x9A || b == 0x9B:
			return 3, '\''
		case b >= 0x80 && b <= 0x8F, b >= 0x90 && b <= 0x95, b == 0xA6, b == 0xA8, b == 0xA9, b == 0xAF:
			return 3, ' ' // spaces, dashes, ellipsis, line/paragraph separators
		}
	}
	if i+1 < len(s) && s[i] == 0xC2 && (s[i+1] == 0xA0 || s[i+1] == 0xAB || s[i+1] == 0xBB) {
		if s[i+1] == 0xA0 {
			return 2, ' '
		}
		return 2, '"'
	}
	return 0, 0
}
