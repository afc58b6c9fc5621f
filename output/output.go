package output

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/twintrack/twintrack"
)

// Writer writes events one at a time. Close flushes buffered output.
type Writer interface {
	Write(ev *twintrack.Event) error
	Close() error
}

// Columns are the header columns of the TSV and CSV formats, in order.
var Columns = []string{
	"event_id", "doc_id", "sentence", "doc_date", "event_date", "date_precision",
	"source", "target", "source_country", "target_country", "source_roles", "target_roles",
	"code", "root", "quad_class", "goldstein", "plover", "negated", "modality",
	"source_text", "target_text", "verb_text",
	"sentence_start", "sentence_end", "source_start", "source_end",
	"target_start", "target_end", "verb_start", "verb_end", "sentence_text",
}

// Constructor makes a writer of one format on w.
type Constructor func(w io.Writer) (Writer, error)

// Formats maps format names to constructors of formats this package does
// not implement itself, such as Parquet (package parquet), whose
// dependencies the stage packages must not import.
type Formats map[string]Constructor

// New returns a writer for format: "jsonl" (default when empty), "tsv",
// "csv" or "phoenix". It is NewWith with no extra formats.
func New(w io.Writer, format string) (Writer, error) {
	return NewWith(w, format, nil)
}

// NewWith returns a writer for format, looking it up first among the
// built-in formats and then in extra. Commands pass the adapters they link
// in, for example
//
//	output.NewWith(w, format, output.Formats{"parquet": parquet.NewWriter})
func NewWith(w io.Writer, format string, extra Formats) (Writer, error) {
	switch strings.ToLower(format) {
	case "", "jsonl", "json":
		bw := bufio.NewWriter(w)
		return &jsonlWriter{bw: bw, enc: json.NewEncoder(bw)}, nil
	case "tsv":
		return newTable(w, '\t'), nil
	case "csv":
		return newTable(w, ','), nil
	case "phoenix":
		return newPhoenix(w), nil
	}
	if c, ok := extra[strings.ToLower(format)]; ok && c != nil {
		return c(w)
	}
	names := []string{"jsonl", "tsv", "csv", "phoenix"}
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names[4:])
	return nil, fmt.Errorf("unknown output format %q (want %s)", format, strings.Join(names, ", "))
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter) Write(ev *twintrack.Event) error { return j.enc.Encode(ev) }
func (j *jsonlWriter) Close() error                    { return j.bw.Flush() }

type tableWriter struct {
	cw     *csv.Writer
	header bool
	tsv    bool
}

func newTable(w io.Writer, sep rune) *tableWriter {
	cw := csv.NewWriter(w)
	cw.Comma = sep
	return &tableWriter{cw: cw, tsv: sep == '\t'}
}

// Row returns the event's fields in the order of Columns.
func Row(ev *twintrack.Event) []string {
	sp := ev.Spans
	return []string{
		ev.EventID, ev.DocID, strconv.Itoa(ev.Sentence), ev.DocDate, ev.EventDate, ev.DatePrecision,
		ev.Source, ev.Target, ev.SourceCountry, ev.TargetCountry,
		strings.Join(ev.SourceRoles, ";"), strings.Join(ev.TargetRoles, ";"),
		ev.Code, ev.Root, strconv.Itoa(ev.QuadClass), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64),
		ev.Plover, strconv.FormatBool(ev.Negated), ev.Modality,
		ev.SourceText, ev.TargetText, ev.VerbText,
		strconv.Itoa(sp.Sentence.Start), strconv.Itoa(sp.Sentence.End),
		strconv.Itoa(sp.Source.Start), strconv.Itoa(sp.Source.End),
		strconv.Itoa(sp.Target.Start), strconv.Itoa(sp.Target.End),
		strconv.Itoa(sp.Verb.Start), strconv.Itoa(sp.Verb.End),
		ev.SentenceText,
	}
}

func (t *tableWriter) Write(ev *twintrack.Event) error {
	if !t.header {
		t.header = true
		if err := t.cw.Write(Columns); err != nil {
			return err
		}
	}
	row := Row(ev)
	for i, f := range row {
		if t.tsv {
			// TSV has no quoting convention readers agree on: keep fields on one line.
			f = oneLine(f)
		}
		row[i] = validUTF8(f)
	}
	return t.cw.Write(row)
}

// flattener replaces the characters that would break a TSV row.
var flattener = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// oneLine returns f with tabs and line breaks replaced by blanks.
func oneLine(f string) string {
	if !strings.ContainsAny(f, "\t\n\r") {
		return f
	}
	return flattener.Replace(f)
}

// validUTF8 returns f with each invalid UTF-8 sequence replaced by U+FFFD,
// as encoding/json does for JSON Lines, so that every format is UTF-8.
func validUTF8(f string) string {
	if utf8.ValidString(f) {
		return f
	}
	return strings.ToValidUTF8(f, "\uFFFD")
}

func (t *tableWriter) Close() error {
	if !t.header {
		t.header = true
		if err := t.cw.Write(Columns); err != nil {
			return err
		}
	}
	t.cw.Flush()
	return t.cw.Error()
}
