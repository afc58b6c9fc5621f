package dict

import (
	"crypto/sha256"
	"hash"
	"strings"
)

// loader accumulates a Dict while files are read.
type loader struct {
	d     *Dict
	errs  ErrorList
	hash  hash.Hash
	seen  map[string]*Root
	verbs []*VerbEntry
	// layer is the index of the --dict path being read (see Load): an
	// entry of a later layer replaces an earlier layer's entry with the
	// same phrase, while inside one layer the first entry wins.
	layer int
	// synLayer is the layer each synset was declared in.
	synLayer map[string]int
	// hasOptions and hasPetr record whether an options file and a
	// PETRARCH-format file were read: without an options file a set with
	// PETRARCH files has no minimum sentence length.
	hasOptions, hasPetr bool
}

// builtins are the entries TABARI defines before reading any dictionary
// (formats.md 9). They match whole words only.
var builtins = []struct {
	t     Type
	words string
}{
	{Determ, "A AN THE"},
	{Conj, "AND NOR BUT OR"},
	{Prep, "IN OF"},
	{Pronoun, "HE HIM SHE HER IT THEM THEIR THEY"},
	{Auxil, "WERE WAS BEEN"},
	{By, "BY"},
	{Adjctv, "FORMER"},
}

func newLoader() *loader {
	l := &loader{
		d: &Dict{
			Options:   DefaultOptions(),
			litID:     map[string]int32{},
			synByName: map[string]int{},
		},
		hash:     sha256.New(),
		seen:     map[string]*Root{},
		synLayer: map[string]int{},
	}
	for _, b := range builtins {
		for _, w := range strings.Fields(b.words) {
			l.addRoot(&Root{Type: b.t, Text: w, Pos: Pos{File: "<builtin>"},
				Elems: []Elem{{Kind: Word, Conn: Tight, Lit: l.lit(w), Text: w}}})
		}
	}
	return l
}

// lit interns a literal.
func (l *loader) lit(s string) int32 {
	if id, ok := l.d.litID[s]; ok {
		return id
	}
	id := int32(len(l.d.literals))
	l.d.literals = append(l.d.literals, s)
	l.d.litID[s] = id
	if len(s) > l.d.maxLit {
		l.d.maxLit = len(s)
	}
	return id
}

// phraseKey identifies a phrase by its elements and connectors.
func phraseKey(els []Elem) string {
	var b strings.Builder
	for _, e := range els {
		b.WriteString(e.Text)
		b.WriteByte(byte('0' + e.Conn))
	}
	return b.String()
}

// addRoot adds a root unless an identical phrase exists. Inside one layer
// the first one loaded wins; a root of a later layer replaces the earlier
// layer's root in place (layering.go). It reports whether the root was
// added.
func (l *loader) addRoot(r *Root) bool { return l.addRootKey(r, phraseKey(r.Elems)) }

// addRootKey is addRoot with the phrase key already computed.
func (l *loader) addRootKey(r *Root, key string) bool {
	r.layer = l.layer
	if old := l.seen[key]; old != nil {
		if old.layer < l.layer {
			l.replaceRoot(old, r)
			l.seen[key] = r
			return true
		}
		if l.d.Options.DupWarn {
			l.d.Warnings.Add(r.Pos.File, r.Pos.Line, 0, "duplicate phrase %q dropped", r.Text)
		}
		return false
	}
	l.seen[key] = r
	r.Order = len(l.d.Roots)
	l.d.Roots = append(l.d.Roots, r)
	return true
}

// line is a dictionary line split per formats.md 5.1.
type line struct {
	num     int
	phrase  string // upper case, hyphens converted, trimmed
	code    string // from the first '[' (raw), "" if none
	col     int    // 1-based column of the phrase
	codeCol int    // 1-based column of the code
	verb    bool   // taken verbatim (& and < lines)
}

// lines splits src into dictionary lines, skipping comments, up to a line
// starting with '~'.
func lines(src string, fn func(ln line)) {
	num := 0
	for len(src) > 0 {
		var raw string
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			raw, src = src[:i], src[i+1:]
		} else {
			raw, src = src, ""
		}
		num++
		raw = strings.TrimSuffix(raw, "\r")
		if raw == "" || raw[0] == '/' || raw[0] == '#' {
			continue
		}
		if raw[0] == '~' {
			return
		}
		if i := strings.IndexByte(raw, ';'); i >= 0 {
			raw = raw[:i]
		}
		lead := len(raw) - len(strings.TrimLeft(raw, " \t"))
		t := strings.TrimSpace(raw)
		if t == "" {
			continue
		}
		fn(newLine(num, lead, t))
	}
}

// newLine splits the trimmed text t of line num, which started after lead
// blanks, into its phrase and code: '&' and '<' lines are taken verbatim
// (upper case), others split at the first '['.
func newLine(num, lead int, t string) line {
	ln := line{num: num, col: lead + 1}
	if t[0] == '&' || t[0] == '<' {
		ln.phrase, ln.verb = strings.ToUpper(t), true
		return ln
	}
	ph := t
	if i := strings.IndexByte(t, '['); i >= 0 {
		ph, ln.code = t[:i], t[i:]
		ln.codeCol = lead + i + 1
	}
	ln.phrase = normPhrase(ph)
	return ln
}

// normPhrase upper-cases a phrase, turns every '-' after the first
// character into '_' and trims trailing blanks.
func normPhrase(s string) string {
	b := []byte(strings.TrimRight(s, " \t"))
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 'a' + 'A'
		case c == '-' && i > 0:
			b[i] = '_'
		}
	}
	return string(b)
}

// elems converts a phrase into elements. With pattern set, "*", "$", "+",
// "%", "^", "@", braces and synset references are allowed; otherwise every
// element must be a word.
func (l *loader) elems(file string, ln line, text string, pattern bool) ([]Elem, bool) {
	raw := splitPhrase(padBraces(text))
	out := make([]Elem, 0, len(raw))
	for _, r := range raw {
		e := Elem{Kind: Word, Conn: r.conn, Text: r.text}
		switch r.text {
		case "*":
			e.Kind = Star
		case "$":
			e.Kind = Source
		case "+":
			e.Kind = Target
		case "%":
			e.Kind = Compound
		case "^":
			e.Kind = Skip
		case "@":
			e.Kind = Attrib
		case "{":
			e.Kind = GroupOpen
		case "|":
			e.Kind = GroupBar
		case "}":
			e.Kind = GroupClose
		default:
			if r.text[0] == '&' && pattern && len(r.text) > 1 {
				idx, ok := l.d.synByName[r.text]
				if !ok {
					l.errs.Add(file, ln.num, ln.col, "undeclared synset %s", r.text)
					return nil, false
				}
				e.Kind, e.Syn = SynRef, int32(idx)
			} else {
				e.Lit = l.lit(r.text)
			}
		}
		if e.Kind != Word && !pattern {
			l.errs.Add(file, ln.num, ln.col, "%q is not allowed in a dictionary phrase", r.text)
			return nil, false
		}
		out = append(out, e)
	}
	if len(out) == 0 {
		l.errs.Add(file, ln.num, ln.col, "empty phrase")
		return nil, false
	}
	return out, true
}

// root builds and adds a root for a phrase; it reports the root (nil when
// the phrase is malformed or a duplicate).
func (l *loader) root(file string, ln line, text string, t Type) *Root {
	text = strings.TrimSpace(text)
	if len(text) < 2 {
		l.errs.Add(file, ln.num, ln.col, "phrase %q is shorter than two characters", text)
		return nil
	}
	els, ok := l.elems(file, ln, text, false)
	if !ok {
		return nil
	}
	r := &Root{Type: t, Elems: els, Text: text, Pos: Pos{File: file, Line: ln.num}}
	if !l.addRoot(r) {
		return nil
	}
	return r
}

func (l *loader) readOptions(file, src string) {
	num := 0
	for _, raw := range strings.Split(src, "\n") {
		num++
		raw = strings.TrimSuffix(raw, "\r")
		t := strings.TrimSpace(raw)
		if t == "" || t[0] == '/' || t[0] == '#' {
			continue
		}
		if t[0] == '~' {
			break
		}
		if err := l.d.Options.Apply(t); err != nil {
			l.errs.Add(file, num, 1, "%v", err)
		}
	}
}
