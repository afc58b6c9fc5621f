package devset

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
)

// File is the development set shipped with the package (devset.jsonl).
//
//go:embed devset.jsonl
var File []byte

// FileName is the name under which File is reported in errors.
const FileName = "devset.jsonl"

// HeldOut is a smaller set in the same format (heldout.jsonl), written at
// the same time as File but never used to tune the built-in dictionaries:
// its scores estimate how the dictionaries do on sentences nobody fitted
// them to.
//
//go:embed heldout.jsonl
var HeldOut []byte

// HeldOutName is the name under which HeldOut is reported in errors.
const HeldOutName = "heldout.jsonl"

// HeldOut2 is a second held-out set (heldout2.jsonl), 49 sentences written on
// 2026-11-29 after a first round of dictionary fixes and before any
// dictionary was run on it. Like HeldOut it is never used for tuning.
//
//go:embed heldout2.jsonl
var HeldOut2 []byte

// HeldOut2Name is the name under which HeldOut2 is reported in errors.
const HeldOut2Name = "heldout2.jsonl"

// HeldOut3 is a third held-out set (heldout3.jsonl), 48 sentences written
// on 2026-11-29 after the dictionary fixes of that day and before any
// dictionary was run on it. It is never used for tuning.
//
//go:embed heldout3.jsonl
var HeldOut3 []byte

// HeldOut3Name is the name under which HeldOut3 is reported in errors.
const HeldOut3Name = "heldout3.jsonl"

// Event is a gold event: who did what to whom, in CAMEO codes.
type Event struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// Sentence is one line of the development set.
type Sentence struct {
	ID     string  `json:"id"`
	Date   string  `json:"date"`
	Text   string  `json:"text"`
	Events []Event `json:"events"`
	Note   string  `json:"note,omitempty"`
	Line   int     `json:"-"` // 1-based line in the file it was read from
}

// Error is a problem found while reading a development set, with its
// position.
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList collects the errors of one file. Reading stops adding errors
// after MaxErrors of them.
type ErrorList []*Error

// MaxErrors caps the number of errors collected by Read.
const MaxErrors = 50

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Default returns the embedded development set.
func Default() ([]Sentence, error) {
	return Read(bytes.NewReader(File), FileName)
}

// Held returns the embedded held-out set.
func Held() ([]Sentence, error) {
	return Read(bytes.NewReader(HeldOut), HeldOutName)
}

// Held2 returns the embedded second held-out set.
func Held2() ([]Sentence, error) {
	return Read(bytes.NewReader(HeldOut2), HeldOut2Name)
}

// Held3 returns the embedded third held-out set.
func Held3() ([]Sentence, error) {
	return Read(bytes.NewReader(HeldOut3), HeldOut3Name)
}

// Read parses a development set in JSON Lines. Blank lines are skipped.
// Every problem (bad JSON, missing or duplicate id, bad date, empty text,
// malformed event) is collected and returned as an ErrorList together with
// the sentences that were read correctly.
func Read(r io.Reader, name string) ([]Sentence, error) {
	var (
		out  []Sentence
		errs ErrorList
		seen = map[string]int{}
	)
	add := func(line, col int, format string, args ...any) {
		if len(errs) < MaxErrors {
			errs = append(errs, &Error{File: name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Bytes()
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var s Sentence
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			add(line, errCol(err), "%v", err)
			continue
		}
		if dec.More() {
			add(line, int(dec.InputOffset())+1, "extra data after the object")
			continue
		}
		s.Line = line
		ok := true
		check := func(cond bool, format string, args ...any) {
			if !cond {
				add(line, 1, format, args...)
				ok = false
			}
		}
		check(s.ID != "", "missing id")
		if prev, dup := seen[s.ID]; dup && s.ID != "" {
			check(false, "duplicate id %q (first on line %d)", s.ID, prev)
		}
		_, derr := time.Parse("2006-01-02", s.Date)
		check(derr == nil, "id %q: date %q is not YYYY-MM-DD", s.ID, s.Date)
		check(strings.TrimSpace(s.Text) != "", "id %q: empty text", s.ID)
		for i, ev := range s.Events {
			check(ev.Source != "" && ev.Target != "", "id %q: event %d lacks a source or target", s.ID, i)
			check(validCode(ev.Code), "id %q: event %d: code %q is not a CAMEO code", s.ID, i, ev.Code)
		}
		if s.ID != "" {
			if _, dup := seen[s.ID]; !dup {
				seen[s.ID] = line
			}
		}
		if ok {
			out = append(out, s)
		}
	}
	if err := sc.Err(); err != nil {
		add(line+1, 1, "read: %v", err)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

// validCode reports whether c looks like a CAMEO event code: two to four
// digits starting with a root 01-20.
func validCode(c string) bool {
	if len(c) < 3 || len(c) > 4 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	root := int(c[0]-'0')*10 + int(c[1]-'0')
	return root >= 1 && root <= 20
}

// errCol turns a JSON decoding error into a 1-based column of its line
// (the decoder reports the offset just past the offending byte).
func errCol(err error) int {
	off := int64(1)
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	return int(max(off, 1))
}
