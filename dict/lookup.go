package dict

import (
	"sort"
	"strconv"
	"strings"
)

// Resolution is a dictionary entry that a phrase resolves to.
type Resolution struct {
	Root  *Root
	Words int    // how many words of the phrase the entry covers
	Score int    // matched characters; the coder prefers the highest
	Code  string // the code on the date: actor code, "~AGENT"/"AGENT~", verb code
	Note  string // "no code applies on this date", "synonym of ...", ...
}

// Lookup returns the entries whose phrase matches the beginning of the
// given text (as words, with the stem, whole-word and ending rules of
// formats.md 5), best first: the coder takes the entry matching the most
// characters, and among equals the one loaded first. Codes are resolved
// for day d. Built-in words are included.
func (d *Dict) Lookup(text string, day Day) []Resolution {
	words := strings.Fields(strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', ',', '.', ';', ':', '"':
			return ' '
		}
		return r
	}, strings.ToUpper(text)))
	if len(words) == 0 {
		return nil
	}
	var out []Resolution
	for _, m := range d.MatchWord(nil, words[0]) {
		for _, r := range d.RootsStarting(m.Lit) {
			if n, sc := matchWords(d, r, words); n > 0 {
				out = append(out, resolve(r, n, sc, day))
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Root.Order < out[j].Root.Order
	})
	return out
}

// matchWords matches root r against consecutive words from the first, and
// returns how many words it covers and its score, or 0.
func matchWords(d *Dict, r *Root, words []string) (int, int) {
	q, score := 0, 0
	for i := range r.Elems {
		e := &r.Elems[i]
		if q >= len(words) {
			return 0, 0
		}
		w := words[q]
		lit := d.Literal(e.Lit)
		if !strings.HasPrefix(w, lit) {
			return 0, 0
		}
		score += len(lit)
		if rest := w[len(lit):]; rest != "" && !e.RootStemOK() {
			if e.Conn == NoEnd || i != len(r.Elems)-1 || !ending(r.Type, lit, rest) {
				return 0, 0
			}
			score += len(rest)
		}
		q++
	}
	return q, score
}

// ending mirrors the coder's regular endings (formats.md 5.4).
func ending(t Type, lit, rest string) bool {
	switch t {
	case Actor, Agent, Noun:
		return rest == "S" || rest == "'S" || rest == "ES"
	case Verb:
		switch rest {
		case "S", "ED", "ES", "EN", "ING":
			return true
		case "D":
			return strings.HasSuffix(lit, "E")
		}
	}
	return false
}

func resolve(r *Root, n, score int, day Day) Resolution {
	res := Resolution{Root: r, Words: n, Score: score}
	switch {
	case r.Actor != nil:
		code, ok := r.Actor.Resolve(day)
		res.Code = code
		if !ok {
			res.Note = "no code applies on this date"
		}
		if r.Parent != nil {
			res.Note = strings.TrimSpace(res.Note + " synonym of " + r.Parent.Text + " (" + r.Parent.Pos.String() + ")")
		}
	case r.Type == Agent:
		if r.Agent.Before {
			res.Code = r.Agent.Code + "~"
		} else {
			res.Code = "~" + r.Agent.Code
		}
	case r.Verb != nil:
		res.Code = r.Verb.Code.Raw
		if res.Code == "" {
			res.Code = r.Verb.Code.A
		}
		if len(r.Verb.Patterns) > 0 {
			res.Note = plural(len(r.Verb.Patterns), "pattern")
		}
	}
	return res
}

func plural(n int, s string) string {
	if n == 1 {
		return "1 " + s
	}
	return strconv.Itoa(n) + " " + s + "s"
}
