package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
)

// FinalRecord is the id of the record that ends a PETRARCH suite.
const FinalRecord = "FINAL-RECORD"

// Petrarch is a PETRARCH-1 XML validation suite (formats.md 14) coded by
// twintrack's shallow coder from each record's raw <Text> (or, with
// UseParse, the words of its <Parse> tree); the trees are otherwise used
// only to detect the bad_input_parse error.
//
// Judging follows PETRARCH-1: the coded (source, target, code) triples and
// the expected ones are compared as multisets; noevents expects none; an
// error expects that error (dateline, bad_input_parse, storydiscard,
// sentencediscard). A record is run when its category is in <Include>
// and, if "valid" is included, it is marked sentence="true"; the run ends
// at FINAL-RECORD.
//
// Options: comma_* map to the COMMA: limits; require_dyad=false and
// new_actor_length>0 (events with a missing or unknown actor, coded by
// PETRARCH from the parse tree) have no shallow-coder equivalent and are
// recorded but not applied, so the records that depend on them fail.
// PETRARCH's anonymous agent "---GOV" is the coder's converted agent
// "~GOV".
type Petrarch struct {
	Path string
	Dict *dict.Dict
	// UseParse codes the words of each record's <Parse> tree instead of
	// its <Text> (contractions joined back). The words usually agree; where
	// they do not (a few records parse a misspelt or different sentence),
	// PETRARCH coded the parse.
	UseParse bool
	// Ignored lists the <Config> changes of the last Run that have no
	// shallow-coder equivalent (require_dyad, new_actor_length).
	Ignored []PetrConfig
	file    *petrFile
}

// OpenPetrarch reads a PETRARCH XML suite and loads the dictionaries its
// <Environment> names (from the suite's directory, as one layer).
func OpenPetrarch(path string) (*Petrarch, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	defer fh.Close()
	pf, err := readPetrXML(fh, path)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	e := pf.Env
	var names []string
	for _, l := range [][]string{e.Actors, e.Agents, e.Verbs, e.Discards} {
		names = append(names, l...)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("validate: %s names no dictionaries in <Environment>", path)
	}
	d, err := dict.LoadFS(os.DirFS(filepath.Dir(path)), names...)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	return &Petrarch{Path: path, Dict: d, file: pf}, nil
}

// Records returns the records of the suite in file order.
func (p *Petrarch) Records() []*PetrRecord { return p.file.Records }

// petrOptions are PETRARCH's defaults expressed as coder options.
func petrOptions() dict.Options {
	o := dict.DefaultOptions()
	o.MinWords = 0
	o.ConvertAgents = true
	o.CommaMin, o.CommaMax = 2, 8
	o.CommaBMin, o.CommaBMax = 0, 0
	o.CommaEMin, o.CommaEMax = 2, 8
	return o
}

// applyConfig applies a <Config> option; it reports whether the option
// has an effect on the shallow coder.
func applyConfig(o *dict.Options, c PetrConfig) bool {
	n, err := strconv.Atoi(c.Value)
	set := func(p *int) bool {
		if err != nil {
			return false
		}
		*p = n
		return true
	}
	switch strings.ToLower(c.Option) {
	case "comma_min":
		return set(&o.CommaMin)
	case "comma_max":
		return set(&o.CommaMax)
	case "comma_bmin":
		return set(&o.CommaBMin)
	case "comma_bmax":
		return set(&o.CommaBMax)
	case "comma_emin":
		return set(&o.CommaEMin)
	case "comma_emax":
		return set(&o.CommaEMax)
	}
	return false
}

// Run codes and judges the records up to FinalRecord.
func (p *Petrarch) Run(report func(Outcome)) (*Summary, error) {
	c := coder.New(p.Dict)
	opts := petrOptions()
	p.Ignored = nil
	apply := func(cf PetrConfig) {
		if !applyConfig(&opts, cf) && !strings.EqualFold(cf.Option, "stop_on_error") {
			p.Ignored = append(p.Ignored, cf)
		}
	}
	for _, cf := range p.file.Configs {
		apply(cf)
	}
	include := map[string]bool{}
	for _, w := range p.file.Env.Include {
		include[w] = true
	}
	sum := &Summary{}
	idx := 0
	for _, rec := range p.file.Records {
		for _, cf := range rec.Configs {
			apply(cf)
		}
		if rec.ID == FinalRecord {
			break
		}
		if len(include) > 0 && (!include[rec.Category] || include["valid"] && !rec.Valid) {
			continue
		}
		o := p.judge(c, rec, &opts)
		o.Index = idx
		idx++
		if o.Pass {
			sum.Passed++
		} else {
			sum.Failed++
		}
		sum.Outcomes = append(sum.Outcomes, o)
		if report != nil {
			report(o)
		}
	}
	return sum, nil
}

// judge codes one record and compares the result with its expectations.
func (p *Petrarch) judge(c *coder.Coder, rec *PetrRecord, opts *dict.Options) Outcome {
	o := Outcome{ID: rec.ID, Expected: petrExpected(rec)}
	gotErr, triples := p.code(c, rec, opts)
	switch {
	case gotErr != "":
		o.Got = "error " + gotErr
	case len(triples) == 0:
		o.Got = "no events"
	default:
		o.Got = joinTriples(triples)
	}
	switch {
	case rec.Error != "":
		o.Pass = gotErr == rec.Error
		if !o.Pass {
			o.Reason = "expected error " + rec.Error
		}
	case gotErr != "":
		o.Reason = "unexpected error"
	case rec.NoEvents || len(rec.Expect) == 0:
		o.Pass = len(triples) == 0
		if !o.Pass {
			o.Reason = "expected no events"
		}
	default:
		o.Pass = sameMultiset(triples, rec.Expect)
		if !o.Pass {
			o.Reason = "events differ"
		}
	}
	return o
}

// code codes a record's text; it returns the error PETRARCH would raise
// (if any) or the coded triples.
func (p *Petrarch) code(c *coder.Coder, rec *PetrRecord, opts *dict.Options) (string, []Triple) {
	if rec.Parse != "" && !balanced(rec.Parse) {
		return "bad_input_parse", nil
	}
	if isDateline(rec.Text) {
		return "dateline", nil
	}
	if dp := p.Dict.DiscardIn(rec.Text); dp != nil {
		if dp.Story {
			return "storydiscard", nil
		}
		return "sentencediscard", nil
	}
	day, ok := dict.ParseDigits(rec.Date)
	if !ok {
		return "bad_date", nil
	}
	text := rec.Text
	if p.UseParse && rec.Parse != "" {
		text = parseText(rec.Parse)
	}
	res := c.Code(coder.Input{Text: text, Date: day, Options: opts, Unicode: true})
	var out []Triple
	for _, e := range res.Events {
		out = append(out, Triple{petrCode(e.Source), petrCode(e.Target), e.Code})
	}
	return "", out
}

// petrCode writes a converted agent ("~GOV") as PETRARCH's anonymous
// agent ("---GOV").
func petrCode(code string) string {
	switch {
	case strings.HasPrefix(code, "~"):
		return "---" + code[1:]
	case strings.HasSuffix(code, "~"):
		return "---" + code[:len(code)-1]
	}
	return code
}

// balanced reports whether the parentheses of a Treebank parse balance.
func balanced(parse string) bool {
	depth := 0
	for i := 0; i < len(parse); i++ {
		switch parse[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

// isDateline reports whether a text starts with a news dateline such as
// "CEBU CITY: --" or "LONDON (AFP) --", which PETRARCH rejects.
func isDateline(text string) bool {
	head := text
	if len(head) > 60 {
		head = head[:60]
	}
	i := strings.Index(head, "--")
	if i < 0 {
		return false
	}
	lead := strings.TrimRight(head[:i], " :")
	if lead == "" {
		return false
	}
	return strings.ToUpper(lead) == lead && strings.ContainsAny(lead, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
}

func sameMultiset(got, want []Triple) bool {
	if len(got) != len(want) {
		return false
	}
	count := map[Triple]int{}
	for _, t := range want {
		count[t]++
	}
	for _, t := range got {
		if count[t] == 0 {
			return false
		}
		count[t]--
	}
	return true
}

func joinTriples(ts []Triple) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = "{" + t.String() + "}"
	}
	sort.Strings(s)
	return strings.Join(s, " ")
}

func petrExpected(rec *PetrRecord) string {
	switch {
	case rec.Error != "":
		return "error " + rec.Error
	case rec.NoEvents || len(rec.Expect) == 0:
		return "no events"
	}
	return joinTriples(rec.Expect)
}

// parseText returns the words of a Treebank parse as text: the leaves in
// order, with split contractions ("n't", "'s") joined to their word and
// bracket tokens turned back into brackets.
func parseText(parse string) string {
	var words []string
	for i := 0; i < len(parse); i++ {
		if parse[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(parse) && !isSpace(parse[j]) && parse[j] != '(' && parse[j] != ')' {
			j++
		}
		k := j
		for k < len(parse) && isSpace(parse[k]) {
			k++
		}
		if k >= len(parse) || parse[k] == '(' {
			continue
		}
		e := strings.IndexByte(parse[k:], ')')
		if e < 0 {
			break
		}
		w := strings.TrimSpace(parse[k : k+e])
		switch w {
		case "-LRB-":
			w = "("
		case "-RRB-":
			w = ")"
		case "``", "''":
			w = "\""
		}
		lw := strings.ToLower(w)
		if len(words) > 0 && (lw == "n't" || strings.HasPrefix(lw, "'") && len(lw) <= 3 && lw != "'") {
			words[len(words)-1] += w
			continue
		}
		if w != "" {
			words = append(words, w)
		}
	}
	return strings.Join(words, " ")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
