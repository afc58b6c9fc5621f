package parquet

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	pq "github.com/parquet-go/parquet-go"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/output"
)

// Row is one event as stored in a Parquet file; its field tags define the
// schema described in the package documentation.
type Row struct {
	EventID       string   `parquet:"event_id"`
	DocID         string   `parquet:"doc_id"`
	Sentence      int32    `parquet:"sentence"`
	DocDate       string   `parquet:"doc_date,dict"`
	EventDate     string   `parquet:"event_date,dict"`
	DatePrecision string   `parquet:"date_precision,dict"`
	Source        string   `parquet:"source,dict"`
	Target        string   `parquet:"target,dict"`
	SourceCountry string   `parquet:"source_country,dict"`
	TargetCountry string   `parquet:"target_country,dict"`
	SourceRoles   []string `parquet:"source_roles,list"`
	TargetRoles   []string `parquet:"target_roles,list"`
	Code          string   `parquet:"code,dict"`
	Root          string   `parquet:"root,dict"`
	QuadClass     int32    `parquet:"quad_class"`
	Goldstein     float64  `parquet:"goldstein"`
	Plover        string   `parquet:"plover,dict"`
	Negated       bool     `parquet:"negated"`
	Modality      string   `parquet:"modality,dict"`
	Issues        []string `parquet:"issues,list"`
	SourceText    string   `parquet:"source_text"`
	TargetText    string   `parquet:"target_text"`
	VerbText      string   `parquet:"verb_text"`
	SentenceStart int64    `parquet:"sentence_start"`
	SentenceEnd   int64    `parquet:"sentence_end"`
	SourceStart   int64    `parquet:"source_start"`
	SourceEnd     int64    `parquet:"source_end"`
	TargetStart   int64    `parquet:"target_start"`
	TargetEnd     int64    `parquet:"target_end"`
	VerbStart     int64    `parquet:"verb_start"`
	VerbEnd       int64    `parquet:"verb_end"`
	SentenceText  string   `parquet:"sentence_text"`
	URL           string   `parquet:"url"`
	DocSource     string   `parquet:"doc_source,dict"`
	DictHash      string   `parquet:"dict_hash,dict"`
}

// FromEvent converts an event to its Parquet row.
func FromEvent(ev *twintrack.Event) Row {
	sp := ev.Spans
	return Row{
		EventID: ev.EventID, DocID: ev.DocID, Sentence: int32(ev.Sentence),
		DocDate: ev.DocDate, EventDate: ev.EventDate, DatePrecision: ev.DatePrecision,
		Source: ev.Source, Target: ev.Target, SourceCountry: ev.SourceCountry, TargetCountry: ev.TargetCountry,
		SourceRoles: nonNil(ev.SourceRoles), TargetRoles: nonNil(ev.TargetRoles),
		Code: ev.Code, Root: ev.Root, QuadClass: int32(ev.QuadClass), Goldstein: ev.Goldstein,
		Plover: ev.Plover, Negated: ev.Negated, Modality: ev.Modality, Issues: nonNil(ev.Issues),
		SourceText: ev.SourceText, TargetText: ev.TargetText, VerbText: ev.VerbText,
		SentenceStart: int64(sp.Sentence.Start), SentenceEnd: int64(sp.Sentence.End),
		SourceStart: int64(sp.Source.Start), SourceEnd: int64(sp.Source.End),
		TargetStart: int64(sp.Target.Start), TargetEnd: int64(sp.Target.End),
		VerbStart: int64(sp.Verb.Start), VerbEnd: int64(sp.Verb.End),
		SentenceText: ev.SentenceText, URL: ev.URL, DocSource: ev.DocSource, DictHash: ev.DictHash,
	}
}

// Event converts a row back to an event. Empty lists become nil, as in
// events decoded from JSON Lines without those fields.
func (r *Row) Event() twintrack.Event {
	span := func(s, e int64) twintrack.Span { return twintrack.Span{Start: int(s), End: int(e)} }
	return twintrack.Event{
		EventID: r.EventID, DocID: r.DocID, Sentence: int(r.Sentence),
		DocDate: r.DocDate, EventDate: r.EventDate, DatePrecision: r.DatePrecision,
		Source: r.Source, Target: r.Target, SourceCountry: r.SourceCountry, TargetCountry: r.TargetCountry,
		SourceRoles: nilIfEmpty(r.SourceRoles), TargetRoles: nilIfEmpty(r.TargetRoles),
		Code: r.Code, Root: r.Root, QuadClass: int(r.QuadClass), Goldstein: r.Goldstein,
		Plover: r.Plover, Negated: r.Negated, Modality: r.Modality, Issues: nilIfEmpty(r.Issues),
		SourceText: r.SourceText, TargetText: r.TargetText, VerbText: r.VerbText,
		Spans: twintrack.EventSpans{
			Sentence: span(r.SentenceStart, r.SentenceEnd), Source: span(r.SourceStart, r.SourceEnd),
			Target: span(r.TargetStart, r.TargetEnd), Verb: span(r.VerbStart, r.VerbEnd),
		},
		SentenceText: r.SentenceText, URL: r.URL, DocSource: r.DocSource, DictHash: r.DictHash,
	}
}

// makeValid replaces invalid UTF-8 in the row's strings, copying lists
// before changing them (they are shared with the caller's event).
func makeValid(r *Row) {
	for _, p := range []*string{&r.EventID, &r.DocID, &r.DocDate, &r.EventDate, &r.DatePrecision,
		&r.Source, &r.Target, &r.SourceCountry, &r.TargetCountry, &r.Code, &r.Root, &r.Plover,
		&r.Modality, &r.SourceText, &r.TargetText, &r.VerbText, &r.SentenceText, &r.URL,
		&r.DocSource, &r.DictHash} {
		if !utf8.ValidString(*p) {
			*p = strings.ToValidUTF8(*p, "\uFFFD")
		}
	}
	for _, l := range []*[]string{&r.SourceRoles, &r.TargetRoles, &r.Issues} {
		for i, v := range *l {
			if !utf8.ValidString(v) {
				c := append([]string(nil), (*l)...)
				c[i] = strings.ToValidUTF8(v, "\uFFFD")
				*l = c
			}
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

// batch is how many rows the writer collects before handing them to
// parquet-go, and rowGroup the most rows a row group holds.
const (
	batch    = 512
	rowGroup = 1 << 16
)

// Writer writes events to a Parquet file. It implements output.Writer.
type Writer struct {
	pw   *pq.GenericWriter[Row]
	rows []Row
}

// NewWriter returns a writer of events as Parquet to w. Close writes the
// file's footer; it does not close w. Its signature is an
// output.Constructor.
func NewWriter(w io.Writer) (output.Writer, error) {
	return New(w), nil
}

// New returns a writer of events as Parquet to w.
func New(w io.Writer) *Writer {
	pw := pq.NewGenericWriter[Row](w,
		pq.Compression(&pq.Zstd),
		pq.MaxRowsPerRowGroup(rowGroup),
		pq.CreatedBy("twintrack", "", ""),
		pq.KeyValueMetadata("twintrack.schema", "event/1"),
	)
	return &Writer{pw: pw, rows: make([]Row, 0, batch)}
}

// Write adds one event. Invalid UTF-8 in its text is replaced by U+FFFD,
// as Parquet STRING columns must hold UTF-8.
func (w *Writer) Write(ev *twintrack.Event) error {
	row := FromEvent(ev)
	makeValid(&row)
	w.rows = append(w.rows, row)
	if len(w.rows) == batch {
		return w.flush()
	}
	return nil
}

func (w *Writer) flush() error {
	if len(w.rows) == 0 {
		return nil
	}
	_, err := w.pw.Write(w.rows)
	w.rows = w.rows[:0]
	if err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// Close writes the remaining events and the footer.
func (w *Writer) Close() error {
	if err := w.flush(); err != nil {
		return err
	}
	if err := w.pw.Close(); err != nil {
		return fmt.Errorf("parquet: %w", err)
	}
	return nil
}

// ReadFile reads every event of a Parquet file written by Writer.
func ReadFile(path string) ([]twintrack.Event, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	rows, err := pq.Read[Row](f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	evs := make([]twintrack.Event, len(rows))
	for i := range rows {
		evs[i] = rows[i].Event()
	}
	return evs, nil
}
