package dict

import (
	"fmt"
	"strconv"
	"strings"
)

// Sections of a verbs file.
const (
	secVerbs = iota
	secSyn
	secTime
	secAttrib
)

// readVerbs reads a .verbs file (formats.md 8): <SYNSETS>, <TIME> and
// <ATTRIB> sections, headwords with codes, "{...}" forms and "-" patterns.
func (l *loader) readVerbs(file, src string) {
	sec := secVerbs
	var cur *VerbEntry // the entry patterns and forms attach to
	var syn *Synset
	lines(src, func(ln line) {
		p := ln.phrase
		if ln.verb && p[0] == '<' {
			cur, syn = nil, nil
			switch {
			case strings.Contains(p, "</SYN"), strings.Contains(p, "</TIME>"), strings.Contains(p, "</ATTRIB"):
				sec = secVerbs
			case strings.Contains(p, "<SYN"):
				sec = secSyn
			case strings.Contains(p, "<TIME>"):
				sec = secTime
				l.d.HasTime = true
			case strings.Contains(p, "<ATTRIB"):
				sec = secAttrib
				l.d.HasAttr = true
			default:
				l.errs.Add(file, ln.num, ln.col, "unknown section marker %q", p)
			}
			return
		}
		if sec == secSyn {
			l.synsetLine(file, ln, &syn)
			return
		}
		switch {
		case p == "":
			l.errs.Add(file, ln.num, ln.codeCol, "code without a phrase")
		case ln.verb:
			l.errs.Add(file, ln.num, ln.col, "synset name %q outside <SYNSETS>", p)
		case p[0] == '-':
			if cur == nil {
				l.errs.Add(file, ln.num, ln.col, "pattern before any headword")
				return
			}
			l.pattern(file, ln, cur, sec)
		case p[0] == '{':
			if cur == nil {
				l.errs.Add(file, ln.num, ln.col, "verb forms before any headword")
				return
			}
			body := p[1:]
			if i := strings.IndexByte(body, '}'); i >= 0 {
				body = body[:i]
			}
			for _, f := range strings.Fields(body) {
				if r := l.root(file, ln, f, cur.Head.Type); r != nil {
					r.Verb = cur
				}
			}
		default:
			t := Verb
			switch sec {
			case secTime:
				t = Time
			case secAttrib:
				t = AttribT
			}
			v := &VerbEntry{}
			if ln.code != "" {
				c, err := parseCode(ln.code, sec == secTime)
				if err != nil {
					l.errs.Add(file, ln.num, ln.codeCol, "%v", err)
					c = Code{Raw: ln.code, A: Null}
				}
				v.Code, v.HasCode = c, true
			} else if sec != secAttrib {
				l.errs.Add(file, ln.num, ln.col, "headword %q has no code", p)
				v.Code = Code{A: Null}
			}
			r := l.root(file, ln, p, t)
			if r == nil {
				// A duplicate or malformed headword: its patterns and forms
				// are read but attached to nothing that can match.
				r = &Root{Type: t, Text: p, Pos: Pos{File: file, Line: ln.num}}
			}
			r.Verb, v.Head = v, r
			cur = v
			l.verbs = append(l.verbs, v)
		}
	})
}

// synsetLine handles a line inside <SYNSETS>.
func (l *loader) synsetLine(file string, ln line, syn **Synset) {
	p := ln.phrase
	switch {
	case ln.verb && p[0] == '&':
		name := strings.Fields(p)[0]
		if _, dup := l.d.synByName[name]; dup {
			l.errs.Add(file, ln.num, ln.col, "synset %s declared twice", name)
			*syn = nil
			return
		}
		s := &Synset{Name: name, Pos: Pos{File: file, Line: ln.num}}
		*syn = s
		l.d.Synsets = append(l.d.Synsets, s)
		l.d.synByName[name] = len(l.d.Synsets) - 1
	case p != "" && p[0] == '+':
		if *syn == nil {
			l.errs.Add(file, ln.num, ln.col, "synset member %q without a synset", p)
			return
		}
		text := strings.TrimSpace(p[1:])
		if strings.Contains(text, (*syn).Name) && strings.Contains(text+" ", (*syn).Name+" ") || strings.Contains(text, (*syn).Name+"_") {
			l.errs.Add(file, ln.num, ln.col, "synset member refers to its own synset %s", (*syn).Name)
			return
		}
		if strings.ContainsAny(text, "{|}") {
			l.errs.Add(file, ln.num, ln.col, "alternatives are not allowed in a synset member")
			return
		}
		els, ok := l.elems(file, ln, text, true)
		if !ok {
			return
		}
		for _, e := range els {
			if e.Kind == Star {
				l.errs.Add(file, ln.num, ln.col, "'*' in a synset member")
				return
			}
		}
		n, _ := phraseLength(text)
		(*syn).Members = append((*syn).Members, &Member{Elems: els, Len: n, Text: text})
	default:
		l.errs.Add(file, ln.num, ln.col, "unexpected line %q in <SYNSETS>", p)
	}
}

// pattern reads a "- ... * ... [code]" line.
func (l *loader) pattern(file string, ln line, v *VerbEntry, sec int) {
	isTime := sec == secTime
	text := strings.TrimSpace(ln.phrase[1:])
	if strings.Count(text, "*") != 1 {
		l.errs.Add(file, ln.num, ln.col, "pattern %q must contain exactly one '*'", text)
		return
	}
	var c Code
	switch {
	case ln.code == "" && sec == secAttrib: // attribution patterns need no code
	case ln.code == "":
		l.errs.Add(file, ln.num, ln.col, "pattern %q has no code", text)
		return
	default:
		var err error
		if c, err = parseCode(ln.code, isTime); err != nil {
			l.errs.Add(file, ln.num, ln.codeCol, "%v", err)
			return
		}
	}
	els, ok := l.elems(file, ln, text, true)
	if !ok {
		return
	}
	pt := &Pattern{Elems: els, Code: c, Text: text, Pos: Pos{File: file, Line: ln.num}}
	depth := 0
	for i, e := range els {
		switch e.Kind {
		case Star:
			pt.Star = i
		case GroupOpen:
			depth++
		case GroupClose:
			depth--
		}
		if depth < 0 || depth > 1 || (e.Kind == GroupBar && depth != 1) {
			l.errs.Add(file, ln.num, ln.col, "unbalanced or nested { | } in pattern")
			return
		}
		if e.Kind == Star && depth != 0 {
			l.errs.Add(file, ln.num, ln.col, "'*' inside alternatives")
			return
		}
	}
	if depth != 0 {
		l.errs.Add(file, ln.num, ln.col, "unclosed '{' in pattern")
		return
	}
	pt.Len, pt.AltAllow = phraseLength(text)
	depth = 0
	for _, e := range els {
		switch {
		case e.Kind == GroupOpen:
			depth++
		case e.Kind == GroupClose:
			depth--
		case e.Kind == Word && depth == 0:
			pt.Required = append(pt.Required, e.Lit)
		}
	}
	v.Patterns = append(v.Patterns, pt)
}

// parseCode reads the first bracketed code of a verb, pattern or time
// entry (formats.md 8.5, 8.7).
func parseCode(raw string, isTime bool) (Code, error) {
	raw = strings.TrimSpace(raw)
	rb := strings.IndexByte(raw, ']')
	if len(raw) == 0 || raw[0] != '[' || rb < 0 {
		return Code{}, fmt.Errorf("malformed code %q", raw)
	}
	s := strings.TrimSpace(raw[1:rb])
	c := Code{Raw: s}
	if s == "" {
		return c, fmt.Errorf("empty code []")
	}
	if s == Null || s == Discard || s == Complex {
		c.A = s
		return c, nil
	}
	if isTime {
		n, err := strconv.Atoi(strings.Join(strings.Fields(s), "")) // "- - -" reads as 0
		if err != nil {
			if strings.Trim(s, "- ") == "" {
				return c, nil
			}
			return c, fmt.Errorf("time code [%s] is not a number of days", s)
		}
		if n > 8191 || n < -8191 {
			return c, fmt.Errorf("time shift [%s] exceeds 8191 days", s)
		}
		c.Shift = n
		return c, nil
	}
	half := func(h string) (string, bool, bool, error) {
		h = strings.TrimSpace(h)
		sub, dom := false, false
		switch {
		case strings.HasSuffix(h, "?"):
			sub, h = true, h[:len(h)-1]
		case strings.HasSuffix(h, "!"):
			dom, h = true, h[:len(h)-1]
		}
		for i := 0; i < len(h); i++ {
			if !isAlnum(h[i]) && h[i] != '-' && h[i] != '#' && h[i] != '+' && h[i] != '.' {
				return "", false, false, fmt.Errorf("bad character %q in code [%s]", h[i], s)
			}
		}
		return h, sub, dom, nil
	}
	var err error
	if i := strings.IndexByte(s, ':'); i >= 0 {
		c.Paired = true
		if c.A, c.ASub, c.ADom, err = half(s[:i]); err != nil {
			return c, err
		}
		c.B, c.BSub, c.BDom, err = half(s[i+1:])
		return c, err
	}
	c.A, c.ASub, c.ADom, err = half(s)
	if err == nil && c.A == "" {
		err = fmt.Errorf("empty code [%s]", s)
	}
	return c, err
}
