package devset

import (
	"errors"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	good := `{"id":"x1","date":"1993-05-20","text":"Japan sent aid to Cambodia.","events":[{"source":"JPN","target":"KHM","code":"070"}],"note":""}`
	tests := []struct {
		name    string
		in      string
		n       int      // sentences read
		wantErr []string // substrings of the errors, in order
	}{
		{"one good line", good, 1, nil},
		{"blank lines skipped", "\n" + good + "\n\n", 1, nil},
		{"bad json", `{"id":"x1",`, 0, []string{"devset.jsonl:1:"}},
		{"unknown field", `{"id":"x1","date":"1993-05-20","text":"t","events":[],"colour":1}`, 0, []string{`:1:1: json: unknown field "colour"`}},
		{"bad date", `{"id":"x1","date":"1993-13-20","text":"t","events":[]}`, 0, []string{`date "1993-13-20"`}},
		{"missing id", `{"date":"1993-01-20","text":"t","events":[]}`, 0, []string{"missing id"}},
		{"empty text", `{"id":"x1","date":"1993-01-20","text":"  ","events":[]}`, 0, []string{"empty text"}},
		{"bad code", `{"id":"x1","date":"1993-01-20","text":"t","events":[{"source":"A","target":"B","code":"42"}]}`, 0, []string{`code "42"`}},
		{"root out of range", `{"id":"x1","date":"1993-01-20","text":"t","events":[{"source":"A","target":"B","code":"210"}]}`, 0, []string{`code "210"`}},
		{"no target", `{"id":"x1","date":"1993-01-20","text":"t","events":[{"source":"A","code":"010"}]}`, 0, []string{"lacks a source or target"}},
		{"duplicate id", good + "\n" + good, 1, []string{"devset.jsonl:2:1: duplicate id"}},
		{"errors collected", "{\n" + good + "\n{\"id\":1}", 1, []string{":1:", ":3:"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(tc.in), FileName)
			if len(got) != tc.n {
				t.Errorf("got %d sentences, want %d", len(got), tc.n)
			}
			if len(tc.wantErr) == 0 {
				if err != nil {
					t.Fatalf("got error %v, want none", err)
				}
				return
			}
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("got error %v, want an ErrorList", err)
			}
			if len(list) != len(tc.wantErr) {
				t.Fatalf("got %d errors (%v), want %d", len(list), err, len(tc.wantErr))
			}
			for i, w := range tc.wantErr {
				if !strings.Contains(list[i].Error(), w) {
					t.Errorf("error %d: got %q, want it to contain %q", i, list[i], w)
				}
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`{"id":"x1","date":"1993-05-20","text":"Japan sent aid.","events":[{"source":"JPN","target":"KHM","code":"070"}]}`)
	f.Add("{\n\n{\"id\":\"\"}")
	f.Add(`{"id":"a","date":"2020-02-30","text":"x","events":null} {}`)
	f.Fuzz(func(t *testing.T, in string) {
		got, err := Read(strings.NewReader(in), "fuzz")
		var list ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("got error of type %T, want ErrorList", err)
		}
		if len(list) > MaxErrors {
			t.Fatalf("got %d errors, want at most %d", len(list), MaxErrors)
		}
		for _, e := range list {
			if e.Line < 1 || e.Col < 1 {
				t.Fatalf("error %q has no position", e)
			}
		}
		ids := map[string]bool{}
		for _, s := range got {
			if s.ID == "" || ids[s.ID] || strings.TrimSpace(s.Text) == "" {
				t.Fatalf("accepted invalid sentence %+v", s)
			}
			ids[s.ID] = true
		}
	})
}
