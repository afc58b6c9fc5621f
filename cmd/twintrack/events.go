package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack/output"
	"github.com/twintrack/twintrack/parquet"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

// runEvents queries events from a store.
//
//	twintrack events [--db URL] [--source JPN] [--target KHM] [--root 04] [--from 1979] [--to 1991]
//	                 [--format jsonl|tsv|csv|phoenix|parquet] [--count events|reports] ...
//
// Negated and hypothetical events are left out unless --all is given.
func runEvents(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", dburl.Default, "the store: a SQLite file, sqlite:PATH or postgres://...")
	source := fs.String("source", "", "source actor code prefixes, comma-separated (JPN, JPNGOV, ...)")
	target := fs.String("target", "", "target actor code prefixes, comma-separated")
	sourceRole := fs.String("source-role", "", "source role codes, comma-separated (GOV, OPP, ...)")
	targetRole := fs.String("target-role", "", "target role codes, comma-separated")
	code := fs.String("code", "", "CAMEO code prefixes, comma-separated (04, 043, ...)")
	root := fs.String("root", "", "CAMEO roots, comma-separated (04, 19, ...)")
	quad := fs.String("quad", "", "QuadClasses, comma-separated (1-4)")
	from := fs.String("from", "", "first event date: YYYY, YYYY-MM or YYYY-MM-DD")
	to := fs.String("to", "", "last event date: YYYY, YYYY-MM or YYYY-MM-DD (the whole period)")
	text := fs.String("text", "", "a substring the sentence must contain (ASCII case ignored)")
	doc := fs.String("doc", "", "one document's events, by its id")
	run := fs.Int64("run", 0, "one coding run's events (see 'twintrack stats'; default: each document's latest)")
	all := fs.Bool("all", false, "include negated, hypothetical and future events")
	dedup := fs.String("dedup", "none", "none, events (one report per happening: source, target, code, event date) or one-a-day (Phoenix: per report day)")
	count := fs.String("count", "", "print a count instead of the events: events (happenings) or reports")
	reports := fs.Bool("reports", false, "JSON Lines of happenings, each with all its reports")
	limit := fs.Int("limit", 0, "at most this many events (0: all)")
	offset := fs.Int("offset", 0, "skip this many events first (paging; with --limit)")
	format := fs.String("format", "jsonl", "output format: jsonl, tsv, csv, phoenix or parquet")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack events [--db URL] [--source JPN] [--target KHM] [--root 04] [--from 1979] [--to 1991] [--format F] [flags]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() > 0 {
		return exitError{code: 2, msg: fmt.Sprintf("events: unexpected argument %q", fs.Arg(0))}
	}
	f := store.Filter{
		Source: store.SplitList(*source), Target: store.SplitList(*target),
		SourceRoles: store.SplitList(*sourceRole), TargetRoles: store.SplitList(*targetRole),
		Codes: store.SplitList(*code), Roots: store.SplitList(*root),
		From: *from, To: *to, Text: *text, DocID: *doc, RunID: *run, All: *all, Limit: *limit, Offset: *offset,
	}
	var err error
	if f.QuadClasses, err = parseInts(*quad); err != nil {
		return exitError{code: 2, msg: "events: --quad: " + err.Error()}
	}
	if f.Dedup, err = store.ParseDedup(*dedup); err != nil {
		return exitError{code: 2, msg: "events: --" + err.Error()}
	}
	if err := f.Check(); err != nil {
		return exitError{code: 2, msg: "events: " + strings.ReplaceAll(err.Error(), "\n", "; ")}
	}
	var w output.Writer
	if *count == "" && !*reports {
		if w, err = output.NewWith(env.Stdout, *format, output.Formats{"parquet": parquet.NewWriter}); err != nil {
			return exitError{code: 2, msg: "events: " + err.Error()}
		}
	}
	mode, err := store.ParseCountMode(*count)
	if err != nil {
		return exitError{code: 2, msg: "events: --" + err.Error()}
	}
	st, err := dburl.OpenExisting(ctx, *db)
	if err != nil {
		return exitError{code: 1, msg: "events: " + err.Error()}
	}
	defer st.Close()
	switch {
	case *count != "":
		n, err := st.Count(ctx, f, mode)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, n)
		return nil
	case *reports:
		return writeHappenings(ctx, env.Stdout, st, f)
	}
	for ev, err := range st.Events(ctx, f) {
		if err != nil {
			w.Close()
			return err
		}
		if err := w.Write(&ev); err != nil {
			return fmt.Errorf("events: %w", err)
		}
	}
	return w.Close()
}

// writeHappenings writes one JSON object per happening: its representative
// event, the number of reports and the reports' ids, documents and URLs.
func writeHappenings(ctx context.Context, w io.Writer, st store.Reader, f store.Filter) error {
	type report struct {
		EventID  string `json:"event_id"`
		DocID    string `json:"doc_id"`
		Sentence int    `json:"sentence"`
		DocDate  string `json:"doc_date"`
		URL      string `json:"url,omitempty"`
	}
	enc := json.NewEncoder(w)
	for h, err := range st.Happenings(ctx, f) {
		if err != nil {
			return err
		}
		rs := make([]report, len(h.Reports))
		for i, r := range h.Reports {
			rs[i] = report{r.EventID, r.DocID, r.Sentence, r.DocDate, r.URL}
		}
		out := struct {
			Event   any      `json:"event"`
			Count   int      `json:"report_count"`
			Reports []report `json:"reports"`
		}{&h.Event, len(rs), rs}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

// parseInts parses a comma-separated list of integers.
func parseInts(s string) ([]int, error) {
	var out []int
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", p)
		}
		out = append(out, n)
	}
	return out, nil
}
