package text

import "github.com/twintrack/twintrack"

// Sentences splits doc into sentences and returns their byte spans, in
// order, non-overlapping, trimmed of surrounding white space. A sentence ends
// at '.', '!' or '?' (with any closing quotes or brackets) followed by white
// space and then an upper-case letter, digit or opening quote, or at a blank
// line.
func Sentences(doc string) []twintrack.Span {
	var out []twintrack.Span
	start := -1
	emit := func(end int) {
		if start >= 0 {
			e := end
			for e > start && isSpace(doc[e-1]) {
				e--
			}
			if e > start {
				out = append(out, twintrack.Span{Start: start, End: e})
			}
		}
		start = -1
	}
	for i := 0; i < len(doc); i++ {
		c := doc[i]
		if start < 0 {
			if !isSpace(c) {
				start = i
			}
			continue
		}
		if c == '\n' && i+1 < len(doc) && blankLineAt(doc, i+1) {
			emit(i)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(doc) && (doc[j] == '"' || doc[j] == '\'' || doc[j] == ')' || doc[j] == ']') {
			j++
		}
		if j < len(doc) && !isSpace(doc[j]) {
			continue
		}
		k := j
		for k < len(doc) && isSpace(doc[k]) {
			k++
		}
		if k < len(doc) && !startsSentence(doc[k]) {
			continue
		}
		if c == '.' && isAbbrev(doc[start:i]) {
			continue
		}
		emit(j)
		i = j - 1
	}
	emit(len(doc))
	return out
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func blankLineAt(doc string, i int) bool {
	for ; i < len(doc); i++ {
		switch doc[i] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return false
}

func startsSentence(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '\'' || c == '(' || c >= 0x80
}

// isAbbrev reports whether the text before a period ends in a common
// abbreviation or an initial ("Mr.", "U.S.", "J.").
func isAbbrev(before string) bool {
	i := len(before)
	for i > 0 && before[i-1] != ' ' && before[i-1] != '\n' && before[i-1] != '\t' {
		i--
	}
	w := before[i:]
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Sgt", "Rep", "Sen", "Gov",
		"St", "Jr", "Sr", "No", "Vol", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
		"Inc", "Corp", "Co", "Ltd", "vs", "Mt", "Adm", "Maj", "Brig", "Pres", "Rev", "U.S", "U.N", "U.K", "E.U":
		return true
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	for j := 0; j+1 < len(w); j++ { // dotted initials such as U.S or a.m
		if w[j+1] == '.' {
			return true
		}
	}
	return false
}
