package cluster

import (
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/twintrack/twintrack/store"
)

var validKey = regexp.MustCompile(`^[-_=a-zA-Z0-9]*$`)

// FuzzKeySafe: any worker id becomes a valid bucket key of as many
// characters.
func FuzzKeySafe(f *testing.F) {
	for _, s := range []string{"vm-123", "host.example.org-42", "wörker 1", "a/b*c>", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := keySafe(s)
		if !validKey.MatchString(got) {
			t.Errorf("keySafe(%q) = %q, not a valid key", s, got)
		}
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(s) {
			t.Errorf("keySafe(%q) = %q: %d characters, want %d", s, got, utf8.RuneCountInString(got), utf8.RuneCountInString(s))
		}
	})
}

// dataMsg is a message with only a body: all codeOne reads.
type dataMsg struct {
	jetstream.Msg
	data []byte
}

func (m dataMsg) Data() []byte { return m.data }

func newDataMsg(data []byte) jetstream.Msg { return dataMsg{data: data} }

// FuzzCodeMessage: whatever bytes a message carries, coding it either
// yields a document stored under its key or a reason to bury it; it never
// panics.
func FuzzCodeMessage(f *testing.F) {
	for _, s := range []string{
		`{"id":"d1","date":"2020-01-02","text":"Alpha visited Beta."}`,
		`{"text":"Alpha and Beta, no id."}`,
		`{"id":"d2","text":"PANIC"}`,
		`{"id":"d3","text":"UNCODABLE"}`,
		`{"id":`, `[]`, `null`, "",
	} {
		f.Add([]byte(s))
	}
	w := &worker{o: &WorkerOptions{Coder: testCoder{}}}
	f.Fuzz(func(t *testing.T, data []byte) {
		j := &job{msg: newDataMsg(data)}
		w.codeOne(j)
		if j.dead != "" {
			return
		}
		doc := j.out.Doc
		if j.out.Key != store.DocKey(&doc) {
			t.Errorf("stored under %q, want the document key %q", j.out.Key, store.DocKey(&doc))
		}
		for _, ev := range j.out.Events {
			sp := ev.Spans.Sentence
			if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
				t.Errorf("sentence span %v out of the text's %d bytes", sp, len(doc.Text))
			}
		}
	})
}
