package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack"
)

// jsonlSource reads JSON Lines: one JSON object per line, blank lines
// ignored. A line that is not an object, lacks "text" or has a bad date is
// reported with its line and column and skipped.
type jsonlSource struct {
	br   *bufio.Reader
	max  int
	line int
	err  error // sticky read error
}

func newJSONL(br *bufio.Reader, max int) *jsonlSource { return &jsonlSource{br: br, max: max} }

// jsonDoc is the shape of one line. ID is raw so that numbers are kept as
// written.
type jsonDoc struct {
	ID     json.RawMessage `json:"id"`
	Date   json.RawMessage `json:"date"`
	URL    string          `json:"url"`
	Source string          `json:"source"`
	Title  string          `json:"title"`
	Text   *string         `json:"text"`
}

func (s *jsonlSource) next() (twintrack.Document, int, error) {
	for {
		line, err := s.readLine()
		if err != nil {
			return twintrack.Document{}, s.line, err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		doc, err := parseJSONLine(line)
		if err != nil {
			err.(*Error).Line = s.line
			return twintrack.Document{}, s.line, err
		}
		return doc, s.line, nil
	}
}

// readLine returns the next line without its line break. A line longer
// than max is consumed and reported.
func (s *jsonlSource) readLine() ([]byte, error) {
	if s.err != nil {
		err := s.err
		s.err = io.EOF // report a read error once, then end the file
		return nil, err
	}
	var buf []byte
	long := false
	for {
		frag, err := s.br.ReadSlice('\n')
		if !long {
			if len(buf)+len(frag) > s.max+2 {
				long, buf = true, nil
			} else {
				buf = append(buf, frag...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			if err != io.EOF {
				err = fmt.Errorf("read: %w", err)
			}
			if len(frag) == 0 && len(buf) == 0 && !long {
				s.err = io.EOF
				return nil, err
			}
			s.err = err // returned by the next call, after this last line
		}
		s.line++
		if long {
			return nil, &Error{Line: s.line, Msg: fmt.Sprintf("line longer than %d bytes", s.max)}
		}
		return bytes.TrimRight(buf, "\r\n"), nil
	}
}

func parseJSONLine(line []byte) (twintrack.Document, error) {
	var jd jsonDoc
	if err := json.Unmarshal(line, &jd); err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "json: ") {
			msg = "json: " + msg
		}
		e := &Error{Msg: msg, Err: err}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			e.Col = int(se.Offset)
		case errors.As(err, &te):
			e.Col = int(te.Offset)
		}
		if e.Col == 0 {
			e.Col = 1
		}
		return twintrack.Document{}, e
	}
	if jd.Text == nil {
		return twintrack.Document{}, &Error{Col: 1, Msg: `no "text" field`}
	}
	doc := twintrack.Document{URL: jd.URL, Source: jd.Source, Title: jd.Title, Text: *jd.Text}
	if id := bytes.TrimSpace(jd.ID); len(id) > 0 && !bytes.Equal(id, []byte("null")) {
		switch id[0] {
		case '"':
			if err := json.Unmarshal(id, &doc.ID); err != nil {
				return twintrack.Document{}, &Error{Col: 1, Msg: "id: " + err.Error()}
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			if _, err := strconv.ParseFloat(string(id), 64); err != nil {
				return twintrack.Document{}, &Error{Col: 1, Msg: "id: " + err.Error()}
			}
			doc.ID = string(id)
		default:
			return twintrack.Document{}, &Error{Col: 1, Msg: fmt.Sprintf("id %s is not a string or number", id)}
		}
	}
	date, err := jsonDate(jd.Date)
	if err != nil {
		return twintrack.Document{}, &Error{Col: 1, Msg: err.Error()}
	}
	doc.Date = date
	return doc, nil
}

// jsonDate normalises a "date" value: a string in any form ParseDate
// accepts, or a number written as YYYYMMDD; null or "" mean no date.
func jsonDate(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", nil
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("date: %v", err)
		}
		if strings.TrimSpace(s) == "" {
			return "", nil
		}
	} else {
		s = string(raw)
	}
	return ParseDate(s)
}
