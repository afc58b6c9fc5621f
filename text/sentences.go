package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
)

// Sentences splits doc into sentences and returns their byte spans into
// doc, in order, non-overlapping, each trimmed of surrounding white space.
// Every non-space character of doc lies in exactly one span.
//
// A sentence ends
//   - at a paragraph break: a line break followed, after optional blanks,
//     by another line break (CRLF and lone CR count as line breaks);
//   - at a run of '.', '!', '?' or '…' (with any closing quotes or brackets
//     after it) that is followed by white space and then by something that
//     can start a sentence: an upper-case letter, a digit, an opening quote
//     or bracket, or a letter of a script without case;
//   - after a full-width stop ('。', '！', '？'), with or without white
//     space, before something that can start a sentence;
//   - at the end of the text.
//
// A single '.' after an abbreviation does not end a sentence when the
// abbreviation cannot end one ("Mr.", "Gen.", an initial such as "F."), or
// before a number when it introduces one ("Jan. 5", "No. 3"). After dotted
// abbreviations and company suffixes ("U.S.", "a.m.", "Inc.") the sentence
// ends only when the next word usually starts a sentence ("The", "He", ...):
// "the U.S. President" stays one sentence, "aid from the U.S. The talks"
// is two. Decimals ("3.5") and dotted words ("U.S.A") never end one,
// because no white space follows the period.
//
// The function runs in time linear in len(doc) and never panics, whatever
// the input (including invalid UTF-8).
func Sentences(doc string) []twintrack.Span {
	var out []twintrack.Span
	start, last := -1, 0 // start of the open sentence; end of its last non-space rune
	emit := func() {
		if start >= 0 && last > start {
			out = append(out, twintrack.Span{Start: start, End: last})
		}
		start = -1
	}
	for i := 0; i < len(doc); {
		if n := spaceLen(doc, i); n > 0 {
			j, breaks := i, 0
			for j < len(doc) {
				m := spaceLen(doc, j)
				if m == 0 {
					break
				}
				if isLineBreak(doc, j) {
					breaks++
				}
				j += m
			}
			if breaks >= 2 {
				emit()
			}
			i = j
			continue
		}
		if start < 0 {
			start = i
		}
		t := termLen(doc, i)
		if t == 0 {
			if doc[i] < utf8.RuneSelf {
				// Fast path: skip a run of ordinary ASCII bytes.
				i++
				for i < len(doc) && plainASCII[doc[i]] {
					i++
				}
			} else {
				_, n := utf8.DecodeRuneInString(doc[i:])
				i += n
			}
			last = i
			continue
		}
		termStart, j := i, i
		for t > 0 {
			j += t
			t = termLen(doc, j)
		}
		termEnd := j
		for c := closerLen(doc, j); c > 0; c = closerLen(doc, j) {
			j += c
		}
		last, i = j, j
		if j == len(doc) {
			break
		}
		if spaceLen(doc, j) == 0 {
			// Chinese and Japanese put no space after a full stop; after a
			// closing quote ("…？”他问") the sentence goes on.
			if j == termEnd && fullWidthEnd(doc[termStart:termEnd]) && startsSentence(doc, j) {
				emit()
			}
			continue // "3.5", "U.S.A", "?!x": not followed by white space
		}
		k := j
		for m := spaceLen(doc, k); m > 0 && k < len(doc); m = spaceLen(doc, k) {
			k += m
		}
		if k == len(doc) || endsSentence(doc, start, termStart, termEnd, j, k) {
			emit()
		}
	}
	emit()
	return out
}

// plainASCII marks the ASCII bytes that are neither white space nor a
// sentence terminator: the splitter skips runs of them without looking.
var plainASCII = func() (t [256]bool) {
	for c := 0x21; c < 0x7f; c++ {
		t[c] = c != '.' && c != '!' && c != '?'
	}
	return t
}()

// endsSentence decides whether the terminator doc[termStart:termEnd],
// followed by closers up to j and white space up to k, ends the sentence
// that began at start.
func endsSentence(doc string, start, termStart, termEnd, j, k int) bool {
	if !startsSentence(doc, k) {
		return false
	}
	if termEnd-termStart != 1 || doc[termStart] != '.' || strings.ContainsAny(doc[termEnd:j], "\"'”’»›") {
		return true // '!', '?', an ellipsis, or a period inside quotes
	}
	w := wordBefore(doc, start, termStart)
	switch kindOf(w) {
	case title:
		return false
	case beforeNumber:
		return !isDigitAt(doc, k)
	case acronym:
		return startsWithStarter(doc, k)
	}
	return true
}

type abbrevKind int

const (
	plain        abbrevKind = iota // an ordinary word: the period ends the sentence
	title                          // precedes a name, never ends a sentence
	beforeNumber                   // a month or "No.": continues before a number
	acronym                        // may end a sentence: decided by the next word
)

// abbrevs lists the abbreviations whose period is special. Initials (one
// upper-case letter) are titles; words containing a period ("U.S", "a.m")
// are acronyms.
var abbrevs = map[string]abbrevKind{
	"Mr": title, "Mrs": title, "Ms": title, "Messrs": title, "Dr": title, "Prof": title,
	"Gen": title, "Lt": title, "Col": title, "Capt": title, "Cpt": title, "Sgt": title,
	"Cmdr": title, "Adm": title, "Maj": title, "Brig": title, "Gov": title, "Sen": title,
	"Rep": title, "Pres": title, "Rev": title, "Fr": title, "Sr": acronym, "Jr": acronym,
	"St": title, "Mt": title, "Ft": title, "Hon": title, "Amb": title, "Supt": title,
	"Insp": title, "Det": title, "Cpl": title, "Pvt": title, "Gens": title, "Reps": title, "Sens": title,
	"vs": title, "v": title, "cf": title, "approx": title, "ca": title,
	"Jan": beforeNumber, "Feb": beforeNumber, "Mar": beforeNumber, "Apr": beforeNumber,
	"Jun": beforeNumber, "Jul": beforeNumber, "Aug": beforeNumber, "Sep": beforeNumber,
	"Sept": beforeNumber, "Oct": beforeNumber, "Nov": beforeNumber, "Dec": beforeNumber,
	"No": beforeNumber, "Nos": beforeNumber, "Art": beforeNumber, "Fig": beforeNumber,
	"Vol": beforeNumber, "vol": beforeNumber, "p": beforeNumber, "pp": beforeNumber,
	"ch": beforeNumber, "Ch": beforeNumber, "Sec": beforeNumber, "para": beforeNumber,
	"Inc": acronym, "Corp": acronym, "Co": acronym, "Ltd": acronym, "Bros": acronym,
	"Plc": acronym, "plc": acronym, "etc": acronym, "Esq": acronym, "Dept": acronym,
	"Univ": acronym, "Assn": acronym, "Ave": acronym, "Blvd": acronym, "Rd": acronym,
}

func kindOf(w string) abbrevKind {
	if k, ok := abbrevs[w]; ok {
		return k
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return title // an initial: "John F. Kennedy"
	}
	dotted := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.' && i > 0:
			dotted = true
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		default:
			return plain // "2.5", "www.example-site"
		}
	}
	if dotted {
		return acronym // "U.S", "a.m", "e.g", "Ph.D"
	}
	return plain
}

// starters are words that usually begin a sentence; after an acronym such
// as "U.S." they signal that the acronym ended the sentence.
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true, "They": true,
	"We": true, "I": true, "You": true, "His": true, "Her": true, "Its": true, "Their": true,
	"Our": true, "This": true, "That": true, "These": true, "Those": true, "There": true,
	"In": true, "On": true, "At": true, "But": true, "And": true, "Or": true, "So": true,
	"Yet": true, "If": true, "When": true, "While": true, "After": true, "Before": true,
	"As": true, "Since": true, "Although": true, "Though": true, "However": true,
	"Meanwhile": true, "Earlier": true, "Later": true, "Last": true, "For": true,
	"By": true, "With": true, "From": true, "Some": true, "Many": true, "Most": true,
	"No": true, "Not": true, "Both": true, "Officials": true, "Analysts": true, "What": true,
	"Why": true, "How": true, "Who": true, "Where": true, "Such": true, "Under": true,
	"Despite": true, "During": true, "Asked": true, "According": true, "Also": true,
}

// startsWithStarter reports whether the text at k begins with an opening
// quote or bracket or with a word of starters.
func startsWithStarter(doc string, k int) bool {
	if openerLen(doc, k) > 0 {
		return true
	}
	e := k
	for e < len(doc) && e-k < 16 && (doc[e] >= 'a' && doc[e] <= 'z' || doc[e] >= 'A' && doc[e] <= 'Z') {
		e++
	}
	if e < len(doc) && (doc[e] >= 'a' && doc[e] <= 'z' || doc[e] >= 'A' && doc[e] <= 'Z') {
		return false // longer than any starter
	}
	return starters[doc[k:e]]
}

// maxWord bounds how far back wordBefore looks, keeping the splitter linear
// on text without spaces.
const maxWord = 24

// wordBefore returns the word that ends at end: the bytes after the last
// white space (at most maxWord of them, never before start), without
// opening quotes or brackets.
func wordBefore(doc string, start, end int) string {
	b := end
	for b > start && end-b <= maxWord {
		r, n := utf8.DecodeLastRuneInString(doc[:b])
		if unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	if end-b > maxWord {
		return ""
	}
	for b < end {
		n := openerLen(doc, b)
		if n == 0 {
			break
		}
		b += n
	}
	return doc[b:end]
}

// startsSentence reports whether the rune at k can begin a sentence.
func startsSentence(doc string, k int) bool {
	if openerLen(doc, k) > 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(doc[k:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r) ||
		(unicode.IsLetter(r) && !unicode.IsLower(r))
}

func isDigitAt(doc string, k int) bool { return k < len(doc) && doc[k] >= '0' && doc[k] <= '9' }

// spaceLen returns the byte length of the white-space rune at i, or 0.
func spaceLen(doc string, i int) int {
	if i >= len(doc) {
		return 0
	}
	c := doc[i]
	if c < utf8.RuneSelf {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(doc[i:])
	if unicode.IsSpace(r) {
		return n
	}
	return 0
}

// isLineBreak reports whether the white space at i is a line break: '\n',
// a '\r' not followed by '\n', or U+2028/U+2029.
func isLineBreak(doc string, i int) bool {
	switch doc[i] {
	case '\n':
		return true
	case '\r':
		return i+1 == len(doc) || doc[i+1] != '\n'
	}
	r, _ := utf8.DecodeRuneInString(doc[i:])
	return r == '\u2028' || r == '\u2029'
}

// termLen returns the byte length of the sentence terminator at i, or 0.
func termLen(doc string, i int) int {
	if i >= len(doc) {
		return 0
	}
	switch doc[i] {
	case '.', '!', '?':
		return 1
	}
	if doc[i] < utf8.RuneSelf {
		return 0
	}
	if hasRune(doc, i, '…') || hasRune(doc, i, '。') || hasRune(doc, i, '！') || hasRune(doc, i, '？') {
		return 3
	}
	return 0
}

// fullWidthEnd reports whether a terminator run ends with a full-width
// stop ('。', '！' or '？'), which ends a sentence without a following space.
func fullWidthEnd(term string) bool {
	return strings.HasSuffix(term, "。") || strings.HasSuffix(term, "！") || strings.HasSuffix(term, "？")
}

// closerLen returns the byte length of the closing quote or bracket at i, or 0.
func closerLen(doc string, i int) int {
	if i >= len(doc) {
		return 0
	}
	switch doc[i] {
	case '"', '\'', ')', ']', '}':
		return 1
	}
	if doc[i] < utf8.RuneSelf {
		return 0
	}
	for _, r := range []rune{'”', '’', '»', '›'} {
		if hasRune(doc, i, r) {
			return utf8.RuneLen(r)
		}
	}
	return 0
}

// openerLen returns the byte length of the opening quote or bracket at i, or 0.
func openerLen(doc string, i int) int {
	if i >= len(doc) {
		return 0
	}
	switch doc[i] {
	case '"', '\'', '(', '[', '{':
		return 1
	}
	if doc[i] < utf8.RuneSelf {
		return 0
	}
	for _, r := range []rune{'“', '‘', '«', '‹', '¿', '¡'} {
		if hasRune(doc, i, r) {
			return utf8.RuneLen(r)
		}
	}
	return 0
}

func hasRune(doc string, i int, r rune) bool {
	n := utf8.RuneLen(r)
	if i+n > len(doc) || doc[i] < utf8.RuneSelf {
		return false
	}
	got, size := utf8.DecodeRuneInString(doc[i:])
	return got == r && size == n
}
