package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/input"
	"github.com/twintrack/twintrack/output"
	"github.com/twintrack/twintrack/parquet"
	"github.com/twintrack/twintrack/records"
	"github.com/twintrack/twintrack/text"
)

// pathList is a repeatable string flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(s string) error { *p = append(*p, s); return nil }

// runCode codes documents into events.
//
//	twintrack code [--dict PATH]... [--date YYYY-MM-DD] [--format jsonl|tsv|csv|phoenix|parquet] [--input-format F] [--explain] [--trace] [--workers N] [FILE...]
//
// Each FILE (stdin when there is none) is either TABARI records (the first
// non-blank line starts with six or more digits and an id) or plain text,
// one document per file. --dict names a .project file, a directory or a
// dictionary file; without it the built-in dictionaries are used.
func runCode(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("code", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var dicts pathList
	fs.Var(&dicts, "dict", "dictionaries: a .project file, a directory or a dictionary file (repeatable; default: built-in)")
	date := fs.String("date", "", "report date of plain-text documents, YYYY-MM-DD (default: today)")
	format := fs.String("format", "jsonl", "output format: jsonl, tsv, csv, phoenix or parquet")
	inputFormat := fs.String("input-format", "", "input format: text, jsonl, tabari or petrarch (default: detected per file)")
	explain := fs.Bool("explain", false, "say which dictionary entries produced each event")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "goroutines coding TABARI records in parallel")
	trace := fs.Bool("trace", false, "print each sentence's parse (word types, entries, clauses) on stderr")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack code [--dict PATH]... [--date YYYY-MM-DD] [--format jsonl|tsv|csv|phoenix|parquet] [--input-format F] [--explain] [--trace] [--workers N] [FILE...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if *date == "" {
		*date = time.Now().UTC().Format("2006-01-02")
	} else if _, err := time.Parse("2006-01-02", *date); err != nil {
		return exitError{code: 2, msg: fmt.Sprintf("code: --date %q is not YYYY-MM-DD", *date)}
	}
	set, err := loadCodingSet(dicts, env.Stderr)
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	c := set.coder
	c.Explain = *explain
	w, err := output.NewWith(env.Stdout, *format, output.Formats{"parquet": parquet.NewWriter})
	if err != nil {
		return exitError{code: 2, msg: "code: " + err.Error()}
	}
	cr := &codeRun{c: c, w: w, env: env, date: *date, workers: *workers, inputFormat: *inputFormat, trace: *trace, explainStderr: *explain && !strings.HasPrefix(strings.ToLower(*format), "json")}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			w.Close()
			return err
		}
		if err := cr.file(ctx, f); err != nil {
			w.Close()
			return err
		}
	}
	if cr.records >= 10000 {
		fmt.Fprintf(env.Stderr, "coded %d records, %d events\n", cr.records, cr.events)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("code: %w", err)
	}
	if cr.skipped > 0 {
		return exitError{code: exitSkipped, msg: fmt.Sprintf("code: %d input records skipped (see above); the rest is coded", cr.skipped)}
	}
	return nil
}

// codeRun holds the state of one code command.
type codeRun struct {
	c             *coder.Coder
	w             output.Writer
	env           *Env
	date          string
	workers       int
	trace         bool
	explainStderr bool
	inputFormat   string
	records       int
	events        int
	skipped       int
}

func (cr *codeRun) file(ctx context.Context, name string) error {
	var r io.Reader = cr.env.Stdin
	id := "stdin"
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("code: %w", err)
		}
		defer f.Close()
		r = f
		id = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	// Records are streamed; a plain-text file is one document.
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	if records.LooksLikeRecords(string(head)) {
		return cr.records_(ctx, br, name)
	}
	// Everything else (plain text, JSON Lines documents, PETRARCH XML,
	// gzip) goes through the input readers: one document at a time, bad
	// records reported with their position and skipped.
	in, err := input.NewReader(br, name, input.Options{Format: cr.inputFormat, Date: cr.date})
	if err != nil {
		return fmt.Errorf("code: %w", err)
	}
	defer in.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		doc, err := in.Next()
		if err == io.EOF {
			break
		}
		var ie *input.Error
		if errors.As(err, &ie) {
			fmt.Fprintf(cr.env.Stderr, "twintrack: %v; skipped\n", err)
			cr.skipped++
			continue
		}
		if err != nil {
			return fmt.Errorf("code: %w", err)
		}
		if doc.ID == "" || doc.ID == "-" || (name == "-" && doc.ID == "stdin") {
			doc.ID = id
		}
		if cr.trace {
			t, _ := time.Parse("2006-01-02", doc.Date)
			day := dict.MakeDay(t.Year(), int(t.Month()), t.Day())
			for i, sp := range text.Sentences(doc.Text) {
				fmt.Fprintf(cr.env.Stderr, "== %s sentence %d\n%s", doc.ID, i,
					cr.c.Trace(coder.Input{Text: doc.Text[sp.Start:sp.End], Date: day, Unicode: true, Mode: cr.c.DocumentMode}))
			}
		}
		evs, err := cr.c.CodeDocument(&doc)
		if err != nil {
			return fmt.Errorf("code: %s: %w", doc.ID, err)
		}
		if err := cr.write(evs); err != nil {
			return err
		}
	}
	return nil
}

// records_ codes TABARI records with the dictionary's options. Records
// are read in batches; without pronoun forwarding (which needs the
// previous record) a batch is coded by cr.workers goroutines, and the
// events are written in input order.
func (cr *codeRun) records_(ctx context.Context, r io.Reader, name string) error {
	sess := cr.c.NewSession()
	// News records may hold tabs and curly quotes; read them as news text.
	sess.Unicode = true
	rd := records.NewReader(r, name)
	const batchSize = 512
	batch := make([]*records.Record, 0, batchSize)
	out := make([][]twintrack.Event, batchSize)
	for {
		batch = batch[:0]
		var readErr error
		for len(batch) < batchSize {
			rd.YYYY = sess.Options.YYYY
			rec, err := rd.Next()
			if err != nil {
				readErr = err
				break
			}
			if !rec.DateOK {
				fmt.Fprintf(cr.env.Stderr, "twintrack: %s:%d: invalid date %q; record skipped\n", name, rec.Line, rec.Date)
				continue
			}
			batch = append(batch, rec)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		cr.codeBatch(sess, batch, out)
		for i := range batch {
			if err := cr.write(out[i]); err != nil {
				return err
			}
			out[i] = nil
		}
		before := cr.records / 100000
		cr.records += len(batch)
		if cr.records/100000 > before {
			fmt.Fprintf(cr.env.Stderr, "coded %d records, %d events\n", cr.records, cr.events)
		}
		if readErr == io.EOF {
			return nil
		}
		if readErr != nil {
			return fmt.Errorf("code: %w", readErr)
		}
	}
}

// codeBatch codes a batch of records into out[i].
func (cr *codeRun) codeBatch(sess *coder.Session, batch []*records.Record, out [][]twintrack.Event) {
	one := func(i int, res coder.Result) {
		rec := batch[i]
		if len(res.Events) == 0 {
			return
		}
		doc := &twintrack.Document{ID: sess.RecordID(rec), Date: rec.Day.ISO(), Text: rec.Text}
		out[i] = cr.c.Events(doc, 0, twintrack.Span{Start: 0, End: len(rec.Text)}, &res)
	}
	if sess.Options.Forwarding || cr.workers < 2 || cr.trace {
		for i, rec := range batch {
			if cr.trace {
				fmt.Fprintf(cr.env.Stderr, "== %s\n%s", rec.ID, cr.c.Trace(coder.Input{Text: rec.Text, Date: rec.Day, Options: &sess.Options, Unicode: sess.Unicode}))
			}
			one(i, sess.CodeRecord(rec))
		}
		return
	}
	var wg sync.WaitGroup
	for w := 0; w < cr.workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(batch); i += cr.workers {
				rec := batch[i]
				one(i, cr.c.Code(coder.Input{Text: rec.Text, Date: rec.Day, Options: &sess.Options, Unicode: sess.Unicode}))
			}
		}(w)
	}
	wg.Wait()
}

func (cr *codeRun) write(evs []twintrack.Event) error {
	for i := range evs {
		ev := &evs[i]
		for _, pass := range eventPasses {
			pass(ev)
		}
		if err := cr.w.Write(ev); err != nil {
			return fmt.Errorf("code: %w", err)
		}
		cr.events++
		if cr.explainStderr {
			for _, x := range ev.Explain {
				fmt.Fprintf(cr.env.Stderr, "%s\t%s\n", ev.EventID, x)
			}
		}
	}
	return nil
}
