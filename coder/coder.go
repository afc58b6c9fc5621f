package coder

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/records"
	"github.com/twintrack/twintrack/text"
)

// Coder codes sentences with a dictionary set. It is safe for concurrent
// use.
type Coder struct {
	d    *dict.Dict
	idx  *index
	pool sync.Pool
	// Explain adds to every event the dictionary entries that produced it.
	Explain bool
	// DocumentMode is the mode CodeDocument codes in: News unless set to
	// Compat (news.go says where each mode is used).
	DocumentMode Mode
}

// New returns a coder over d, which must not be modified afterwards.
func New(d *dict.Dict) *Coder {
	c := &Coder{d: d, idx: newIndex(d), DocumentMode: News}
	c.pool.New = func() any { return &sentence{} }
	return c
}

// Dict returns the coder's dictionaries.
func (c *Coder) Dict() *dict.Dict { return c.d }

// Input is one sentence to code.
type Input struct {
	Text    string
	Date    dict.Day
	Options *dict.Options // nil: the dictionary's options
	Forward *Forward      // what the previous sentence forwards; nil when forwarding does not apply
	Unicode bool          // news text: tabs and line breaks separate words, curly quotes are quotes
	Mode    Mode          // Compat (the zero value) or News; see news.go
	Explain bool
}

// Event is a coded event. Spans are byte offsets into Input.Text.
type Event struct {
	Source, Target, Code string
	Date                 dict.Day // the record date, or the time-shifted date
	SourceSpan           twintrack.Span
	TargetSpan           twintrack.Span
	VerbSpan             twintrack.Span
	Attribution          string // with an <ATTRIB> section: who the statement is attributed to
	Explain              []string
}

// Result is the outcome of coding one sentence: events, or a problem
// (formats.md 12.10) when there are none.
type Result struct {
	Events  []Event
	Problem string
	Date    dict.Day // the sentence date after time shifting
	Forward Forward  // what this sentence forwards to the next
}

// Code codes one sentence.
func (c *Coder) Code(in Input) Result {
	s := c.pool.Get().(*sentence)
	defer c.pool.Put(s)
	s.d, s.idx, s.day, s.fwdIn = c.d, c.idx, in.Date, in.Forward
	s.opt = in.Options
	s.news = in.Mode == News
	if s.opt == nil {
		s.opt = &c.d.Options
	}
	res := Result{Date: in.Date}
	if c.d.DiscardIn(in.Text) != nil { // PETRARCH discards file (dict.DiscardPhrase)
		res.Problem = ProbDiscardText
		return res
	}
	if p := s.prepare(in.Text, in.Unicode); p != "" {
		res.Problem = p
		return res
	}
	s.parse()
	res.Forward = s.forward()
	discard := s.discarded()
	complexProb := ""
	if !discard {
		complexProb = s.complexity()
	}
	if s.opt.TimeShifting(c.d.HasTime) {
		shift, p := s.timeShift()
		switch p {
		case ProbDiscardText:
			discard = true
		case "":
			s.day += dict.Day(shift)
			res.Date = s.day
		default:
			if complexProb == "" {
				complexProb = "Complex text: " + p
			}
		}
	}
	var att actor
	if c.d.HasAttr {
		a, p := s.attribution()
		switch {
		case p == ProbDiscardText:
			discard = true
		case p != "" && complexProb == "":
			complexProb = p
		}
		att = a
		s.blankDeferred()
	}
	switch {
	case discard:
		res.Problem = ProbDiscardText
		return res
	case complexProb != "":
		res.Problem = complexProb
		return res
	}
	var st state
	s.codeVerbs(&st)
	if s.news { // news.go: fixes applied to the raw events
		st.events = s.newsEvents(st.events)
	}
	evs, prob := s.finish(st.events)
	if s.opt.NonEvents > 0 {
		evs, prob = s.nonEvents(evs, prob)
	}
	if prob != "" {
		res.Problem = prob
		return res
	}
	for i := range evs {
		ev := s.export(&evs[i], in.Explain || c.Explain)
		if att.ok {
			ev.Attribution = compose(att.code, att.agent, att.agentPre)
		}
		res.Events = append(res.Events, ev)
	}
	return res
}

// wordSpan returns the bytes of words a..b.
func (s *sentence) wordSpan(a, b int) twintrack.Span {
	if a < 0 || a >= s.n {
		return twintrack.Span{}
	}
	if b < a || b >= s.n {
		b = a
	}
	return twintrack.Span{Start: s.w[a].start, End: s.w[b].end}
}

func (s *sentence) actorSpan(a *actor) twintrack.Span {
	if a.def || a.at < 0 {
		return twintrack.Span{}
	}
	start, end := a.at, a.at
	if w := &s.w[a.at]; w.spanT == dict.Actor && w.spanEnd > a.at {
		end = w.spanEnd
	}
	if a.agentRoot != nil && a.agent != "" { // the agent's words are part of the actor's text
		start, end = min(start, a.agentFrom), max(end, a.agentTo)
	}
	return s.wordSpan(start, end)
}

func (s *sentence) export(e *event, explain bool) Event {
	ev := Event{
		Source:     s.newsCode(&e.src), // news_role.go: compose, or no role on a role in news mode
		Target:     s.newsCode(&e.tgt),
		Code:       e.code,
		Date:       s.day,
		SourceSpan: s.actorSpan(&e.src),
		TargetSpan: s.actorSpan(&e.tgt),
		VerbSpan:   s.wordSpan(e.verb, e.tail),
	}
	if explain {
		note := func(what string, r *dict.Root) {
			if r != nil {
				ev.Explain = append(ev.Explain, fmt.Sprintf("%s %s %s", what, r.Text, r.Pos))
			}
		}
		note("source actor", e.src.root)
		note("source agent", e.src.agentRoot)
		note("target actor", e.tgt.root)
		note("target agent", e.tgt.agentRoot)
		if e.verb >= 0 {
			note("verb", e.root)
		}
		if e.pat != nil {
			ev.Explain = append(ev.Explain, fmt.Sprintf("pattern - %s [%s] %s", e.pat.Text, e.pat.Code.Raw, e.pat.Pos))
		}
		if e.src.def {
			ev.Explain = append(ev.Explain, "source: DEFAULT option")
		}
		if e.tgt.def {
			ev.Explain = append(ev.Explain, "target: DEFAULT option")
		}
	}
	return ev
}

// Session codes a sequence of TABARI records in order, keeping the options
// (which validation files change between records) and the state for
// pronoun forwarding.
type Session struct {
	Coder   *Coder
	Options dict.Options
	Unicode bool
	Explain bool

	prevOK    bool
	prevStory string
	prevSent  int
	prevFwd   Forward
}

// NewSession starts a session with the dictionary's options.
func (c *Coder) NewSession() *Session {
	return &Session{Coder: c, Options: c.d.Options.Clone()}
}

// RecordID returns the record id as TABARI prints it: with a FORWARD:
// format, the characters the format describes; else rec.ID.
func (ss *Session) RecordID(rec *records.Record) string {
	f := ss.Options.ForwardFormat
	if f == "" {
		return rec.ID
	}
	lead := len(f) - len(strings.TrimLeft(f, "^"))
	if lead >= len(rec.Rest) {
		return ""
	}
	end := len(f)
	if end > len(rec.Rest) {
		end = len(rec.Rest)
	}
	return rec.Rest[lead:end]
}

// storySentence extracts the story and sentence numbers from the header
// with the FORWARD: format; ok is false when the header is too short.
func storySentence(format, rest string) (story string, sent int, ok bool) {
	if len(rest) < len(format) {
		return "", 0, false
	}
	var ss strings.Builder
	for i := 0; i < len(format); i++ {
		switch format[i] {
		case 'N':
			story += string(rest[i])
		case 'S':
			ss.WriteByte(rest[i])
		}
	}
	n, err := strconv.Atoi(ss.String())
	if err != nil {
		n = 0
	}
	return story, n, true
}

// CodeRecord codes one record. Records with an invalid date are not coded
// (the result has the problem "Invalid date").
func (ss *Session) CodeRecord(rec *records.Record) Result {
	if !rec.DateOK {
		ss.prevOK = false
		return Result{Problem: "Invalid date in record header"}
	}
	in := Input{Text: rec.Text, Date: rec.Day, Options: &ss.Options, Unicode: ss.Unicode, Explain: ss.Explain}
	o := &ss.Options
	cur := false
	var story string
	var sent int
	if o.Forwarding {
		story, sent, cur = storySentence(o.ForwardFormat, rec.Rest)
		if cur && ss.prevOK && story == ss.prevStory && sent == ss.prevSent+1 {
			fwd := ss.prevFwd
			in.Forward = &fwd
		}
	}
	res := ss.Coder.Code(in)
	ss.prevOK, ss.prevStory, ss.prevSent, ss.prevFwd = cur, story, sent, res.Forward
	return res
}

// CodeDocument implements twintrack.Coder: the text is split into
// sentences with text.Sentences and each is coded with the document date
// (today's date when the document has none).
func (c *Coder) CodeDocument(doc *twintrack.Document) ([]twintrack.Event, error) {
	date := doc.Date
	if date == "" {
		date = time.Now().UTC().Format("2006-01-02")
	}
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return nil, fmt.Errorf("document %s: date %q is not YYYY-MM-DD", doc.ID, doc.Date)
	}
	day := dict.MakeDay(t.Year(), int(t.Month()), t.Day())
	if doc.Date == "" { // events record the date they were coded with
		d := *doc
		d.Date = date
		doc = &d
	}
	if c.d.StoryDiscard(doc.Text) != nil { // "+" entries of a PETRARCH discards file
		return nil, nil
	}
	var out []twintrack.Event
	for i, sp := range text.Sentences(doc.Text) {
		st := doc.Text[sp.Start:sp.End]
		res := c.Code(Input{Text: st, Date: day, Unicode: true, Mode: c.DocumentMode})
		out = append(out, c.Events(doc, i, sp, &res)...)
	}
	return out, nil
}

// Events converts the result of coding sentence idx of doc, whose bytes
// are doc.Text[sp.Start:sp.End], into event records.
func (c *Coder) Events(doc *twintrack.Document, idx int, sp twintrack.Span, res *Result) []twintrack.Event {
	var out []twintrack.Event
	var issues []string // PETRARCH issue coding (dict.IssuePhrase), per sentence
	if len(res.Events) > 0 {
		issues = c.d.IssuesIn(sp.Text(doc.Text))
	}
	for i := range res.Events {
		ev := c.docEvent(doc, idx, sp, &res.Events[i])
		ev.Issues = issues
		out = append(out, ev)
	}
	return out
}

// SplitCode returns the country (or IGO/NGO) part of an actor code and its
// role chunks: "JPNGOV" gives "JPN", ["GOV"]. A code that starts with an
// agent ("~REB" from a converted agent) has no country.
func SplitCode(code string) (string, []string) {
	code = strings.Trim(code, "~")
	var country string
	if len(code) >= 3 {
		country, code = code[:3], code[3:]
	} else {
		return code, []string{}
	}
	roles := []string{}
	for len(code) >= 3 {
		roles = append(roles, code[:3])
		code = code[3:]
	}
	if code != "" {
		roles = append(roles, code)
	}
	return country, roles
}

func (c *Coder) docEvent(doc *twintrack.Document, idx int, sp twintrack.Span, e *Event) twintrack.Event {
	shift := func(s twintrack.Span) twintrack.Span {
		if s.IsZero() {
			return s
		}
		return twintrack.Span{Start: s.Start + sp.Start, End: s.End + sp.Start}
	}
	ev := twintrack.Event{
		DocID: doc.ID, Sentence: idx, DocDate: doc.Date, EventDate: e.Date.ISO(),
		Source: e.Source, Target: e.Target, Code: e.Code,
		Spans: twintrack.EventSpans{Sentence: sp, Source: shift(e.SourceSpan),
			Target: shift(e.TargetSpan), Verb: shift(e.VerbSpan)},
		URL: doc.URL, DocSource: doc.Source, DictHash: c.d.Hash, Explain: e.Explain,
	}
	ev.SourceCountry, ev.SourceRoles = SplitCode(e.Source)
	ev.TargetCountry, ev.TargetRoles = SplitCode(e.Target)
	ev.SourceText = ev.Spans.Source.Text(doc.Text)
	ev.TargetText = ev.Spans.Target.Text(doc.Text)
	ev.VerbText = ev.Spans.Verb.Text(doc.Text)
	ev.SentenceText = sp.Text(doc.Text)
	cameo.Annotate(&ev)
	ev.EventID = ev.StableID()
	return ev
}
