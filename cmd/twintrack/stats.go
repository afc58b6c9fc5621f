package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

// runStats summarises a store.
//
//	twintrack stats [--db URL] [--format text|json]
func runStats(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", dburl.Default, "the store: a SQLite file, sqlite:PATH or postgres://...")
	format := fs.String("format", "text", "text or json")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack stats [--db URL] [--format text|json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if *format != "text" && *format != "json" {
		return exitError{code: 2, msg: fmt.Sprintf("stats: --format %q: want text or json", *format)}
	}
	st, err := dburl.OpenExisting(ctx, *db)
	if err != nil {
		return exitError{code: 1, msg: "stats: " + err.Error()}
	}
	defer st.Close()
	s, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	return writeStatsText(env.Stdout, s)
}

// writeStatsText writes the summary as aligned text.
func writeStatsText(w io.Writer, s store.Stats) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "documents\t%d\n", s.Documents)
	fmt.Fprintf(tw, "sentences\t%d\n", s.Sentences)
	fmt.Fprintf(tw, "events\t%d happenings in %d reports\n", s.Events, s.Reports)
	fmt.Fprintf(tw, "not counted\t%d negated, hypothetical or future reports (events --all shows them)\n", s.Excluded)
	if s.FirstDate != "" {
		fmt.Fprintf(tw, "event dates\t%s to %s\n", s.FirstDate, s.LastDate)
	}
	for _, e := range s.Extra {
		fmt.Fprintf(tw, "%s\t%s\n", e.Name, e.Value)
	}
	if len(s.Schema) > 0 {
		m := s.Schema[len(s.Schema)-1]
		fmt.Fprintf(tw, "schema\tversion %d (%s)\n", m.Version, m.Name)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "coding runs\tdocuments\tevents\tdictionaries\tdictionary hash")
	for _, r := range s.Runs {
		hash := r.DictHash
		if len(hash) > 16 {
			hash = hash[:16]
		}
		fmt.Fprintf(tw, "run %d (%s)\t%d\t%d\t%s\t%s\n", r.ID, r.Started, r.Documents, r.Events, r.Dictionaries, hash)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "root\treports\tname")
	for _, kc := range s.ByRoot {
		name := ""
		if in, ok := cameo.Lookup(kc.Key); ok {
			name = in.Name
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\n", kc.Key, kc.Count, name)
	}
	fmt.Fprintln(tw)
	fmt.Fprintln(tw, "year\treports\t")
	max := int64(1)
	for _, kc := range s.ByYear {
		if kc.Count > max {
			max = kc.Count
		}
	}
	for _, kc := range s.ByYear {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", kc.Key, kc.Count, strings.Repeat("#", int(1+kc.Count*39/max)))
	}
	return tw.Flush()
}
