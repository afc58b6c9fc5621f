package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/twintrack/twintrack/export"
	"github.com/twintrack/twintrack/progress"
	"github.com/twintrack/twintrack/store/dburl"
)

// runExport writes the store's current events as a Hive-partitioned Parquet
// data set for DuckDB, Spark, Trino or BigQuery, incrementally: a second
// export of the same directory adds only what changed (see package export).
//
//	twintrack export --db URL --format parquet --out DIR [--partition year|month|day] [--all] [--full]
//
// Progress (on a terminal) and the summary go to stderr; nothing goes to
// stdout.
func runExport(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", dburl.Default, "the store: a SQLite file, sqlite:PATH or postgres://...")
	format := fs.String("format", "parquet", "data set format: parquet")
	out := fs.String("out", "", "the data set's directory (created; a later export of it adds what changed)")
	partition := fs.String("partition", "month", "partition by the event date's year, month or day")
	all := fs.Bool("all", false, "include negated, hypothetical and future events (fixed per directory)")
	full := fs.Bool("full", false, "rewrite the whole data set")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack export --db URL --format parquet --out DIR [--partition year|month|day] [--all] [--full]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() > 0 {
		return usageError("export", "unexpected argument %q", fs.Arg(0))
	}
	if *format != "parquet" {
		return usageError("export", "unknown format %q (want parquet)", *format)
	}
	if *out == "" {
		return usageError("export", "give the data set's directory with --out DIR")
	}
	by, err := export.ParseBy(*partition)
	if err != nil {
		return usageError("export", "--%v", err)
	}
	st, err := dburl.OpenExisting(ctx, *db)
	if err != nil {
		return exitError{code: 1, msg: "export: " + err.Error()}
	}
	defer st.Close()
	opt := export.Options{Dir: *out, By: by, All: *all, Full: *full}
	start := time.Now()
	drawn := false
	if f, ok := env.Stderr.(*os.File); ok && progress.IsTerminal(f) {
		opt.Progress = func(n int64) {
			secs := time.Since(start).Seconds()
			fmt.Fprintf(env.Stderr, "\rexport: %d events written, %.0f events/s ", n, float64(n)/secs)
			drawn = true
		}
	}
	sum, err := export.Run(ctx, st, opt)
	if drawn {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return exitError{code: 1, msg: "export: " + err.Error()}
	}
	writeExportSummary(env.Stderr, *out, sum, time.Since(start))
	return nil
}

// writeExportSummary tells what an export did.
func writeExportSummary(w io.Writer, dir string, s export.Summary, took time.Duration) {
	for _, o := range s.Orphans {
		fmt.Fprintf(w, "export: removed %s, left by an earlier export that did not finish\n", o)
	}
	if s.UpToDate {
		fmt.Fprintf(w, "export: %s is up to date (export %s, generation %d): %d files, %d events\n",
			dir, s.ExportID, s.Generation, s.TotalFiles, s.TotalEvents)
		return
	}
	kind := "incremental"
	if s.Full {
		kind = "full"
	}
	rate := ""
	if secs := took.Seconds(); secs > 0 {
		rate = fmt.Sprintf(", %.0f events/s", float64(s.Events)/secs)
	}
	fmt.Fprintf(w, "export: %s export %s, generation %d: %d documents new or re-coded; wrote %d files, %d events, %s in %s%s\n",
		kind, s.ExportID, s.Generation, s.Documents, s.Files, s.Events, bytesText(s.Bytes), took.Round(time.Millisecond), rate)
	fmt.Fprintf(w, "export: partitions: %d new, %d appended to, %d rewritten%s; %d replaced files removed\n",
		len(s.NewPartitions), len(s.AppendedPartitions), len(s.RewrittenPartitions), listSome(s.RewrittenPartitions), s.FilesRemoved)
	fmt.Fprintf(w, "export: %s now holds %d files, %d events, %s\n", dir, s.TotalFiles, s.TotalEvents, bytesText(s.TotalBytes))
}

// listSome returns " (a, b, ...)" for the first few items, or "".
func listSome(items []string) string {
	const most = 5
	if len(items) == 0 {
		return ""
	}
	more := ""
	if len(items) > most {
		more, items = fmt.Sprintf(", and %d more", len(items)-most), items[:most]
	}
	return " (" + strings.Join(items, ", ") + more + ")"
}

// bytesText writes a size in bytes, KiB or MiB.
func bytesText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
