package analysis

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"

	"github.com/twintrack/twintrack"
)

// Slice yields the events of a slice, in order, with no errors.
func Slice(evs []twintrack.Event) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		for _, ev := range evs {
			if !yield(ev, nil) {
				return
			}
		}
	}
}

// maxLine is the longest events JSON Lines line DecodeEvents accepts.
const maxLine = 64 << 20

// DecodeEvents reads events from JSON Lines: one event object per line, as
// "twintrack code" writes them (the fields of twintrack.Event), blank lines
// ignored. A line that is not an event object yields an error
// "name:line:col: message" and reading goes on with the next line, so a
// consumer can report every bad line (see SkipErrors). A read error ends the
// sequence with an error "name: message".
func DecodeEvents(r io.Reader, name string) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 64<<10), maxLine)
		line := 0
		for sc.Scan() {
			line++
			b := bytes.TrimSpace(sc.Bytes())
			if len(b) == 0 {
				continue
			}
			var ev twintrack.Event
			if err := decodeLine(b, &ev); err != nil {
				col := 1 + (len(sc.Bytes()) - len(bytes.TrimLeft(sc.Bytes(), " \t\r"))) + int(err.offset)
				if !yield(twintrack.Event{}, fmt.Errorf("%s:%d:%d: %s", name, line, col, err.msg)) {
					return
				}
				continue
			}
			if !yield(ev, nil) {
				return
			}
		}
		if err := sc.Err(); err != nil {
			yield(twintrack.Event{}, fmt.Errorf("%s:%d: %w", name, line+1, err))
		}
	}
}

// lineError is a JSON error with the byte offset in the line where it was
// found.
type lineError struct {
	offset int64
	msg    string
}

// decodeLine decodes one JSON object into ev; json.Unmarshal also rejects
// anything after the object.
func decodeLine(b []byte, ev *twintrack.Event) *lineError {
	if b[0] != '{' {
		return &lineError{0, "want a JSON object"}
	}
	if err := json.Unmarshal(b, ev); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return &lineError{max(syn.Offset-1, 0), syn.Error()}
		case errors.As(err, &typ):
			return &lineError{max(typ.Offset-1, 0), fmt.Sprintf("field %s: %s", typ.Field, typ.Error())}
		}
		return &lineError{0, err.Error()}
	}
	return nil
}

// SkipErrors passes the events of seq on and hands each error to report
// instead, so that bad records are reported and skipped. It stops early when
// report returns false.
func SkipErrors(seq iter.Seq2[twintrack.Event, error], report func(error) bool) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		for ev, err := range seq {
			if err != nil {
				if !report(err) {
					return
				}
				continue
			}
			if !yield(ev, nil) {
				return
			}
		}
	}
}
