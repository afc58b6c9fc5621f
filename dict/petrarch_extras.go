package dict

import "strings"

// DiscardPhrase is an entry of a PETRARCH discards file (formats.md 15):
//
//	# comment
//	MONTHS LATER            a sentence containing it is not coded
//	+Manchester United      a story containing it is not coded
//	BASEBALL_               a trailing "_" asks for the whole word
//
// PETRARCH looks for " " + phrase in the sentence, ignoring case, so the
// phrase starts at a word and (without "_") may end inside one.
type DiscardPhrase struct {
	Text  string   // as written, without "+" and comments
	Words []string // upper case
	Story bool     // "+": discard the whole story
	Whole bool     // trailing "_": the last word must be whole
	Pos   Pos
}

// IssuePhrase is an entry of Phoenix.IssueCoding.txt (formats.md 15):
//
//	<ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//	n:teacher [TEACHERS]            noun: also "teachers"
//	pre+n:school [EARLY_CHILDHOOD_EDUCATION]   "pre school", "preschool(s)"
//	v:strike [LABOR]                verb: strikes, striked, striking
//	~a head start                   cancels issue phrases inside it
//	eurozone                        no code: the category's name
//	</ISSUE>
type IssuePhrase struct {
	Text     string
	Code     string // empty for a cancelling phrase
	Category string
	Cancel   bool
	Pos      Pos
}

// petrIndex holds the lookup tables of the PETRARCH additions.
type petrIndex struct {
	disc       map[string][]*DiscardPhrase // by first word
	discPrefix prefixSet                   // one-word discards that may end inside a word
	issue      map[string][]issueVariant   // by first word
}

type issueVariant struct {
	words []string
	ph    *IssuePhrase
}

// readDiscards reads a PETRARCH discards file.
func (l *loader) readDiscards(file, src string) {
	petrLines(src, func(pl petrLine) {
		t := pl.raw
		dp := &DiscardPhrase{Pos: Pos{File: file, Line: pl.num}}
		if t[0] == '+' {
			dp.Story, t = true, strings.TrimSpace(t[1:])
		}
		dp.Text = t
		if strings.HasSuffix(t, "_") {
			dp.Whole = true
		}
		dp.Words = strings.FieldsFunc(strings.ToUpper(t), func(r rune) bool { return r == ' ' || r == '_' || r == '\t' })
		if len(dp.Words) == 0 || len(t) < 2 {
			l.errs.Add(file, pl.num, pl.col, "discard phrase %q is too short", t)
			return
		}
		l.d.Discards = append(l.d.Discards, dp)
	})
}

// readIssues reads Phoenix.IssueCoding.txt.
func (l *loader) readIssues(file, src string) {
	cat := ""
	petrLines(src, func(pl petrLine) {
		ln := pl.line
		if ln.verb && pl.raw[0] == '<' {
			up := strings.ToUpper(pl.raw)
			switch {
			case strings.HasPrefix(up, "</ISSUE"):
				cat = ""
			case strings.HasPrefix(up, "<ISSUE"):
				cat = attr(pl.raw, "CATEGORY")
				if cat == "" {
					l.errs.Add(file, ln.num, ln.col, "<ISSUE> without CATEGORY")
				}
			default:
				l.errs.Add(file, ln.num, ln.col, "unexpected %q in an issues file", pl.raw)
			}
			return
		}
		ip := &IssuePhrase{Category: cat, Pos: Pos{File: file, Line: ln.num}}
		p := ln.phrase
		switch {
		case p != "" && p[0] == '~':
			ip.Cancel, p = true, p[1:]
		case ln.code == "":
			if cat == "" {
				l.errs.Add(file, ln.num, ln.col, "issue phrase %q has no code and no <ISSUE CATEGORY>", p)
				return
			}
			ip.Code = cat // a phrase without a code stands for its category
		default:
			rb := strings.IndexByte(ln.code, ']')
			if rb < 0 || strings.TrimSpace(ln.code[1:rb]) == "" {
				l.errs.Add(file, ln.num, ln.codeCol, "malformed issue code %q", ln.code)
				return
			}
			ip.Code = strings.TrimSpace(ln.code[1:rb])
		}
		ip.Text = strings.TrimSpace(p)
		if len(ip.Text) < 2 {
			l.errs.Add(file, ln.num, ln.col, "issue phrase %q is too short", ip.Text)
			return
		}
		l.d.Issues = append(l.d.Issues, ip)
	})
}

// attr returns the value of name="..." in an XML-like tag.
func attr(tag, name string) string {
	up := strings.ToUpper(tag)
	i := strings.Index(up, name)
	if i < 0 {
		return ""
	}
	rest := tag[i+len(name):]
	q := strings.IndexByte(rest, '"')
	if q < 0 {
		return ""
	}
	rest = rest[q+1:]
	if e := strings.IndexByte(rest, '"'); e >= 0 {
		return rest[:e]
	}
	return ""
}

// issueVariants expands an issue phrase into word sequences: "n:" adds
// the plural, "v:" the verb forms, and "a+b" gives both "a b" and "ab".
func issueVariants(text string) [][]string {
	var alts [][][]string // per token, its alternatives
	for _, tok := range strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '_' }) {
		parts := strings.Split(tok, "+")
		joined := [][]string{{}}
		for _, part := range parts {
			var forms []string
			switch {
			case strings.HasPrefix(part, "N:"):
				forms = []string{part[2:], nounPlural(part[2:])}
			case strings.HasPrefix(part, "V:"):
				forms = verbForms(part[2:])
			default:
				forms = []string{part}
			}
			var next [][]string
			for _, j := range joined {
				for _, f := range forms {
					if f != "" {
						next = append(next, append(append([]string(nil), j...), f))
					}
				}
			}
			joined = next
		}
		var tokAlts [][]string
		for _, j := range joined {
			tokAlts = append(tokAlts, j)
			if len(j) > 1 {
				tokAlts = append(tokAlts, []string{strings.Join(j, "")})
			}
		}
		alts = append(alts, tokAlts)
	}
	out := [][]string{{}}
	for _, ta := range alts {
		var next [][]string
		for _, o := range out {
			for _, a := range ta {
				if len(next) < 256 {
					next = append(next, append(append([]string(nil), o...), a...))
				}
			}
		}
		out = next
	}
	if len(out) == 1 && len(out[0]) == 0 {
		return nil
	}
	return out
}

// buildPetrIndex builds the discard and issue tables.
func (d *Dict) buildPetrIndex() {
	x := &d.petr
	if len(d.Discards) > 0 {
		x.disc = map[string][]*DiscardPhrase{}
		for _, dp := range d.Discards {
			if len(dp.Words) == 1 && !dp.Whole {
				x.discPrefix.add(dp.Words[0], dp)
			}
			x.disc[dp.Words[0]] = append(x.disc[dp.Words[0]], dp)
		}
	}
	if len(d.Issues) > 0 {
		x.issue = map[string][]issueVariant{}
		for _, ip := range d.Issues {
			for _, v := range issueVariants(ip.Text) {
				x.issue[v[0]] = append(x.issue[v[0]], issueVariant{v, ip})
			}
		}
	}
}

// textWords splits text into upper-case words: runs of letters, digits
// and apostrophes (bytes of 0x80 and above count as letters).
func textWords(text string, buf []string) []string {
	start := -1
	up := strings.ToUpper(text)
	for i := 0; i <= len(up); i++ {
		in := i < len(up) && (isAlnum(up[i]) || up[i] == '\'' || up[i] >= 0x80)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			buf = append(buf, up[start:i])
			start = -1
		}
	}
	return buf
}

// DiscardIn returns the first discard phrase found in a sentence, or nil.
func (d *Dict) DiscardIn(text string) *DiscardPhrase { return d.discardIn(text, false) }

func (d *Dict) discardIn(text string, storyOnly bool) *DiscardPhrase {
	x := &d.petr
	if x.disc == nil {
		return nil
	}
	words := textWords(text, make([]string, 0, 64))
	for i, w := range words {
		for _, dp := range x.disc[w] {
			if (dp.Story || !storyOnly) && discardAt(dp, words, i) {
				return dp
			}
		}
		if dp := x.discPrefix.find(w, storyOnly); dp != nil {
			return dp
		}
	}
	return nil
}

// StoryDiscard returns the first story discard phrase ("+" entries) found
// anywhere in a document's text, or nil: such a document is not coded.
func (d *Dict) StoryDiscard(text string) *DiscardPhrase { return d.discardIn(text, true) }

// discardAt reports whether dp matches words from i on; its first word
// is known to equal words[i].
func discardAt(dp *DiscardPhrase, words []string, i int) bool {
	n := len(dp.Words)
	if i+n > len(words) {
		return false
	}
	for k := 1; k < n; k++ {
		w, want := words[i+k], dp.Words[k]
		if k == n-1 && !dp.Whole {
			if !strings.HasPrefix(w, want) {
				return false
			}
		} else if w != want {
			return false
		}
	}
	return true
}

// IssuesIn returns the issue codes of the issue phrases found in text, one
// per occurrence, in text order. Occurrences inside a cancelling phrase
// ("~a head start") do not count.
func (d *Dict) IssuesIn(text string) []string {
	x := &d.petr
	if x.issue == nil {
		return nil
	}
	words := textWords(text, make([]string, 0, 64))
	type hit struct {
		start, end int
		ph         *IssuePhrase
	}
	var hits []hit
	for i, w := range words {
		for _, v := range x.issue[w] {
			if i+len(v.words) > len(words) {
				continue
			}
			ok := true
			for k := 1; k < len(v.words); k++ {
				if words[i+k] != v.words[k] {
					ok = false
					break
				}
			}
			if ok {
				hits = append(hits, hit{i, i + len(v.words), v.ph})
			}
		}
	}
	var out []string
	for _, h := range hits {
		if h.ph.Cancel {
			continue
		}
		cancelled := false
		for _, c := range hits {
			if c.ph.Cancel && c.start <= h.start && h.end <= c.end {
				cancelled = true
				break
			}
		}
		if !cancelled {
			out = append(out, h.ph.Code)
		}
	}
	return out
}

// prefixSet finds the one-word discard phrases that a word begins with: a
// byte trie whose edges are keyed by node<<8|byte in one map.
type prefixSet struct {
	edges map[uint64]int32
	end   [][]*DiscardPhrase // phrases ending at each node; node 0 is the root
}

func (p *prefixSet) add(word string, dp *DiscardPhrase) {
	if p.edges == nil {
		p.edges, p.end = map[uint64]int32{}, make([][]*DiscardPhrase, 1)
	}
	n := int32(0)
	for i := 0; i < len(word); i++ {
		k := uint64(n)<<8 | uint64(word[i])
		next, ok := p.edges[k]
		if !ok {
			next = int32(len(p.end))
			p.end = append(p.end, nil)
			p.edges[k] = next
		}
		n = next
	}
	p.end[n] = append(p.end[n], dp)
}

// find returns a phrase that w begins with (a story phrase when storyOnly
// is set), or nil.
func (p *prefixSet) find(w string, storyOnly bool) *DiscardPhrase {
	n := int32(0)
	for i := 0; i < len(w) && p.edges != nil; i++ {
		next, ok := p.edges[uint64(n)<<8|uint64(w[i])]
		if !ok {
			return nil
		}
		n = next
		for _, dp := range p.end[n] {
			if dp.Story || !storyOnly {
				return dp
			}
		}
	}
	return nil
}
