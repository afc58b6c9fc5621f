package records

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/twintrack/twintrack/dict"
)

// Limits from TABARI.
const (
	MaxText   = 2047
	CutText   = 2025
	Truncated = " [STORY TRUNCATED...] "
)

// Record is one text record.
type Record struct {
	Header    string   // the header line
	Date      string   // the date digits (6, or 8 in YYYY mode)
	Day       dict.Day // the date as a day number, when DateOK
	DateOK    bool
	Rest      string // the header after the date
	ID        string // Rest with leading blanks removed
	Text      string // the body, lines joined by blanks
	Line      int    // 1-based line number of the header
	Truncated bool
}

// Reader reads records one at a time. YYYY may be changed between calls
// to Next (validation files switch it).
type Reader struct {
	YYYY bool
	name string
	br   *bufio.Reader
	line int
	err  error
}

// NewReader returns a reader of records from r; name is used in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{name: name, br: bufio.NewReaderSize(r, 64<<10)}
}

// readLine returns the next line without its "\n" and "\r", and false at
// the end of input.
func (r *Reader) readLine() (string, bool) {
	if r.err != nil {
		return "", false
	}
	s, err := r.br.ReadString('\n')
	if err != nil {
		r.err = err
		if s == "" {
			return "", false
		}
	}
	r.line++
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, true
}

// Next returns the next record, or io.EOF after the last. A record whose
// date is invalid is returned with DateOK false; TABARI skips such records.
func (r *Reader) Next() (*Record, error) {
	var head string
	for {
		s, ok := r.readLine()
		if !ok {
			return nil, r.endErr()
		}
		if s != "" && s[0] >= '0' && s[0] <= '9' {
			head = s
			break
		}
	}
	rec := &Record{Header: head, Line: r.line}
	w := 6
	if r.YYYY {
		w = 8
	}
	if len(head) >= w {
		rec.Date, rec.Rest = head[:w], head[w:]
		rec.Day, rec.DateOK = dict.ParseDigits(rec.Date)
	} else {
		rec.Date = head
	}
	rec.ID = strings.TrimLeft(rec.Rest, " \t")
	var b strings.Builder
	for {
		s, ok := r.readLine()
		if !ok || s == "" {
			break
		}
		if rec.Truncated {
			continue
		}
		b.WriteString(s)
		if !strings.HasSuffix(s, " ") {
			b.WriteByte(' ')
		}
		if b.Len() > MaxText {
			t := b.String()[:CutText] + Truncated
			b.Reset()
			b.WriteString(t)
			rec.Truncated = true
		}
	}
	rec.Text = b.String()
	return rec, nil
}

func (r *Reader) endErr() error {
	if r.err == nil || errors.Is(r.err, io.EOF) {
		return io.EOF
	}
	return fmt.Errorf("%s:%d: %w", r.name, r.line, r.err)
}

// LooksLikeRecords reports whether text appears to be in record format:
// its first non-blank line starts with at least six digits followed by a
// blank and an id.
func LooksLikeRecords(text string) bool {
	for len(text) > 0 {
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		l = strings.TrimRight(l, " \t\r")
		if l == "" {
			continue
		}
		n := 0
		for n < len(l) && l[n] >= '0' && l[n] <= '9' {
			n++
		}
		return n >= 6 && n < len(l) && (l[n] == ' ' || l[n] == '\t' || l[n] == '*') &&
			strings.TrimLeft(l[n:], " \t*") != ""
	}
	return false
}
