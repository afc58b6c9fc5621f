package input

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/records"
)

// tabariSource reads TABARI text records with package records (the format
// is described there and in formats.md section 3). The header's date
// becomes the document date (two-digit years 00-29 are 20xx, 30-99 19xx,
// as in TABARI); its id the document id. Records keep TABARI's limits: a
// text longer than 2047 bytes is cut and marked " [STORY TRUNCATED...] ".
// A record whose date is invalid is reported and skipped, as TABARI skips
// it.
type tabariSource struct {
	rr   *records.Reader
	done bool // a read error ended the file
}

func newTabari(br *bufio.Reader, name string, yyyy bool) *tabariSource {
	rr := records.NewReader(br, name)
	rr.YYYY = yyyy
	return &tabariSource{rr: rr}
}

func (s *tabariSource) next() (twintrack.Document, int, error) {
	if s.done {
		return twintrack.Document{}, 0, io.EOF
	}
	rec, err := s.rr.Next()
	if err != nil {
		s.done = true
		return twintrack.Document{}, 0, err // io.EOF, or a read error with its position
	}
	date, ok := tabariDate(rec.Date)
	if !rec.DateOK || !ok {
		return twintrack.Document{}, rec.Line, &Error{Line: rec.Line, Col: 1,
			Msg: fmt.Sprintf("record header %q has no valid date", rec.Header)}
	}
	return twintrack.Document{ID: rec.ID, Date: date, Text: rec.Text}, rec.Line, nil
}

// tabariDate turns YYMMDD or YYYYMMDD digits into an ISO date, rejecting
// days that do not exist.
func tabariDate(digits string) (string, bool) {
	var y, m, d int
	var err error
	switch len(digits) {
	case 6:
		y, err = strconv.Atoi(digits[:2])
		if y < 30 {
			y += 2000
		} else {
			y += 1900
		}
	case 8:
		y, err = strconv.Atoi(digits[:4])
	default:
		return "", false
	}
	if err != nil {
		return "", false
	}
	md := digits[len(digits)-4:]
	m, err1 := strconv.Atoi(md[:2])
	d, err2 := strconv.Atoi(md[2:])
	if err1 != nil || err2 != nil {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", false
	}
	return t.Format("2006-01-02"), true
}
