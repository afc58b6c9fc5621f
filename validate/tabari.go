package validate

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/records"
)

// EndMarker is the id of the first record after the standard run.
const EndMarker = "FINAL-01"

// Tabari is a TABARI validation suite: a project and its text files.
type Tabari struct {
	Project string
	Dict    *dict.Dict
	Texts   []string
}

// OpenTabari loads the project's dictionaries. Dictionary errors are
// returned.
func OpenTabari(project string) (*Tabari, error) {
	d, err := dict.Load(project)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	data, err := os.ReadFile(project)
	if err != nil {
		return nil, fmt.Errorf("validate: %w", err)
	}
	p := dict.ParseProject(project, string(data))
	t := &Tabari{Project: project, Dict: d}
	for _, f := range p.Texts {
		t.Texts = append(t.Texts, filepath.Join(filepath.Dir(project), f))
	}
	if len(t.Texts) == 0 {
		return nil, fmt.Errorf("validate: %s names no <textfile>", project)
	}
	return t, nil
}

// Run codes the records of every text file up to EndMarker.
func (t *Tabari) Run(report func(Outcome)) (*Summary, error) {
	c := coder.New(t.Dict)
	sess := c.NewSession()
	sum := &Summary{}
	idx := 0
	for _, name := range t.Texts {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("validate: %w", err)
		}
		done, err := t.runFile(f, name, sess, sum, &idx, report)
		f.Close()
		if err != nil || done {
			return sum, err
		}
	}
	return sum, nil
}

func (t *Tabari) runFile(r io.Reader, name string, sess *coder.Session, sum *Summary, idx *int, report func(Outcome)) (bool, error) {
	rd := records.NewReader(r, filepath.Base(name))
	for {
		rd.YYYY = sess.Options.YYYY
		rec, err := rd.Next()
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("validate: %w", err)
		}
		if strings.HasPrefix(rec.ID, EndMarker) {
			return true, nil
		}
		timeOn := sess.Options.TimeShifting(t.Dict.HasTime)
		res := sess.CodeRecord(rec)
		o := Judge(rec, &res, Check{TimeShift: timeOn, Attribution: t.Dict.HasAttr, Label: t.Dict.Label}, &sess.Options)
		o.Index = *idx
		*idx++
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
}

// describe writes the coded events or the problem of a result.
func describe(res *coder.Result) string {
	if res.Problem != "" {
		return "problem: " + res.Problem
	}
	var parts []string
	for _, e := range res.Events {
		parts = append(parts, fmt.Sprintf("%s %s %s", e.Source, e.Target, e.Code))
	}
	return strings.Join(parts, "; ")
}

// expectations returns the {...} blocks of the record's comment.
func expectations(text string) string {
	i := strings.Index(text, "/*")
	if i < 0 {
		return "(no verification record)"
	}
	var parts []string
	rest := text[i:]
	for {
		a := strings.IndexByte(rest, '{')
		if a < 0 {
			break
		}
		b := strings.IndexByte(rest[a:], '}')
		if b < 0 {
			parts = append(parts, strings.TrimSpace(rest[a:]))
			break
		}
		blk := rest[a : a+b+1]
		if a > 0 && rest[a-1] == '-' {
			blk = "-" + blk
		}
		parts = append(parts, blk)
		rest = rest[a+b+1:]
	}
	return strings.Join(parts, " ")
}

// Check says what Judge compares besides source, target and code.
type Check struct {
	TimeShift   bool                // the first event's date is checked
	Attribution bool                // events carry an attribution field (the verbs have <ATTRIB>)
	Label       func(string) string // the LABEL: text of a code, for the event line
}

// Judge decides whether a coded record passes (formats.md 13.4) and
// executes its OPTION: blocks on opts.
func Judge(rec *records.Record, res *coder.Result, chk Check, opts *dict.Options) Outcome {
	text := rec.Text
	o := Outcome{ID: rec.ID, Expected: expectations(text), Got: describe(res)}
	fail := func(why string) Outcome { o.Reason = why; return o }
	c := strings.Index(text, "/*")
	if c < 0 {
		return fail("no verification record")
	}
	first := strings.IndexByte(text[c:], '{')
	if first < 0 {
		return fail("no verification record")
	}
	first += c
	after := text[first+1:]
	if strings.Contains(after, "OPTION:") {
		for rest := text[first:]; ; {
			k := strings.Index(rest, "OPTION:")
			if k < 0 {
				break
			}
			cmd := rest[k+len("OPTION:"):]
			if len(cmd) > 0 {
				cmd = cmd[1:]
			}
			if e := strings.IndexByte(cmd, '}'); e >= 0 {
				cmd = cmd[:e]
			}
			opts.Apply(cmd)
			rest = rest[k+len("OPTION:"):]
		}
		o.Pass = true
		return o
	}
	if res.Problem != "" {
		p := res.Problem
		switch {
		case first > 0 && text[first-1] == '-':
		case (strings.Contains(p, "No eve") || strings.Contains(p, "No val") || strings.Contains(p, "Input err")) && strings.Contains(after, "---"):
		case strings.Contains(p, "ard co") && strings.Contains(after, "###"):
		case strings.Contains(p, "omplex") && strings.Contains(after, "+++"):
		default:
			return fail("unexpected problem")
		}
		o.Pass = true
		return o
	}
	if chk.TimeShift {
		cl := strings.IndexByte(text[first:], '}')
		if cl < 0 {
			return fail("no date after the first block")
		}
		rest := text[first+cl:]
		d := strings.IndexAny(rest, "0123456789")
		if d < 0 {
			return fail("no date after the first block")
		}
		e := d
		for e < len(rest) && e-d < 14 && rest[e] >= '0' && rest[e] <= '9' {
			e++
		}
		ev := res.Events[0]
		line := ev.Date.FormatDigits(len(rec.Date)) + "\t" + ev.Source + "\t" + ev.Target + "\t" + ev.Code
		if chk.Attribution {
			line = ev.Date.FormatDigits(len(rec.Date)) + "\t" + ev.Source + "\t" + ev.Target + "\t" + ev.Attribution + "\t" + ev.Code
		}
		if chk.Label != nil {
			if l := chk.Label(ev.Code); l != "" {
				line += "\t" + l
			}
		}
		if !strings.Contains(line, rest[d:e]) {
			return fail(fmt.Sprintf("date %s not in %q", rest[d:e], line))
		}
	}
	cur := first
	for i, ev := range res.Events {
		if i > 0 {
			k := strings.IndexByte(text[cur+1:], '{')
			if k < 0 {
				return fail("more events than expected")
			}
			cur += 1 + k
		}
		if cur > 0 && text[cur-1] == '-' {
			o.Pass = true
			return o
		}
		p := cur + 1
		fields := []string{ev.Source, ev.Target, ev.Code}
		if chk.Attribution {
			fields = []string{ev.Source, ev.Target, ev.Attribution, ev.Code}
		}
		for _, want := range fields {
			for p < len(text) && text[p] == ' ' {
				p++
			}
			if !strings.HasPrefix(text[p:], want) {
				return fail(fmt.Sprintf("event %d differs", i+1))
			}
			p += len(want)
			if p >= len(text) || (text[p] != ' ' && text[p] != '/' && text[p] != '}') {
				return fail(fmt.Sprintf("event %d differs", i+1))
			}
			for p < len(text) && (text[p] == ' ' || text[p] == '/' || text[p] == '}') {
				p++
			}
		}
	}
	if strings.IndexByte(text[cur+1:], '{') >= 0 {
		return fail("fewer events than expected")
	}
	o.Pass = true
	return o
}
