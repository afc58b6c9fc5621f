package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/chart"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

// runDyads writes dyad panels: A→B events per period, zero-filled over the
// range, by QuadClass and root, with Goldstein sums and means.
//
//	twintrack dyads --source A --target B [--source C --target D ...]
//	    [--by day|week|month|year] [--from D] [--to D] [--format csv|json]
//	    [--plot FILE.svg [--plot-measure events|goldstein|quad]] [--all]
//	    [--dedup none|events|one-a-day] [--events FILE | --db URL]
//
// Each --source pairs with the --target in the same position; a missing
// target (or source) matches every actor.
func runDyads(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("dyads", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var sources, targets listFlag
	fs.Var(&sources, "source", "source actor code prefix (repeatable, pairs with --target)")
	fs.Var(&targets, "target", "target actor code prefix (repeatable, pairs with --source)")
	by := fs.String("by", "month", "period: day, week, month or year")
	format := fs.String("format", "csv", "output format: csv or json")
	plot := fs.String("plot", "", "also draw the panels as an SVG chart in this file")
	measure := fs.String("plot-measure", "events", "what --plot draws: events (lines), goldstein (sums, bars) or quad (the first dyad by QuadClass, bars)")
	ef := addEventFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack dyads --source A --target B [--source C --target D ...] [--by day|week|month|year] [--from D] [--to D] [--format csv|json] [--plot FILE.svg] [--events FILE | --db URL]")
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return exitError{code: 2}
	}
	if len(rest) > 0 {
		return usageError("dyads", "unexpected arguments %q", rest)
	}
	if len(sources) == 0 && len(targets) == 0 {
		return usageError("dyads", "give at least one --source or --target")
	}
	var dyads []analysis.Dyad
	for i := 0; i < max(len(sources), len(targets)); i++ {
		var d analysis.Dyad
		if i < len(sources) {
			d.Source = sources[i]
		}
		if i < len(targets) {
			d.Target = targets[i]
		}
		dyads = append(dyads, d)
	}
	opt, err := ef.options(*by)
	if err != nil {
		return usageError("dyads", "%v", err)
	}
	if *format != "csv" && *format != "json" {
		return usageError("dyads", "unknown format %q (want csv or json)", *format)
	}
	if *measure != "events" && *measure != "goldstein" && *measure != "quad" {
		return usageError("dyads", "unknown --plot-measure %q (want events, goldstein or quad)", *measure)
	}
	events, finish, err := ef.open(ctx, env, dyads, opt)
	if err != nil {
		return err
	}
	panels, res, err := analysis.Dyads(events, dyads, opt)
	if err != nil {
		finish()
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	if *format == "json" {
		err = writeJSON(w, struct {
			By     analysis.Period  `json:"by"`
			Panels []analysis.Panel `json:"panels"`
			analysis.Result
		}{opt.By, panels, res})
	} else {
		err = writePanelsCSV(w, panels)
	}
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *plot != "" {
		draw, c := chart.Line, chart.PanelEvents(panels)
		switch *measure {
		case "goldstein":
			draw, c = chart.Bar, chart.PanelGoldstein(panels)
		case "quad":
			draw, c = chart.Bar, chart.PanelQuadClass(panels[0])
		}
		if err := writeSVG(*plot, draw, c); err != nil {
			return err
		}
	}
	reportLeftOut(env, res)
	return finish()
}

// writePanelsCSV writes one row per dyad and period.
func writePanelsCSV(w io.Writer, panels []analysis.Panel) error {
	cw := csv.NewWriter(w)
	head := []string{"source", "target", "period", "start", "events", "quad1", "quad2", "quad3", "quad4"}
	for r := 1; r <= 20; r++ {
		head = append(head, fmt.Sprintf("root%02d", r))
	}
	head = append(head, "goldstein_sum", "goldstein_mean", "imprecise")
	if err := cw.Write(head); err != nil {
		return err
	}
	for _, p := range panels {
		for _, r := range p.Rows {
			rec := []string{p.Dyad.Source, p.Dyad.Target, r.Period, r.Start, strconv.Itoa(r.Events)}
			for _, n := range r.QuadClass {
				rec = append(rec, strconv.Itoa(n))
			}
			for _, n := range r.Roots {
				rec = append(rec, strconv.Itoa(n))
			}
			mean := ""
			if m, ok := r.GoldsteinMean(); ok {
				mean = formatScore(m)
			}
			rec = append(rec, formatScore(r.GoldsteinSum), mean, strconv.Itoa(r.Imprecise))
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// formatScore writes a score with at most three decimals.
func formatScore(f float64) string {
	s := strconv.FormatFloat(f, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeSVG draws a chart into a file.
func writeSVG(path string, draw func(io.Writer, *chart.Chart) error, c *chart.Chart) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := draw(f, c); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// reportLeftOut tells the user on stderr about events left out.
func reportLeftOut(env *Env, res analysis.Result) {
	if res.Excluded > 0 {
		fmt.Fprintf(env.Stderr, "twintrack: %d negated, future or hypothetical events left out (--all counts them)\n", res.Excluded)
	}
	if res.Undated > 0 {
		fmt.Fprintf(env.Stderr, "twintrack: %d events without a date left out\n", res.Undated)
	}
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

// usageError is a bad-usage error (exit status 2).
func usageError(cmd, format string, args ...any) error {
	return exitError{code: 2, msg: cmd + ": " + fmt.Sprintf(format, args...)}
}

// parseInterspersed parses flags that may come before, between or after
// positional arguments ("tracks JPN KHM --by year") and returns the
// positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// The helpers below are shared by the dyads, tracks and network commands.

// eventFlags are the flags the analysis commands share: where the events
// come from, the date range and whether flagged events count.
type eventFlags struct {
	events, db, from, to, dedup *string
	all                         *bool
}

func addEventFlags(fs *flag.FlagSet) *eventFlags {
	return &eventFlags{
		events: fs.String("events", "", "read events from this JSON Lines file (as 'twintrack code' writes; - is stdin) instead of a store"),
		db:     fs.String("db", "./"+dburl.Default, "the store: a SQLite file, sqlite:PATH or postgres://..."),
		from:   fs.String("from", "", "first date: YYYY, YYYY-MM or YYYY-MM-DD (default: the first event)"),
		to:     fs.String("to", "", "last date: YYYY, YYYY-MM or YYYY-MM-DD (default: the last event)"),
		all:    fs.Bool("all", false, "also count negated, future and hypothetical events"),
		dedup:  fs.String("dedup", "none", "none (every report), events (one report per happening: source, target, code, event date) or one-a-day"),
	}
}

// options returns the analysis options the flags give.
func (f *eventFlags) options(by string) (analysis.Options, error) {
	var opt analysis.Options
	var err error
	if by != "" {
		if opt.By, err = analysis.ParsePeriod(by); err != nil {
			return opt, err
		}
	}
	if opt.From, err = analysis.ParseBound(*f.from, false); err != nil {
		return opt, fmt.Errorf("--from: %w", err)
	}
	if opt.To, err = analysis.ParseBound(*f.to, true); err != nil {
		return opt, fmt.Errorf("--to: %w", err)
	}
	if !opt.From.IsZero() && !opt.To.IsZero() && opt.To.Before(opt.From) {
		return opt, fmt.Errorf("--to %s is before --from %s", *f.to, *f.from)
	}
	opt.IncludeNegated, opt.IncludeModal = *f.all, *f.all
	return opt, nil
}

// open returns the events to analyse and a function to call when done: it
// closes what open opened and returns an error when bad lines were skipped
// (after the output is written, so one bad line does not hide the rest) or
// the command was interrupted. dyads narrows a store query; opt tells
// deduplication which events count.
func (f *eventFlags) open(ctx context.Context, env *Env, dyads []analysis.Dyad, opt analysis.Options) (iter.Seq2[twintrack.Event, error], func() error, error) {
	if *f.events == "" {
		dedup, err := store.ParseDedup(*f.dedup)
		if err != nil {
			return nil, nil, exitError{code: 2, msg: err.Error()}
		}
		return openStore(ctx, *f.db, dyads, store.Filter{From: *f.from, To: *f.to, All: true, Dedup: dedup})
	}
	dedup, err := analysis.ParseDedup(*f.dedup)
	if err != nil {
		return nil, nil, exitError{code: 2, msg: err.Error()}
	}
	var r io.ReadCloser = io.NopCloser(env.Stdin)
	name := "stdin"
	if *f.events != "-" {
		file, err := os.Open(*f.events)
		if err != nil {
			return nil, nil, err
		}
		r, name = file, *f.events
	}
	bad := 0
	report := func(err error) bool {
		bad++
		fmt.Fprintln(env.Stderr, err)
		return ctx.Err() == nil
	}
	finish := func() error {
		r.Close()
		switch {
		case ctx.Err() != nil:
			return ctx.Err()
		case bad > 0:
			return exitError{code: 1, msg: fmt.Sprintf("%s: %d bad lines skipped", name, bad)}
		}
		return nil
	}
	return analysis.Deduplicate(analysis.SkipErrors(analysis.DecodeEvents(r, name), report), dedup, opt), finish, nil
}

// openStore opens the store at db and queries the events between the
// filter's dates, narrowed to the dyads' sources when every dyad names one,
// and to their targets when every dyad names one (the analysis itself picks
// the exact pairs and decides which flagged events count, so the query asks
// for all of them). A SQLite file must
// exist: reading does not create an empty store.
func openStore(ctx context.Context, db string, dyads []analysis.Dyad, f store.Filter) (iter.Seq2[twintrack.Event, error], func() error, error) {
	if kind, path := dburl.Kind(db); kind == "sqlite" {
		if _, err := os.Stat(path); err != nil {
			return nil, nil, exitError{code: 1, msg: fmt.Sprintf("no store at %s (run 'twintrack ingest' first, or read an events file with --events FILE)", path)}
		}
	}
	allSources, allTargets := len(dyads) > 0, len(dyads) > 0
	for _, d := range dyads {
		allSources = allSources && d.Source != ""
		allTargets = allTargets && d.Target != ""
	}
	for _, d := range dyads {
		if allSources {
			f.Source = appendNew(f.Source, d.Source)
		}
		if allTargets {
			f.Target = appendNew(f.Target, d.Target)
		}
	}
	if err := f.Check(); err != nil {
		return nil, nil, exitError{code: 2, msg: err.Error()}
	}
	st, err := dburl.Open(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	finish := func() error {
		if err := st.Close(); err != nil {
			return err
		}
		return ctx.Err()
	}
	return st.Events(ctx, f), finish, nil
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
