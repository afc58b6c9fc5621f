package dict

import "strings"

// PETRARCH-1 verb dictionaries (PETR.Validate.verbs.txt,
// CAMEO.verbpatterns.150430.txt; formats.md 14, 15):
//
//	&CURRENCY                      a synset, anywhere before its use
//	+DOLLARS
//	+YUM YENNYEN
//
//	--- EXPLAIN_VERBAL [010] ---   a block and its default code
//	SAY  {SAYS SAID SAYING}        a verb with its forms listed
//	STATE                          regular forms generated
//	+CLEAR_UP                      a multi-word verb; "+" marks the verb word
//	RE_+ADMIT {RE_+ADMITS ...}
//	EXPRESS [0110]                 a verb with its own code
//	- * + TOOK ... FROM TRANSPORT [1123]   patterns shared by the block
//
// Each verb of a block becomes a headword (and one root per form) whose
// code is its own or the block's, and all verbs of a block share the
// block's patterns. PETRARCH matches whole words only: in patterns a blank
// becomes "_ " (whole word, gap allowed) and "~_" becomes "_"; verb forms
// take no endings (all regular forms are generated). Synset names may end
// in "_" (PETRARCH's "no plurals" mark, dropped from the name); members
// get their regular plural unless they or the name end in "_" (or the
// last word already ends in "S"), and members with Treebank contractions
// ("DID N'T") also match the joined word ("DIDN'T").

// petrBlock is the verb block being read.
type petrBlock struct {
	code     Code
	entries  []*VerbEntry
	patterns []*Pattern
}

// readPetrVerbs reads a PETRARCH-1 verbs file, or with p2 set a
// PETRARCH-2 one (petrarch2.go).
func (l *loader) readPetrVerbs(file, src string, p2 bool) {
	var blk *petrBlock
	var syn *Synset
	synPlural := true
	flush := func() {
		if blk != nil {
			for _, v := range blk.entries {
				v.Patterns = blk.patterns
			}
		}
		blk = nil
	}
	petrLines(src, func(pl petrLine) {
		ln := pl.line
		p := ln.phrase
		switch {
		case ln.verb && p[0] == '&':
			syn, synPlural = l.petrSynset(file, ln, p)
		case ln.verb:
			if !strings.HasPrefix(p, "<!") {
				l.errs.Add(file, ln.num, ln.col, "unexpected %q in a verbs file", pl.raw)
			}
		case strings.HasPrefix(pl.raw, "---"):
			flush()
			syn = nil
			blk = l.petrBlockHeader(file, pl)
		case p != "" && p[0] == '+' && syn != nil:
			l.petrMember(file, ln, syn, p[1:], synPlural)
		case p != "" && p[0] == '~':
			syn = nil
			l.petrTransform(file, pl)
		case p != "" && p[0] == '-':
			syn = nil
			if blk == nil {
				l.errs.Add(file, ln.num, ln.col, "pattern before any verb block")
				return
			}
			if p2 {
				ln.phrase = "- " + p2Linear(ln.phrase[1:])
				if ln.code != "" {
					ln.phrase, ln.code = p2Reverse(ln.phrase, ln.code)
				}
			}
			if pt := l.petrPattern(file, ln, blk.code); pt != nil {
				blk.patterns = append(blk.patterns, pt)
			}
		case p == "":
			l.errs.Add(file, ln.num, ln.codeCol, "code without a phrase")
		default:
			syn = nil
			if blk == nil {
				l.errs.Add(file, ln.num, ln.col, "verb %q before any verb block", p)
				return
			}
			l.petrVerb(file, ln, blk)
		}
	})
	flush()
}

// petrBlockHeader reads "--- NAME [code] ---".
func (l *loader) petrBlockHeader(file string, pl petrLine) *petrBlock {
	blk := &petrBlock{code: Code{A: Null, Raw: Null}}
	t := strings.Trim(pl.raw, "- \t")
	lb, rb := strings.IndexByte(t, '['), strings.IndexByte(t, ']')
	if lb < 0 || rb < lb {
		l.d.Warnings.Add(file, pl.num, pl.col, "verb block %q has no [code]; using [---]", pl.raw)
		return blk
	}
	c, err := parseCode(t[lb:rb+1], false)
	if err != nil {
		l.errs.Add(file, pl.num, pl.col+strings.IndexByte(pl.raw, '['), "%v", err)
		return blk
	}
	blk.code = c
	return blk
}

// petrVerb reads a verb line of a block: "VERB", "VERB {FORMS}",
// "+VERB_PARTICLE", "PART_+VERB", each optionally with "[code]".
func (l *loader) petrVerb(file string, ln line, blk *petrBlock) {
	v := &VerbEntry{Code: blk.code, HasCode: true}
	if ln.code != "" {
		c, err := parseCode(ln.code, false)
		if err != nil {
			l.errs.Add(file, ln.num, ln.codeCol, "%v", err)
		} else {
			v.Code = c
		}
	}
	phrase, listed, explicit, ok := splitPlurals(ln.phrase)
	if !ok {
		l.errs.Add(file, ln.num, ln.col, "unclosed '{' in %q", ln.phrase)
		return
	}
	base := strings.ReplaceAll(phrase, "+", "")
	forms := []string{base}
	if explicit {
		for _, f := range listed {
			forms = append(forms, strings.ReplaceAll(f, "+", ""))
		}
	} else {
		forms = append(forms, multiwordForms(phrase)...)
	}
	var head *Root
	for _, f := range forms {
		r, _ := l.petrRoot(file, ln, f, Verb, true)
		if r == nil {
			continue
		}
		r.Verb = v
		if head == nil {
			head = r
		}
	}
	if head == nil {
		head = &Root{Type: Verb, Text: base, Pos: Pos{File: file, Line: ln.num}}
	}
	v.Head = head
	blk.entries = append(blk.entries, v)
	l.verbs = append(l.verbs, v)
}

// multiwordForms generates the regular forms of a verb phrase whose verb
// word is marked with "+" (the first word when none is marked).
func multiwordForms(phrase string) []string {
	words := strings.Split(strings.Trim(phrase, "_ "), "_")
	k := 0
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			k = i
		}
		words[i] = strings.TrimPrefix(w, "+")
	}
	forms := verbForms(words[k])
	if len(forms) < 2 {
		return nil
	}
	var out []string
	for _, f := range forms[1:] {
		ws := append([]string(nil), words...)
		ws[k] = f
		out = append(out, strings.Join(ws, "_"))
	}
	return out
}

// verbForms returns a verb and its regular forms: the third person
// (+S, +ES after S, X, Z, CH, SH, a consonant's Y to IES), the past (+D
// after E, a consonant's Y to IED, else +ED) and the participle (+ING,
// dropping a final E after a consonant).
func verbForms(w string) []string {
	if w == "" {
		return nil
	}
	consY := len(w) > 1 && w[len(w)-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[len(w)-2]))
	third := nounPlural(w)
	past := w + "ED"
	switch {
	case strings.HasSuffix(w, "E"):
		past = w + "D"
	case consY:
		past = w[:len(w)-1] + "IED"
	}
	ing := w + "ING"
	if strings.HasSuffix(w, "E") && len(w) > 2 && !strings.HasSuffix(w, "EE") {
		ing = w[:len(w)-1] + "ING"
	}
	return []string{w, third, past, ing}
}

// petrSynset starts a synset "&NAME" (a trailing "_" on the name turns
// plurals off). A synset of an earlier layer with the same name is
// replaced; one of the same layer is an error.
func (l *loader) petrSynset(file string, ln line, p string) (*Synset, bool) {
	name := strings.Fields(p)[0]
	plural := !strings.HasSuffix(name, "_")
	name = strings.TrimRight(name, "_")
	if idx, dup := l.d.synByName[name]; dup {
		if l.synLayer[name] == l.layer {
			l.errs.Add(file, ln.num, ln.col, "synset %s declared twice", name)
			return &Synset{Name: name}, plural // members are read and dropped
		}
		s := &Synset{Name: name, Pos: Pos{File: file, Line: ln.num}}
		l.d.Synsets[idx] = s
		l.synLayer[name] = l.layer
		return s, plural
	}
	s := &Synset{Name: name, Pos: Pos{File: file, Line: ln.num}}
	l.d.Synsets = append(l.d.Synsets, s)
	l.d.synByName[name] = len(l.d.Synsets) - 1
	l.synLayer[name] = l.layer
	return s, plural
}

// petrMember adds a synset member and, unless it ends in "_" or plurals
// are off, its regular plural.
func (l *loader) petrMember(file string, ln line, syn *Synset, text string, plural bool) {
	text = strings.TrimSpace(text)
	if text == "" {
		l.errs.Add(file, ln.num, ln.col, "empty synset member")
		return
	}
	texts := []string{strings.TrimRight(text, "_")}
	last := texts[0][strings.LastIndexAny(texts[0], " _")+1:]
	if plural && !strings.HasSuffix(text, "_") && last != "" && !strings.HasSuffix(last, "S") && isAlnum(last[0]) {
		texts = append(texts, texts[0][:len(texts[0])-len(last)]+nounPlural(last))
	}
	if j, ok := untreebank(texts[0]); ok {
		texts = append(texts, j)
	}
	for _, t := range texts {
		if strings.Contains(t+" ", syn.Name+" ") || strings.Contains(t, syn.Name+"_") {
			l.errs.Add(file, ln.num, ln.col, "synset member refers to its own synset %s", syn.Name)
			return
		}
		els, ok := l.elems(file, ln, t, true)
		if !ok {
			return
		}
		wholeWords(els)
		for _, e := range els {
			if e.Kind == Star || e.Kind == GroupOpen {
				l.errs.Add(file, ln.num, ln.col, "%q is not allowed in a synset member", e.Text)
				return
			}
		}
		n, _ := phraseLength(t)
		syn.Members = append(syn.Members, &Member{Elems: els, Len: n, Text: t})
	}
}

// untreebank joins the contractions that Treebank tokenisation splits off
// ("DID N'T", "CA N'T", "ARNOR 'S") back to their word ("DIDN'T",
// "CAN'T"), since the shallow coder reads raw text. It reports whether
// there was anything to join.
func untreebank(text string) (string, bool) {
	f := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '_' })
	if len(f) < 2 {
		return "", false
	}
	joined := false
	var out []string
	for i, w := range f {
		if i > 0 && (strings.HasPrefix(w, "N'T") || strings.HasPrefix(w, "'")) {
			out[len(out)-1] += w
			joined = true
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " "), joined
}

// wholeWords turns a pattern's connectors into their whole-word variants:
// a blank becomes "_ " and "~_" becomes "_".
func wholeWords(els []Elem) {
	for i := range els {
		switch els[i].Conn {
		case OpenGap:
			els[i].Conn = ExactGap
		case StemTight:
			els[i].Conn = Tight
		}
	}
}

// petrPattern reads a PETRARCH-1 pattern "- ... * ... [code]" (TABARI
// syntax without alternatives). A pattern without a code takes the
// block's.
func (l *loader) petrPattern(file string, ln line, def Code) *Pattern {
	text := strings.TrimSpace(ln.phrase[1:])
	if strings.Count(text, "*") != 1 {
		l.errs.Add(file, ln.num, ln.col, "pattern %q must contain exactly one '*'", text)
		return nil
	}
	if strings.ContainsAny(text, "{|}") {
		l.errs.Add(file, ln.num, ln.col, "alternatives { | } are not part of PETRARCH patterns")
		return nil
	}
	c := def
	if ln.code != "" {
		var err error
		if c, err = parseCode(ln.code, false); err != nil {
			l.errs.Add(file, ln.num, ln.codeCol, "%v", err)
			return nil
		}
	}
	return l.linearPattern(file, ln, text, c)
}

// linearPattern builds a pattern from TABARI-syntax text with whole-word
// connectors.
func (l *loader) linearPattern(file string, ln line, text string, c Code) *Pattern {
	els, ok := l.elems(file, ln, text, true)
	if !ok {
		return nil
	}
	wholeWords(els)
	pt := &Pattern{Elems: els, Code: c, Text: text, Pos: Pos{File: file, Line: ln.num}}
	for i, e := range els {
		switch e.Kind {
		case Star:
			pt.Star = i
		case Word:
			pt.Required = append(pt.Required, e.Lit)
		}
	}
	pt.Len, pt.AltAllow = phraseLength(text)
	return pt
}
