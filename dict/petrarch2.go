package dict

import "strings"

// PETRARCH-2 verb dictionaries (CAMEO.2.0.txt; formats.md 15) have the
// block, verb and synset syntax of PETRARCH-1 (petrarch_verbs.go) but
// patterns written for parse trees:
//
//	- * (TO BORDER)                   [154]     a prepositional phrase
//	- * {ARMS SHIPMENT}               [072]     a noun phrase, head last
//	- * (TO {BANNED PARTIES}) $       [1722]
//	- * (TO)                          [042:043]
//	- &MILITARY *                     [:154]    only the reversed event
//
// and verb-on-verb transformations after the patterns:
//
//	~ a (a b ATTACK) SAY = a b 015
//
// The shallow coder has no parse tree, so a pattern is mapped to the
// linear pattern of its words in order, whole words with gaps allowed
// ("* TO_ BORDER"): a phrase's words must appear in that order after (or
// before) the verb. A code "[:b]" becomes code b with the source and
// target tokens of the pattern swapped. Transformations are parsed,
// checked and kept in Dict.Transforms; the coder does not apply them.

// Transform is a PETRARCH-2 verb-on-verb transformation: when an outer
// verb (OuterVerb, with source variable Source) governs an inner clause
// (InnerSource InnerTarget InnerVerb), the pair is recoded as
// ResultSource ResultTarget ResultCode. Variables are lower-case letters;
// "." is any actor and "_" an absent one; "Q" as a verb or code stands
// for the inner verb's own code.
type Transform struct {
	Text                                string
	Source                              string
	InnerSource, InnerTarget, InnerVerb string
	OuterVerb                           string
	ResultSource, ResultTarget          string
	ResultCode                          string
	Pos                                 Pos
}

// p2Linear removes the parse-tree brackets "(...)" and "{...}" of a
// PETRARCH-2 pattern, keeping its elements in order.
func p2Linear(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '(', ')', '{', '}':
			return ' '
		}
		return r
	}, s)
}

// p2Reverse turns "[:b]" into "[b]" and swaps "$" and "+" in the pattern.
func p2Reverse(phrase, code string) (string, string) {
	c := strings.TrimSpace(code)
	if !strings.HasPrefix(c, "[:") {
		return phrase, code
	}
	swapped := strings.Map(func(r rune) rune {
		switch r {
		case '$':
			return '+'
		case '+':
			return '$'
		}
		return r
	}, phrase)
	return swapped, "[" + c[2:]
}

// petrTransform reads "~ a (a b ATTACK) SAY = a b 015".
func (l *loader) petrTransform(file string, pl petrLine) {
	t := strings.TrimSpace(pl.raw[1:])
	bad := func(msg string) { l.errs.Add(file, pl.num, pl.col, "transformation %q: %s", pl.raw, msg) }
	eq := strings.IndexByte(t, '=')
	if eq < 0 {
		bad("no '='")
		return
	}
	lhs, rhs := t[:eq], strings.Fields(t[eq+1:])
	lp, rp := strings.IndexByte(lhs, '('), strings.IndexByte(lhs, ')')
	if lp < 0 || rp < lp {
		bad("no (inner clause)")
		return
	}
	pre, inner, post := strings.Fields(lhs[:lp]), strings.Fields(lhs[lp+1:rp]), strings.Fields(lhs[rp+1:])
	if len(pre) != 1 || len(inner) != 3 || len(post) != 1 {
		bad("want 'x (y z VERB) VERB'")
		return
	}
	if len(rhs) != 3 {
		bad("want 'x y CODE' after '='")
		return
	}
	l.d.Transforms = append(l.d.Transforms, &Transform{
		Text: pl.raw, Source: pre[0],
		InnerSource: inner[0], InnerTarget: inner[1], InnerVerb: strings.ToUpper(inner[2]),
		OuterVerb:    strings.ToUpper(post[0]),
		ResultSource: rhs[0], ResultTarget: rhs[1], ResultCode: rhs[2],
		Pos: Pos{File: file, Line: pl.num},
	})
}
