package analysis

import (
	"errors"
	"strings"
	"testing"
	"testing/iotest"
)

func TestDecodeEvents(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		ids    string // event ids decoded, space separated
		errors []string
	}{
		{"two events and a blank line", `{"event_id":"a","code":"043"}` + "\n\n" + `{"event_id":"b"}` + "\n", "a b", nil},
		{"crlf and no final newline", "{\"event_id\":\"a\"}\r\n{\"event_id\":\"b\"}", "a b", nil},
		{"syntax error with column", `{"event_id":"a"}` + "\n" + `  {"event_id": x}` + "\n" + `{"event_id":"c"}`, "a c",
			[]string{"ev.jsonl:2:16: invalid character 'x' looking for beginning of value"}},
		{"wrong type", `{"event_id":"a","sentence":"zero"}`, "", []string{"ev.jsonl:1:"}},
		{"not an object", `["a"]`, "", []string{"ev.jsonl:1:1: want a JSON object"}},
		{"trailing text", `{"event_id":"a"} {"event_id":"b"}`, "", []string{"ev.jsonl:1:18: invalid character '{' after top-level value"}},
		{"truncated", `{"event_id":"a"`, "", []string{"ev.jsonl:1:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			var errs []string
			for ev, err := range DecodeEvents(strings.NewReader(tc.in), "ev.jsonl") {
				if err != nil {
					errs = append(errs, err.Error())
					continue
				}
				ids = append(ids, ev.EventID)
			}
			if strings.Join(ids, " ") != tc.ids {
				t.Errorf("ids %q, want %q", strings.Join(ids, " "), tc.ids)
			}
			if len(errs) != len(tc.errors) {
				t.Fatalf("errors %q, want %q", errs, tc.errors)
			}
			for i := range errs {
				if !strings.HasPrefix(errs[i], tc.errors[i]) {
					t.Errorf("error %q, want prefix %q", errs[i], tc.errors[i])
				}
			}
		})
	}
}

func TestDecodeEventsReadError(t *testing.T) {
	r := iotest.TimeoutReader(strings.NewReader(`{"event_id":"a"}` + "\n"))
	var last error
	for _, err := range DecodeEvents(iotest.OneByteReader(r), "ev.jsonl") {
		last = err
	}
	if last == nil || !errors.Is(last, iotest.ErrTimeout) {
		t.Errorf("got %v, want the reader's error", last)
	}
}

func TestSkipErrors(t *testing.T) {
	in := "{\"event_id\":\"a\"}\nbad\n{\"event_id\":\"b\"}\n"
	var reported []string
	var ids []string
	seq := SkipErrors(DecodeEvents(strings.NewReader(in), "f"), func(err error) bool {
		reported = append(reported, err.Error())
		return true
	})
	for ev, err := range seq {
		if err != nil {
			t.Fatalf("SkipErrors passed an error on: %v", err)
		}
		ids = append(ids, ev.EventID)
	}
	if strings.Join(ids, " ") != "a b" || len(reported) != 1 || !strings.HasPrefix(reported[0], "f:2:1:") {
		t.Errorf("ids %v reported %v, want [a b] and one error at f:2:1", ids, reported)
	}
}

func FuzzDecodeEvents(f *testing.F) {
	f.Add(`{"event_id":"a","spans":{"verb":[1,2]}}` + "\n" + `{"x":`)
	f.Add("\xff\n[1]\n{}")
	f.Add(`{"event_id":"a"} trailing`)
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Count(s, "\n") + 1
		n := 0
		for _, err := range DecodeEvents(strings.NewReader(s), "f") {
			n++
			if err != nil && !strings.HasPrefix(err.Error(), "f:") {
				t.Fatalf("error without position: %v", err)
			}
		}
		if n > lines {
			t.Fatalf("%d results from %d lines", n, lines)
		}
	})
}
