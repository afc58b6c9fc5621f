package httpserver

import (
	"context"
	"errors"
	"iter"
	"slices"
	"strings"

	"github.com/twintrack/twintrack"
)

// Store is what the server needs from an event store. The SQLite and
// PostgreSQL adapters are wrapped to satisfy it (see cmd/twintrack/serve.go);
// tests use an in-memory implementation.
//
// Implementations must pass every value of a Query to the database as a
// bound parameter: nothing a client sends may reach SQL as text.
type Store interface {
	// Events yields the events that match q, ordered by event date,
	// document id, sentence and event id, skipping the first q.Offset
	// matches and yielding at most q.Limit (all when q.Limit is 0). An
	// error ends the sequence.
	Events(ctx context.Context, q Query) iter.Seq2[twintrack.Event, error]

	// Event returns the event with the given id, negated or not. It
	// returns an error wrapping ErrNotFound when there is none.
	Event(ctx context.Context, id string) (twintrack.Event, error)

	// Reports returns the documents that report ev: its own document
	// first, then the other reports of the same happening (same source,
	// target, code and event date).
	Reports(ctx context.Context, ev *twintrack.Event) ([]Report, error)
}

// Ingester stores documents after coding them. A server whose store also
// implements Ingester accepts POST /api/documents (when it has a token).
type Ingester interface {
	// IngestDocuments codes and stores docs. Documents already stored
	// (same id) are counted as skipped, not stored twice.
	IngestDocuments(ctx context.Context, docs []twintrack.Document) (IngestResult, error)
}

// IngestResult summarises an ingest request.
type IngestResult struct {
	Documents int      `json:"documents"`          // documents stored
	Skipped   int      `json:"skipped"`            // documents already in the store or repeated in the request
	Rejected  []string `json:"rejected,omitempty"` // documents that could not be coded, with the reason
	Events    int      `json:"events"`             // events stored
}

// Report is a document that reports an event.
type Report struct {
	DocID    string `json:"doc_id"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
	Source   string `json:"source,omitempty"`
	Sentence int    `json:"sentence"`
}

// ErrNotFound is wrapped by Store implementations when what was asked for
// does not exist; the server answers 404.
var ErrNotFound = errors.New("not found")

// ErrInvalid is wrapped by errors that come from a bad request (a bad
// parameter, a malformed document); the server answers 400 with the
// error's message.
var ErrInvalid = errors.New("invalid request")

// Query selects events. Empty fields do not restrict. Actor codes match by
// prefix, so "JPN" matches "JPN", "JPNGOV" and "JPNOPP".
type Query struct {
	Actor       string // source or target starts with Actor
	Source      string // source starts with Source
	Target      string // target starts with Target
	Country     string // source or target country equals Country
	Role        string // source or target roles contain Role
	SourceRole  string // source roles contain SourceRole
	TargetRole  string // target roles contain TargetRole
	Code        string // CAMEO code starts with Code ("04" is a root)
	QuadClasses []int  // any of these QuadClasses (1-4); empty for any
	From        string // event date on or after From (YYYY-MM-DD)
	To          string // event date on or before To (YYYY-MM-DD)
	Text        string // sentence contains Text (case-insensitive)
	All         bool   // include negated, hypothetical and future events
	Limit       int    // at most Limit events; 0 for no limit
	Offset      int    // skip Offset events
}

// Counted reports whether an event is counted by default: events that did
// not happen (negated) or have not happened yet (hypothetical, future) are
// left out of lists and counts unless a query asks for All, as in the store
// and the analysis package.
func Counted(ev *twintrack.Event) bool {
	return !ev.Negated && ev.Modality == ""
}

// Match reports whether ev satisfies every filter of q (Limit and Offset
// aside). It states the meaning of each field; stores implement the same
// in SQL, and in-memory stores can use it as is.
func (q *Query) Match(ev *twintrack.Event) bool {
	switch {
	case !q.All && !Counted(ev),
		q.Actor != "" && !strings.HasPrefix(ev.Source, q.Actor) && !strings.HasPrefix(ev.Target, q.Actor),
		q.Source != "" && !strings.HasPrefix(ev.Source, q.Source),
		q.Target != "" && !strings.HasPrefix(ev.Target, q.Target),
		q.Country != "" && ev.SourceCountry != q.Country && ev.TargetCountry != q.Country,
		q.Role != "" && !slices.Contains(ev.SourceRoles, q.Role) && !slices.Contains(ev.TargetRoles, q.Role),
		q.SourceRole != "" && !slices.Contains(ev.SourceRoles, q.SourceRole),
		q.TargetRole != "" && !slices.Contains(ev.TargetRoles, q.TargetRole),
		q.Code != "" && !strings.HasPrefix(ev.Code, q.Code),
		len(q.QuadClasses) > 0 && !slices.Contains(q.QuadClasses, ev.QuadClass),
		q.From != "" && ev.EventDate < q.From,
		q.To != "" && ev.EventDate > q.To,
		q.Text != "" && !strings.Contains(lowerASCII(ev.SentenceText), lowerASCII(q.Text)):
		return false
	}
	return true
}
