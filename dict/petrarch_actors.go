package dict

import "strings"

// PETRARCH/Phoenix actor files (formats.md 6.5, 15):
//
//	# a comment                      <!-- a comment -->
//	AFGHANISTAN_ [AFG]
//	AFGHAN_NATIONAL_SECURITY_FORCES
//	+ANSF
//		[AFGMIL]
//	BABRAK_KARMAL_  # CountryInfo.txt
//		[AFGGOV 791227-861124]
//		[AFGELI]
//
// A head phrase is followed by "+" synonyms and code lines; codes may also
// stand on the head's own line. Several head phrases in a row without
// codes share the code lines that follow them. Dates are YYMMDD (YY up to
// 30 is 20YY, PETRARCH's pivot) or YYYYMMDD; "<" and ">" include the date
// itself (PETRARCH's reading, unlike TABARI's strict
// comparison). A phrase may occur several times in a layer: its codes
// accumulate. When a date falls under several restrictions the first one
// in file order applies; undated codes are the default, used only when no
// restriction applies, whatever their position. Phrases match whole words
// (a trailing "_" is accepted and ignored) with the noun endings of
// formats.md 5.4.

// petrGroup is an actor group being read: its phrases and code text.
type petrGroup struct {
	head   line
	phrase []petrPhrase
	codes  strings.Builder
	col    int // column of the first code
	cline  int // line of the first code
}

type petrPhrase struct {
	ln   line
	text string
}

// readPetrActors reads a PETRARCH/Phoenix actor file.
func (l *loader) readPetrActors(file, src string) {
	var g *petrGroup
	flush := func() {
		if g != nil {
			l.petrActorGroup(file, g)
		}
		g = nil
	}
	petrLines(src, func(pl petrLine) {
		ln := pl.line
		p := ln.phrase
		switch {
		case ln.verb:
			l.errs.Add(file, ln.num, ln.col, "unexpected %q in an actors file", pl.raw)
		case p == "" && ln.code != "":
			if g == nil {
				l.errs.Add(file, ln.num, ln.codeCol, "code line without an actor before it")
				return
			}
			if g.codes.Len() == 0 {
				g.col, g.cline = ln.codeCol, ln.num
			}
			g.codes.WriteString(ln.code)
			g.codes.WriteByte(' ')
		case p[0] == '+':
			if g == nil {
				l.errs.Add(file, ln.num, ln.col, "synonym %q without an entry before it", p)
				return
			}
			g.phrase = append(g.phrase, petrPhrase{ln, p[1:]})
			if ln.code != "" {
				l.errs.Add(file, ln.num, ln.codeCol, "code on a synonym line (codes belong to the group)")
			}
		case g != nil && g.codes.Len() == 0 && ln.code == "":
			// Several phrases in a row share the code lines that follow.
			g.phrase = append(g.phrase, petrPhrase{ln, p})
		default:
			flush()
			g = &petrGroup{head: ln, phrase: []petrPhrase{{ln, p}}}
			if ln.code != "" {
				g.col, g.cline = ln.codeCol, ln.num
				g.codes.WriteString(ln.code)
				g.codes.WriteByte(' ')
			}
		}
	})
	flush()
}

// petrActorGroup adds the phrases of a group with its codes.
func (l *loader) petrActorGroup(file string, g *petrGroup) {
	if g.codes.Len() == 0 {
		l.errs.Add(file, g.head.num, g.head.col, "actor %q has no code", g.head.phrase)
		return
	}
	items := l.petrDatedCodes(file, g.cline, g.col, g.codes.String())
	if len(items) == 0 {
		return
	}
	codes := &ActorCodes{Items: orderDated(items), Raw: strings.TrimSpace(g.codes.String())}
	var head *Root
	for i, ph := range g.phrase {
		r, dup := l.petrRoot(file, ph.ln, ph.text, Actor, false)
		switch {
		case dup != nil && dup.Type == Actor && dup.Actor != nil:
			// Codes accumulate: a fresh list so that the earlier group's
			// other phrases keep theirs.
			merged := append(append([]DatedCode(nil), dup.Actor.Items...), items...)
			dup.Actor = &ActorCodes{Items: orderDated(merged), Raw: dup.Actor.Raw + " " + codes.Raw}
		case r != nil:
			r.Actor = codes
			if i == 0 {
				head = r
			} else {
				r.Parent = head
			}
		}
	}
}

// orderDated puts the undated (default) codes after the dated ones,
// keeping file order otherwise.
func orderDated(items []DatedCode) []DatedCode {
	out := make([]DatedCode, 0, len(items))
	for _, it := range items {
		if it.Op != 0 {
			out = append(out, it)
		}
	}
	for _, it := range items {
		if it.Op == 0 {
			out = append(out, it)
		}
	}
	return out
}

// petrDatedCodes parses "[A] [B 19950601-19990815] [C <950601]" with
// PETRARCH's inclusive "<" and ">".
func (l *loader) petrDatedCodes(file string, num, col int, raw string) []DatedCode {
	var out []DatedCode
	l.bracketItems(file, num, col, raw, func(item string, at int) {
		dc, _, msg := parseDatedCode(widenDates(item))
		if msg != "" {
			l.errs.Add(file, num, at, "%s in [%s]", msg, item)
			return
		}
		switch dc.Op {
		case '<':
			dc.From++ // "<D" includes D
		case '>':
			dc.From--
		}
		out = append(out, dc)
	})
	return out
}

// readPetrAgents reads a PETRARCH agents file (formats.md 7.3):
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
//	ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
//	MEDIA {} [~MED]
//	CONGRESS!PERSON! [~LEG]
//
// Without "{...}" the regular plural of the last word is added; "{}" adds
// none; "{X Y}" adds X and Y. An entry with a "!NAME!" marker becomes one
// entry per listed string, without plurals. Each form matches exactly,
// or with "'S".
func (l *loader) readPetrAgents(file, src string) {
	l.petrPrepositions()
	marks := map[string][]string{}
	petrLines(src, func(pl petrLine) {
		ln := pl.line
		p := ln.phrase
		if ln.verb {
			l.errs.Add(file, ln.num, ln.col, "unexpected %q in an agents file", pl.raw)
			return
		}
		if p != "" && p[0] == '!' && strings.Contains(p, "=") && ln.code == "" {
			eq := strings.IndexByte(p, '=')
			name := strings.TrimSpace(p[:eq])
			if len(name) < 3 || name[len(name)-1] != '!' {
				l.errs.Add(file, ln.num, ln.col, "malformed substitution marker %q", name)
				return
			}
			var vals []string
			for _, v := range strings.Split(p[eq+1:], ",") {
				if v = strings.TrimSpace(v); v != "" {
					vals = append(vals, v)
				}
			}
			if len(vals) == 0 {
				l.errs.Add(file, ln.num, ln.col, "substitution marker %s has no values", name)
				return
			}
			marks[name] = vals
			return
		}
		if p == "" {
			l.errs.Add(file, ln.num, ln.codeCol, "code without a phrase")
			return
		}
		if ln.code == "" {
			l.errs.Add(file, ln.num, ln.col, "agent %q has no code", p)
			return
		}
		ac, ok := l.petrAgentCode(file, ln)
		if !ok {
			return
		}
		phrase, plurals, explicit, ok := splitPlurals(p)
		if !ok {
			l.errs.Add(file, ln.num, ln.col, "unclosed '{' in %q", p)
			return
		}
		phrase = strings.TrimRight(strings.TrimLeft(phrase, "+"), "_")
		forms, err := expandMarks(phrase, marks)
		if err != "" {
			l.errs.Add(file, ln.num, ln.col, "%s", err)
			return
		}
		if len(forms) == 1 {
			if explicit {
				forms = append(forms, plurals...)
			} else {
				forms = append(forms, nounPlural(phrase))
			}
		}
		// Agents match exactly the forms generated (PETRARCH has no
		// endings), plus the possessive that raw text writes as one word.
		for _, f := range forms {
			for _, g := range []string{f, f + "'S"} {
				if r, _ := l.petrRoot(file, ln, g, Agent, true); r != nil {
					r.Agent = ac
				}
			}
		}
	})
}

// petrPrepositions adds FROM to TABARI's built-in prepositions IN and OF
// (formats.md 9) when PETRARCH agents are loaded: PETRARCH attaches an
// agent across "from" as well ("soldiers from Gondor" is GONMIL).
func (l *loader) petrPrepositions() {
	if l.seen[phraseKey([]Elem{{Text: "FROM", Conn: Tight}})] != nil {
		return
	}
	l.addRoot(&Root{Type: Prep, Text: "FROM", Pos: Pos{File: "<petrarch>"},
		Elems: []Elem{{Kind: Word, Conn: Tight, Lit: l.lit("FROM"), Text: "FROM"}}})
}

// widenDates rewrites the six-digit dates of a code item as eight digits
// with PETRARCH's pivot: YY up to 30 is 20YY, later YY is 19YY (TABARI's
// pivot, used by ParseDigits, puts 30 in the 1900s).
func widenDates(item string) string {
	var b strings.Builder
	for i := 0; i < len(item); {
		j := i
		for j < len(item) && item[j] >= '0' && item[j] <= '9' {
			j++
		}
		if j == i {
			b.WriteByte(item[i])
			i++
			continue
		}
		run := item[i:j]
		if len(run) == 6 && (i == 0 || !isAlnum(item[i-1])) {
			if run[:2] <= "30" {
				b.WriteString("20")
			} else {
				b.WriteString("19")
			}
		}
		b.WriteString(run)
		i = j
	}
	return b.String()
}

// petrAgentCode reads "[~GOV]" or "[OPP~]".
func (l *loader) petrAgentCode(file string, ln line) (AgentCode, bool) {
	c := ln.code
	if rb := strings.IndexByte(c, ']'); rb >= 0 {
		c = c[1:rb]
	} else {
		l.errs.Add(file, ln.num, ln.codeCol, "unclosed '['")
		return AgentCode{}, false
	}
	c = strings.TrimSpace(c)
	tl := strings.IndexByte(c, '~')
	if tl < 0 {
		l.errs.Add(file, ln.num, ln.codeCol, "agent code [%s] has no '~'", c)
		return AgentCode{}, false
	}
	ac := AgentCode{Code: c[tl+1:]}
	if tl > 0 {
		ac = AgentCode{Code: c[:tl], Before: true}
	}
	if ac.Code == "" {
		l.errs.Add(file, ln.num, ln.codeCol, "empty agent code [%s]", c)
		return AgentCode{}, false
	}
	return ac, true
}

// splitPlurals separates "PHRASE {A B}" into the phrase and its listed
// forms; explicit reports whether braces were written.
func splitPlurals(p string) (phrase string, forms []string, explicit, ok bool) {
	lb := strings.IndexByte(p, '{')
	if lb < 0 {
		return strings.TrimSpace(p), nil, false, true
	}
	rb := strings.IndexByte(p[lb:], '}')
	if rb < 0 {
		return "", nil, false, false
	}
	for _, f := range strings.FieldsFunc(p[lb+1:lb+rb], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
		forms = append(forms, strings.TrimLeft(f, "+"))
	}
	return strings.TrimSpace(p[:lb]), forms, true, true
}

// expandMarks replaces every "!NAME!" marker in phrase by each of its
// values, giving one phrase per combination.
func expandMarks(phrase string, marks map[string][]string) ([]string, string) {
	out := []string{phrase}
	for {
		i := strings.IndexByte(out[0], '!')
		if i < 0 {
			return out, ""
		}
		j := strings.IndexByte(out[0][i+1:], '!')
		if j < 0 {
			return nil, "unclosed substitution marker in " + phrase
		}
		name := out[0][i : i+j+2]
		vals, ok := marks[name]
		if !ok {
			return nil, "undefined substitution marker " + name
		}
		if len(out)*len(vals) > 1000 {
			return nil, "too many substitutions in " + phrase
		}
		var next []string
		for _, o := range out {
			for _, v := range vals {
				next = append(next, strings.Replace(o, name, strings.ToUpper(v), 1))
			}
		}
		out = next
	}
}

// nounPlural returns the regular plural of a phrase's last word: +S, a
// consonant's Y to IES, +ES after S, X, Z, CH and SH.
func nounPlural(phrase string) string {
	w := phrase
	switch {
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}
