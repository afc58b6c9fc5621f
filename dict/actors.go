package dict

import "strings"

// readActors reads an .actors file (formats.md 6): entries with codes,
// "+" synonyms, code lines starting with '[', and <NOUN>/<ADJECTIVE>
// sections.
func (l *loader) readActors(file, src string) {
	section := None // Noun or Adjctv inside a section
	var (
		codes    *ActorCodes // current group's codes
		head     *Root
		headLine line
		pending  bool // the head had no code on its line
		gathered strings.Builder
		gcol     int
	)
	closeGroup := func() {
		if pending {
			if gathered.Len() == 0 {
				l.errs.Add(file, headLine.num, headLine.col, "actor %q has no code", headLine.phrase)
			} else {
				l.actorCodes(file, headLine.num, gcol, gathered.String(), codes)
			}
		}
		pending, head, codes = false, nil, nil
		gathered.Reset()
	}
	lines(src, func(ln line) {
		p := ln.phrase
		if ln.verb && p[0] == '<' {
			closeGroup()
			switch {
			case strings.Contains(p, "</NOUN"), strings.Contains(p, "</ADJ"):
				section = None
			case strings.Contains(p, "<NOUN"):
				section = Noun
			case strings.Contains(p, "<ADJ"):
				section = Adjctv
			default:
				l.errs.Add(file, ln.num, ln.col, "unknown section marker %q", p)
			}
			return
		}
		if section != None {
			l.root(file, ln, p, section)
			return
		}
		switch {
		case p == "" && ln.code != "": // a code line
			if pending {
				if gathered.Len() == 0 {
					gcol = ln.codeCol
				}
				gathered.WriteString(ln.code)
				gathered.WriteByte(' ')
			}
		case p[0] == '+':
			if codes == nil {
				l.errs.Add(file, ln.num, ln.col, "synonym %q without an entry before it", p)
				return
			}
			if r := l.root(file, ln, p[1:], Actor); r != nil {
				r.Actor, r.Parent = codes, head
			}
		default:
			closeGroup()
			codes = &ActorCodes{}
			head = l.root(file, ln, p, Actor)
			headLine = ln
			if head != nil {
				head.Actor = codes
			}
			if ln.code != "" {
				l.actorCodes(file, ln.num, ln.codeCol, ln.code, codes)
			} else {
				pending = true
			}
		}
	})
	closeGroup()
}

// actorCodes parses "[A] [B <950601] [C 950601-990815]" into codes
// (formats.md 6.3).
func (l *loader) actorCodes(file string, num, col int, raw string, codes *ActorCodes) {
	codes.Raw = strings.TrimSpace(raw)
	firstOpDigit := false
	n := 0
	closed := l.bracketItems(file, num, col, raw, func(item string, at int) {
		dc, opDigit, msg := parseDatedCode(item)
		if msg != "" {
			l.errs.Add(file, num, at, "%s in [%s]", msg, item)
			return
		}
		if n == 0 {
			firstOpDigit = opDigit
		}
		n++
		codes.Items = append(codes.Items, dc)
	})
	if closed && n == 1 && firstOpDigit {
		codes.Items = append(codes.Items, DatedCode{Code: Null})
	}
}

// bracketItems calls f with the trimmed text of each "[...]" of raw (a
// field starting at column col of line num) and the column just after
// its '['. Text outside brackets and empty brackets are reported; an
// unclosed '[' is reported and ends the field, and bracketItems then
// returns false.
func (l *loader) bracketItems(file string, num, col int, raw string, f func(item string, at int)) bool {
	for i := 0; i < len(raw); {
		lb := strings.IndexByte(raw[i:], '[')
		if lb < 0 {
			if t := strings.TrimSpace(raw[i:]); t != "" {
				l.errs.Add(file, num, col+i, "text outside brackets in code %q", t)
			}
			break
		}
		lb += i
		rb := strings.IndexByte(raw[lb:], ']')
		if rb < 0 {
			l.errs.Add(file, num, col+lb, "unclosed '['")
			return false
		}
		rb += lb
		item := strings.TrimSpace(raw[lb+1 : rb])
		i = rb + 1
		if item == "" {
			l.errs.Add(file, num, col+lb, "empty code []")
			continue
		}
		f(item, col+lb+1)
	}
	return true
}

// parseDatedCode reads "CODE", "CODE <D", "CODE >D" or "CODE D1-D2". It
// reports whether the first date operator is immediately followed by a
// digit, and an error message.
func parseDatedCode(item string) (DatedCode, bool, string) {
	var dc DatedCode
	i := 0
	for i < len(item) && item[i] != ' ' && item[i] != '\t' && item[i] != '<' && item[i] != '>' {
		i++
	}
	code := item[:i]
	if c := strings.IndexByte(code, ':'); c > 0 {
		code = code[:c] // ACTOR:AGENT: only the actor half is used
	}
	if code == "" {
		return dc, false, "missing code"
	}
	if code != Null && strings.IndexByte(code, '-') >= 0 || code[0] >= '0' && code[0] <= '9' && len(code) >= 6 {
		return dc, false, "malformed code (a date without a code?)"
	}
	dc.Code = code
	rest := strings.TrimSpace(item[i:])
	if rest == "" {
		return dc, false, ""
	}
	digits := func(s string) (Day, string, bool) {
		s = strings.TrimLeft(s, " \t")
		j := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		d, ok := ParseDigits(s[:j])
		return d, s[j:], ok
	}
	switch rest[0] {
	case '<', '>':
		dc.Op = rest[0]
		opDigit := len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9'
		d, tail, ok := digits(rest[1:])
		if !ok || strings.TrimSpace(tail) != "" {
			return dc, false, "malformed date"
		}
		dc.From = d
		return dc, opDigit, ""
	}
	d1, tail, ok := digits(rest)
	if !ok {
		return dc, false, "malformed date"
	}
	tail = strings.TrimLeft(tail, " \t")
	if tail == "" || tail[0] != '-' {
		return dc, false, "malformed date range"
	}
	opDigit := len(tail) > 1 && tail[1] >= '0' && tail[1] <= '9'
	d2, tail, ok := digits(tail[1:])
	if !ok || strings.TrimSpace(tail) != "" {
		return dc, false, "malformed date range"
	}
	dc.Op, dc.From, dc.To = '-', d1, d2
	return dc, opDigit, ""
}

// readAgents reads an .agents file (formats.md 7.1): phrases with "~XYZ"
// or "XYZ~" codes.
func (l *loader) readAgents(file, src string) {
	var last AgentCode
	haveLast := false
	lines(src, func(ln line) {
		p := ln.phrase
		if ln.verb {
			l.errs.Add(file, ln.num, ln.col, "unexpected %q in an agents file", p)
			return
		}
		if p == "" {
			l.errs.Add(file, ln.num, ln.codeCol, "code without a phrase")
			return
		}
		if p[0] == '+' {
			if !haveLast {
				l.errs.Add(file, ln.num, ln.col, "synonym %q without an entry before it", p)
				return
			}
			if r := l.root(file, ln, p[1:], Agent); r != nil {
				r.Agent = last
			}
			return
		}
		haveLast = false
		if ln.code == "" {
			l.errs.Add(file, ln.num, ln.col, "agent %q has no code", p)
			return
		}
		c := strings.TrimSpace(strings.Trim(strings.TrimSpace(ln.code), "[]"))
		if rb := strings.IndexByte(ln.code, ']'); rb >= 0 {
			c = strings.TrimSpace(ln.code[1:rb])
		}
		tl := strings.IndexByte(c, '~')
		if tl < 0 {
			l.d.Warnings.Add(file, ln.num, ln.codeCol, "agent code [%s] has no '~'; entry skipped", c)
			return
		}
		ac := AgentCode{Code: c[tl+1:]}
		if tl > 0 {
			ac = AgentCode{Code: c[:tl], Before: true}
		}
		if ac.Code == "" {
			l.errs.Add(file, ln.num, ln.codeCol, "empty agent code [%s]", c)
			return
		}
		last, haveLast = ac, true
		if r := l.root(file, ln, p, Agent); r != nil {
			r.Agent = ac
		}
	})
}
