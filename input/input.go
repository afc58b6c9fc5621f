package input

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/twintrack/twintrack"
)

// Formats are the input format names Options.Format accepts.
var Formats = []string{"text", "jsonl", "tabari", "petrarch"}

// Options control how documents are read. The zero value detects formats
// and leaves dates of undated documents empty.
type Options struct {
	// Format is "text", "jsonl", "tabari" or "petrarch" (case-insensitive;
	// also "txt", "json", "ndjson", "records", "xml"), or "" to detect each
	// file's format from its content.
	Format string
	// Date is the report date (YYYY-MM-DD, or any form ParseDate accepts)
	// given to documents that carry none, in particular plain text files.
	Date string
	// YYYY reads TABARI record headers with four-digit years (YYYYMMDD).
	YYYY bool
	// MaxDocBytes caps the size of one document; larger ones are reported
	// and skipped. 0 means 32 MiB.
	MaxDocBytes int
	// Stdin is read for the path "-" given to Open or OpenPaths.
	Stdin io.Reader
}

const defaultMaxDoc = 32 << 20

// Error is a problem with one record or file of the input. The record is
// skipped; reading continues with the next one.
type Error struct {
	File string // file name as opened ("-" or the caller's name for streams)
	Line int    // 1-based line of the record, 0 when not known
	Col  int    // 1-based byte column, 0 when not known
	Msg  string
	Err  error // underlying error, if any
}

// Error formats the error as "file:line:col: message", leaving out the
// parts that are not known.
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Summary counts what a Reader has read so far.
type Summary struct {
	Files     int            // files opened (a stream counts as one)
	Documents int            // documents returned
	Skipped   int            // bad records and unreadable files reported as *Error
	ByFormat  map[string]int // files per detected or named format
}

// String returns a one-line account such as
// "read 120 documents from 3 files (jsonl 2, text 1), skipped 2".
func (s Summary) String() string {
	var parts []string
	for f, n := range s.ByFormat {
		parts = append(parts, fmt.Sprintf("%s %d", f, n))
	}
	sort.Strings(parts)
	return fmt.Sprintf("read %d documents from %d files (%s), skipped %d",
		s.Documents, s.Files, strings.Join(parts, ", "), s.Skipped)
}

// source yields the documents of one file. next returns the document and
// the line where its record starts, an *Error for a bad record (after
// which it may be called again), or io.EOF.
type source interface {
	next() (twintrack.Document, int, error)
}

// Reader streams documents from files, directories or a stream.
type Reader struct {
	opts  Options
	date  string   // normalised Options.Date
	files []file   // files not yet opened
	cur   source   // current file's records, nil between files
	name  string   // current file name for errors
	base  string   // current file's id stem for plain text
	close []func() // closers of the current file
	sum   Summary
}

type file struct {
	path   string    // path to open, or the stream's name
	stream io.Reader // the stream to read instead of opening path
	id     string    // document id stem for plain text
}

// Open returns a reader of the documents in path, a file or a directory.
func Open(path string, opts Options) (*Reader, error) {
	return OpenPaths([]string{path}, opts)
}

// OpenPaths returns a reader of the documents in paths, files or
// directories, read in the order given; "-" stands for Options.Stdin. It
// fails when a path does not exist or the options are invalid; problems
// inside files are reported later, by Next.
func OpenPaths(paths []string, opts Options) (*Reader, error) {
	r, err := newReader(opts)
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		if p == "-" {
			if opts.Stdin == nil {
				return nil, errors.New(`input "-" given but Options.Stdin is nil`)
			}
			r.files = append(r.files, file{path: "-", stream: opts.Stdin, id: "stdin"})
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			r.files = append(r.files, file{path: p, id: stem(filepath.Base(p))})
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if q != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			regular := d.Type().IsRegular()
			if d.Type()&fs.ModeSymlink != 0 {
				st, err := os.Stat(q) // follow links to files, not to directories
				regular = err == nil && st.Mode().IsRegular()
			}
			if regular {
				rel, _ := filepath.Rel(p, q)
				r.files = append(r.files, file{path: q, id: stem(filepath.ToSlash(rel))})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return r, nil
}

// NewReader returns a reader of the documents in the stream in, named name
// in errors and used as the id of a plain-text document.
func NewReader(in io.Reader, name string, opts Options) (*Reader, error) {
	r, err := newReader(opts)
	if err != nil {
		return nil, err
	}
	r.files = []file{{path: name, stream: in, id: stem(filepath.Base(name))}}
	return r, nil
}

func newReader(opts Options) (*Reader, error) {
	r := &Reader{opts: opts, sum: Summary{ByFormat: map[string]int{}}}
	if opts.Format != "" {
		f, ok := formatAliases[strings.ToLower(opts.Format)]
		if !ok {
			return nil, fmt.Errorf("unknown input format %q (want %s)", opts.Format, strings.Join(Formats, ", "))
		}
		r.opts.Format = f
	}
	if opts.Date != "" {
		d, err := ParseDate(opts.Date)
		if err != nil {
			return nil, fmt.Errorf("date: %w", err)
		}
		r.date = d
	}
	if r.opts.MaxDocBytes <= 0 {
		r.opts.MaxDocBytes = defaultMaxDoc
	}
	return r, nil
}

// formatAliases maps the names Options.Format accepts to formats.
var formatAliases = map[string]string{
	"text": "text", "txt": "text", "plain": "text",
	"jsonl": "jsonl", "json": "jsonl", "ndjson": "jsonl",
	"tabari": "tabari", "records": "tabari",
	"petrarch": "petrarch", "xml": "petrarch", "petr": "petrarch",
}

// stem turns a file name into a document id: without ".gz" and one more
// extension ("2013/07/a.txt.gz" -> "2013/07/a").
func stem(name string) string {
	name = strings.TrimSuffix(name, ".gz")
	if ext := filepath.Ext(name); ext != "" && len(ext) < len(name) {
		name = strings.TrimSuffix(name, ext)
	}
	return name
}

// Summary returns the counts so far.
func (r *Reader) Summary() Summary {
	s := r.sum
	s.ByFormat = make(map[string]int, len(r.sum.ByFormat))
	for k, v := range r.sum.ByFormat {
		s.ByFormat[k] = v
	}
	return s
}

// Close releases the current file. Reading to io.EOF closes every file, so
// Close is needed only when stopping early.
func (r *Reader) Close() error {
	r.closeCur()
	r.files = nil
	return nil
}

func (r *Reader) closeCur() {
	for i := len(r.close) - 1; i >= 0; i-- {
		r.close[i]()
	}
	r.close, r.cur = nil, nil
}

// Next returns the next document, or io.EOF after the last. Any other
// error is an *Error describing a record or file that was skipped; call
// Next again to continue.
func (r *Reader) Next() (twintrack.Document, error) {
	for {
		if r.cur == nil {
			if len(r.files) == 0 {
				return twintrack.Document{}, io.EOF
			}
			f := r.files[0]
			r.files = r.files[1:]
			if err := r.openFile(f); err != nil {
				r.sum.Skipped++
				return twintrack.Document{}, err
			}
			continue
		}
		doc, line, err := r.cur.next()
		if err == io.EOF {
			r.closeCur()
			continue
		}
		if err != nil {
			r.sum.Skipped++
			return twintrack.Document{}, r.asError(err, line)
		}
		if err := r.finish(&doc); err != nil {
			r.sum.Skipped++
			return twintrack.Document{}, &Error{File: r.name, Line: line, Msg: err.Error()}
		}
		r.sum.Documents++
		return doc, nil
	}
}

// All returns every document of r with every error met on the way.
func (r *Reader) All() ([]twintrack.Document, []error) {
	var docs []twintrack.Document
	var errs []error
	for {
		d, err := r.Next()
		if err == io.EOF {
			return docs, errs
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		docs = append(docs, d)
	}
}

func (r *Reader) asError(err error, line int) error {
	var e *Error
	if errors.As(err, &e) {
		if e.File == "" {
			e.File = r.name
		}
		return e
	}
	return &Error{File: r.name, Line: line, Msg: err.Error(), Err: err}
}

// openFile opens f, undoes gzip compression, detects the format and sets
// r.cur.
func (r *Reader) openFile(f file) error {
	r.name = f.path
	in := f.stream
	if in == nil {
		fh, err := os.Open(f.path)
		if err != nil {
			msg := err.Error()
			var pe *fs.PathError
			if errors.As(err, &pe) {
				msg = pe.Op + ": " + pe.Err.Error() // the path is already in Error.File
			}
			return &Error{File: f.path, Msg: msg, Err: err}
		}
		r.close = append(r.close, func() { fh.Close() })
		in = fh
	}
	r.base = f.id
	r.sum.Files++
	br := bufio.NewReaderSize(in, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			r.closeCur()
			return &Error{File: r.name, Msg: "gzip: " + err.Error(), Err: err}
		}
		r.close = append(r.close, func() { gz.Close() })
		br = bufio.NewReaderSize(gz, 64<<10)
	}
	if bom, _ := br.Peek(3); string(bom) == "\xef\xbb\xbf" {
		br.Discard(3) // a UTF-8 byte-order mark is not text
	} else if len(bom) >= 2 && (bom[0] == 0xff && bom[1] == 0xfe || bom[0] == 0xfe && bom[1] == 0xff) {
		// UTF-16 with a byte-order mark, as some Windows tools save text.
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	format := r.opts.Format
	if format == "" {
		head, _ := br.Peek(4096)
		format = Detect(head)
	}
	r.sum.ByFormat[format]++
	switch format {
	case "jsonl":
		r.cur = newJSONL(br, r.opts.MaxDocBytes)
	case "tabari":
		r.cur = newTabari(br, r.name, r.opts.YYYY)
	case "petrarch":
		r.cur = newPetrarch(br, r.opts.MaxDocBytes)
	default:
		r.cur = newText(br, r.base, r.opts.MaxDocBytes)
	}
	return nil
}

// finish checks a document and fills what the input left out: valid
// UTF-8, trimmed id, a content-hash id, the default date.
func (r *Reader) finish(d *twintrack.Document) error {
	for _, f := range []*string{&d.ID, &d.Date, &d.URL, &d.Source, &d.Title, &d.Text} {
		if !utf8.ValidString(*f) {
			*f = strings.ToValidUTF8(*f, "\uFFFD")
		}
	}
	d.ID = strings.TrimSpace(d.ID)
	if strings.TrimSpace(d.Text) == "" {
		return errors.New("document has no text")
	}
	if d.ID == "" {
		d.ID = ContentID(d.Text)
	}
	if d.Date == "" {
		d.Date = r.date
	}
	return nil
}

// ContentID returns the id given to a document that has none: "sha256-"
// and the first 24 hex digits of the SHA-256 of its text. The same text
// always gets the same id.
func ContentID(text string) string {
	h := sha256.Sum256([]byte(text))
	return "sha256-" + hex.EncodeToString(h[:12])
}
