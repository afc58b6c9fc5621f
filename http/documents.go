package httpserver

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
)

// maxDocErrors caps the errors ParseDocuments collects before giving up.
const maxDocErrors = 10

// DocumentErrors lists the problems of a POST /api/documents body, each as
// "body:LINE:COL: message". It wraps ErrInvalid.
type DocumentErrors []string

func (e DocumentErrors) Error() string {
	if len(e) == 1 {
		return e[0]
	}
	return fmt.Sprintf("%d errors: %s", len(e), strings.Join(e, "; "))
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e DocumentErrors) Unwrap() error { return ErrInvalid }

// ParseDocuments reads the body of POST /api/documents: either a JSON array
// of documents or JSON Lines (one document object per line; blank lines are
// skipped), told apart by the first byte that is not white space. A
// document is {"id", "date", "url", "source", "title", "text"}; text is
// required and date, when present, is YYYY-MM-DD. Errors are collected (up
// to ten) with their line and column; any error rejects the whole body, so
// that a request is stored entirely or not at all. An empty body is an
// error.
func ParseDocuments(r io.Reader) ([]twintrack.Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, DocumentErrors{"body:1:1: no documents"}
	}
	var docs []twintrack.Document
	var errs DocumentErrors
	if trimmed[0] == '[' {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&docs); err != nil {
			return nil, DocumentErrors{fmt.Sprintf("body:%s: %s", position(data, jsonOffset(err, dec)), jsonMessage(err))}
		}
		if dec.More() {
			return nil, DocumentErrors{fmt.Sprintf("body:%s: data after the array", position(data, int(dec.InputOffset())))}
		}
		for i := range docs {
			if msg := checkDocument(&docs[i]); msg != "" {
				errs = append(errs, fmt.Sprintf("body: document %d: %s", i+1, msg))
			}
			if len(errs) == maxDocErrors {
				break
			}
		}
	} else {
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64<<10), len(data)+1)
		for line := 1; sc.Scan() && len(errs) < maxDocErrors; line++ {
			b := bytes.TrimSpace(sc.Bytes())
			if len(b) == 0 {
				continue
			}
			var d twintrack.Document
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&d); err != nil {
				errs = append(errs, fmt.Sprintf("body:%d:%d: %s", line, jsonOffset(err, dec)+1, jsonMessage(err)))
				continue
			}
			if dec.More() {
				errs = append(errs, fmt.Sprintf("body:%d:%d: more than one value on the line", line, dec.InputOffset()+1))
				continue
			}
			if msg := checkDocument(&d); msg != "" {
				errs = append(errs, fmt.Sprintf("body:%d:1: %s", line, msg))
				continue
			}
			docs = append(docs, d)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(docs) == 0 {
		return nil, DocumentErrors{"body:1:1: no documents"}
	}
	return docs, nil
}

// checkDocument returns what is wrong with a document, or "".
func checkDocument(d *twintrack.Document) string {
	if strings.TrimSpace(d.Text) == "" {
		return "document has no text"
	}
	if d.Date != "" {
		if _, err := time.Parse("2006-01-02", d.Date); err != nil {
			return fmt.Sprintf("date %q: want YYYY-MM-DD", d.Date)
		}
	}
	return ""
}

// jsonOffset returns the byte offset at which decoding failed.
func jsonOffset(err error, dec *json.Decoder) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return int(se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return int(te.Offset)
	}
	return int(dec.InputOffset())
}

// jsonMessage strips the "json: " prefix of decoding errors.
func jsonMessage(err error) string {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of JSON"
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// position turns a byte offset of data into "line:col" (both from 1).
func position(data []byte, off int) string {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	col := off - bytes.LastIndexByte(data[:off], '\n')
	return fmt.Sprintf("%d:%d", line, col)
}
