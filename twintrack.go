package twintrack

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
)

// Span is a half-open byte range [Start, End) into the original document.
type Span struct {
	Start int
	End   int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// IsZero reports whether the span is empty and at offset 0 (no span).
func (s Span) IsZero() bool { return s.Start == 0 && s.End == 0 }

// Text returns doc[s.Start:s.End], or "" when the span is out of bounds.
func (s Span) Text(doc string) string {
	if s.Start < 0 || s.End > len(doc) || s.Start > s.End {
		return ""
	}
	return doc[s.Start:s.End]
}

// MarshalJSON writes the span as a two-element array [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf("[%d,%d]", s.Start, s.End)), nil
}

// UnmarshalJSON reads a span written as [start, end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if err := json.Unmarshal(b, &a); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Document is one input text with its metadata. Date is an ISO date
// (YYYY-MM-DD) or empty when unknown.
type Document struct {
	ID     string `json:"id"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
}

// Sentence is a sentence of a document, located by its byte span.
type Sentence struct {
	Index int    // 0-based position in the document
	Span  Span   // bytes of the sentence in Document.Text
	Text  string // Document.Text[Span.Start:Span.End]
}

// Token is a word of a sentence with its byte span in the document.
type Token struct {
	Span Span
	Text string // the original bytes
	Norm string // normalised (upper-cased, filtered) form used for matching
}

// EventSpans locates the parts of an event in the original document.
// A zero span means the part has no words in the text (for example a
// default target).
type EventSpans struct {
	Sentence Span `json:"sentence"`
	Source   Span `json:"source"`
	Target   Span `json:"target"`
	Verb     Span `json:"verb"`
}

// Event is one coded event: who did what to whom, when, and the words that
// say so. Codes are always strings ("010", never 10).
type Event struct {
	EventID       string     `json:"event_id"`
	DocID         string     `json:"doc_id"`
	Sentence      int        `json:"sentence"`
	DocDate       string     `json:"doc_date"`
	EventDate     string     `json:"event_date"`
	DatePrecision string     `json:"date_precision,omitempty"` // day, week, month or year
	Source        string     `json:"source"`
	Target        string     `json:"target"`
	SourceCountry string     `json:"source_country"`
	TargetCountry string     `json:"target_country"`
	SourceRoles   []string   `json:"source_roles"`
	TargetRoles   []string   `json:"target_roles"`
	Code          string     `json:"code"`
	Root          string     `json:"root"`
	QuadClass     int        `json:"quad_class"`
	Goldstein     float64    `json:"goldstein"`
	Plover        string     `json:"plover"`
	Negated       bool       `json:"negated,omitempty"`
	Modality      string     `json:"modality,omitempty"` // "", "hypothetical", "future"
	Issues        []string   `json:"issues,omitempty"`
	SourceText    string     `json:"source_text"`
	TargetText    string     `json:"target_text"`
	VerbText      string     `json:"verb_text"`
	Spans         EventSpans `json:"spans"`
	SentenceText  string     `json:"sentence_text"`
	URL           string     `json:"url,omitempty"`
	DocSource     string     `json:"doc_source,omitempty"`
	DictHash      string     `json:"dict_hash,omitempty"`
	Explain       []string   `json:"explain,omitempty"`
}

// Coder turns a document into events. Implementations are safe for
// concurrent use: dictionaries are loaded once and shared read-only.
type Coder interface {
	CodeDocument(doc *Document) ([]Event, error)
}

// StableID computes the event's id from what identifies it: the document,
// the sentence, the event's parts and their spans, and the dictionary set.
// The same input and dictionaries always give the same id.
func (e *Event) StableID() string {
	h := fnv.New128a()
	fmt.Fprintf(h, "%s\x00%d\x00%s\x00%s\x00%s\x00%d,%d\x00%d,%d\x00%d,%d\x00%s",
		e.DocID, e.Sentence, e.Source, e.Target, e.Code,
		e.Spans.Source.Start, e.Spans.Source.End,
		e.Spans.Target.Start, e.Spans.Target.End,
		e.Spans.Verb.Start, e.Spans.Verb.End, e.DictHash)
	return hex.EncodeToString(h.Sum(nil))[:20]
}
