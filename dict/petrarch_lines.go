package dict

import "strings"

// PETRARCH and Phoenix dictionary files (formats.md 6.5, 7.3, 14, 15) share
// one line syntax, which differs from TABARI's (5.1):
//
//   - "#" starts a comment anywhere on a line, except inside a bracketed
//     code ("[###]" is a code, "[ZBW]#jw" a code and a comment); so does
//     ";", which a few entries carried over from TABARI files use
//     ("RIP {RIPPING RIPS RIPPED};shan 7/11/93");
//   - "<!-- ... -->" is a comment and may span lines;
//   - there is no "~~FINISH" marker;
//   - code lines ("[AFGGOV 20011001-20050420]") are usually indented with a
//     tab and follow their phrase.
//
// petrLines splits such a file into the same line records the TABARI
// readers use, so that phrases are normalised (upper case, inner hyphens
// to "_") in one place.

// petrLine is a PETRARCH line: the TABARI line record plus the raw text
// (comments removed) for readers that need more than phrase and code.
type petrLine struct {
	line
	raw string // the line without comments, trimmed
}

// petrLines calls fn for every non-empty line of src with comments
// removed.
func petrLines(src string, fn func(ln petrLine)) {
	num := 0
	inComment := false
	for len(src) > 0 {
		var raw string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			raw, src = src[:i], src[i+1:]
		} else {
			raw, src = src, ""
		}
		num++
		raw = strings.TrimSuffix(raw, "\r")
		raw, inComment = stripXMLComments(raw, inComment)
		raw = stripHash(raw)
		lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "<!") { // "<!" also starts a (malformed) comment
			continue
		}
		fn(petrLine{line: newLine(num, lead, t), raw: t})
	}
}

// stripXMLComments removes "<!-- ... -->" comments from a line; inComment
// says whether the line starts inside a comment, and the result whether it
// ends inside one. Removed text is replaced by blanks so that columns stay
// right.
func stripXMLComments(s string, inComment bool) (string, bool) {
	if !inComment && !strings.Contains(s, "<!--") {
		return s, false
	}
	b := []byte(s)
	for i := 0; i < len(b); {
		if inComment {
			j := strings.Index(string(b[i:]), "-->")
			end := len(b)
			if j >= 0 {
				end = i + j + 3
			}
			for k := i; k < end; k++ {
				b[k] = ' '
			}
			if j < 0 {
				return string(b), true
			}
			inComment, i = false, end
			continue
		}
		j := strings.Index(string(b[i:]), "<!--")
		if j < 0 {
			break
		}
		inComment, i = true, i+j
	}
	return string(b), inComment
}

// stripHash cuts a line at the first "#" or ";" that is not inside
// brackets.
func stripHash(s string) string {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if depth == 0 {
				return s[:i]
			}
		}
	}
	return s
}

// petrElems converts a PETRARCH phrase into elements. PETRARCH matches
// whole words only and treats blanks and underscores alike inside a
// phrase, so every element gets the TIGHT connector: consecutive whole
// words, with the noun (or verb) endings allowed on the last one unless
// noEnd is set.
func (l *loader) petrElems(file string, ln line, text string, noEnd bool) ([]Elem, bool) {
	els, ok := l.elems(file, ln, text, false)
	if !ok {
		return nil, false
	}
	for i := range els {
		els[i].Conn = Tight
	}
	if noEnd {
		els[len(els)-1].Conn = NoEnd
	}
	return els, true
}

// petrRoot builds and adds a PETRARCH root (see petrElems). It returns the
// root, or nil when the phrase is malformed or a duplicate; dup is the
// earlier root of the same layer when the phrase is a duplicate.
func (l *loader) petrRoot(file string, ln line, text string, t Type, noEnd bool) (r, dup *Root) {
	text = strings.Trim(strings.TrimSpace(text), "_")
	if len(text) < 2 {
		l.errs.Add(file, ln.num, ln.col, "phrase %q is shorter than two characters", text)
		return nil, nil
	}
	els, ok := l.petrElems(file, ln, text, noEnd)
	if !ok {
		return nil, nil
	}
	key := phraseKey(els)
	if old := l.seen[key]; old != nil && old.layer == l.layer {
		return nil, old
	}
	r = &Root{Type: t, Elems: els, Text: text, Pos: Pos{File: file, Line: ln.num}}
	if !l.addRootKey(r, key) {
		return nil, nil
	}
	return r, nil
}
