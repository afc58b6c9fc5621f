package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"iter"

	"github.com/twintrack/twintrack"
)

// Reader is the read side of a store: what the analysis commands and the
// web server need. *DB implements it.
type Reader interface {
	// Events yields the events that match f, ordered by event date, then
	// document and sentence. With f.Dedup set it yields one event per group
	// (the group's earliest report).
	Events(ctx context.Context, f Filter) iter.Seq2[twintrack.Event, error]
	// Happenings yields the events that match f grouped into happenings
	// (same source, target, code and event date), each with all its reports.
	Happenings(ctx context.Context, f Filter) iter.Seq2[Happening, error]
	// Count counts the reports or the events (happenings) that match f.
	Count(ctx context.Context, f Filter, mode CountMode) (int64, error)
	// Aggregate counts events that match f per period and per the keys in
	// a.By (for example dyad panels or twin-track tables).
	Aggregate(ctx context.Context, f Filter, a Aggregation) ([]Bucket, error)
	// Stats summarises the store.
	Stats(ctx context.Context) (Stats, error)
}

// Writer is the write side of a store: what the ingest pipeline needs.
// *DB implements it.
type Writer interface {
	// StartRun finds or creates the coding run of a dictionary set.
	StartRun(ctx context.Context, info RunInfo) (Run, error)
	// CodedKeys returns the keys of the documents already stored for a run,
	// so that a resumed ingest can skip them before coding.
	CodedKeys(ctx context.Context, runID int64) (map[string]bool, error)
	// Write stores a batch of coded documents with their events in one
	// transaction. Documents already stored for the run are skipped.
	Write(ctx context.Context, runID int64, batch []CodedDocument) (WriteResult, error)
}

// Store is a complete event store.
type Store interface {
	Reader
	Writer
	Close() error
}

// RunInfo describes a coding run: the dictionary set and the coder.
type RunInfo struct {
	DictHash     string // content hash of the dictionary set (the run's key)
	Dictionaries string // human-readable description, e.g. the paths or "built-in"
	Coder        string // coder name and version
}

// Run is a coding run as stored.
type Run struct {
	ID int64
	RunInfo
	Started   string // RFC 3339, UTC
	Documents int64  // documents coded in this run
	Events    int64  // events stored for this run
}

// CodedDocument is a document with the events its coding produced.
type CodedDocument struct {
	Doc       twintrack.Document
	Key       string // DocKey(Doc), filled by Write when empty
	Sentences int    // number of sentences the document was split into
	Events    []twintrack.Event
}

// WriteResult says what a Write stored.
type WriteResult struct {
	Documents int // documents newly stored for the run
	Skipped   int // documents the run had already stored
	Sentences int // sentences of the newly stored documents
	Events    int // events stored
}

// Happening is one event reported possibly many times: the reports share
// source, target, code and event date.
type Happening struct {
	Event   twintrack.Event   // the earliest report, as the representative
	Reports []twintrack.Event // all reports, the representative first
}

// CountMode says what Count and Aggregate count.
type CountMode int

const (
	// CountReports counts every stored event record (one per report).
	CountReports CountMode = iota
	// CountEvents counts happenings: reports with the same source,
	// target, code and event date count once.
	CountEvents
)

// ParseCountMode parses "reports" or "events".
func ParseCountMode(s string) (CountMode, error) {
	switch s {
	case "", "reports":
		return CountReports, nil
	case "events":
		return CountEvents, nil
	}
	return 0, errors.New(`count: want "events" or "reports", got "` + s + `"`)
}

// DocKey returns the key a document is stored under: its id, or, when it
// has none, "sha256-" and the first 24 hex digits of the SHA-256 of its
// text (the id package input gives such documents, input.ContentID).
func DocKey(d *twintrack.Document) string {
	if d.ID != "" {
		return d.ID
	}
	h := sha256.Sum256([]byte(d.Text))
	return "sha256-" + hex.EncodeToString(h[:12])
}

// Stats summarises a store.
type Stats struct {
	Documents int64        `json:"documents"`
	Sentences int64        `json:"sentences"`
	Reports   int64        `json:"reports"`    // current event records
	Events    int64        `json:"events"`     // current happenings
	Excluded  int64        `json:"excluded"`   // current negated, hypothetical or future records
	FirstDate string       `json:"first_date"` // earliest event date
	LastDate  string       `json:"last_date"`  // latest event date
	ByRoot    []KeyCount   `json:"by_root"`
	ByYear    []KeyCount   `json:"by_year"`
	Runs      []Run        `json:"runs"`
	Schema    []Migration  `json:"schema"`
	Extra     []StatsEntry `json:"extra,omitempty"`
}

// KeyCount is a count under a key.
type KeyCount struct {
	Key   string `json:"key"`
	Count int64  `json:"count"`
}

// StatsEntry is an adapter-specific line of Stats (e.g. the file size).
type StatsEntry struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// DB is the implementation of Store.
var _ Store = (*DB)(nil)
