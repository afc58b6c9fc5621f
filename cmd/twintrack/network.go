package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"

	"github.com/twintrack/twintrack/analysis"
)

// runNetwork writes the actor network over a date range: one node per actor
// (or country), one directed edge per pair with events, weighted by event
// counts split into cooperation (QuadClass 1-2) and conflict (3-4).
//
//	twintrack network [--from D] [--to D] [--format graphml|csv]
//	    [--level actor|country] [--all] [--events FILE | --db URL]
func runNetwork(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("network", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "graphml", "output format: graphml or csv (edges)")
	level := fs.String("level", "actor", "nodes: actor (full codes) or country")
	ef := addEventFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack network [--from D] [--to D] [--format graphml|csv] [--level actor|country] [--all] [--events FILE | --db URL]")
		fs.PrintDefaults()
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return exitError{code: 2}
	}
	if len(rest) > 0 {
		return usageError("network", "unexpected arguments %q", rest)
	}
	base, err := ef.options("")
	if err != nil {
		return usageError("network", "%v", err)
	}
	opt := analysis.NetworkOptions{Options: base, Level: analysis.Level(*level)}
	if opt.Level != analysis.Actors && opt.Level != analysis.Countries {
		return usageError("network", "unknown level %q (want actor or country)", *level)
	}
	if *format != "graphml" && *format != "csv" {
		return usageError("network", "unknown format %q (want graphml or csv)", *format)
	}
	events, finish, err := ef.open(ctx, env, nil, base)
	if err != nil {
		return err
	}
	g, err := analysis.Network(events, opt)
	if err != nil {
		finish()
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	if *format == "csv" {
		err = g.WriteCSV(w)
	} else {
		err = g.WriteGraphML(w)
	}
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	reportLeftOut(env, g.Result)
	return finish()
}
