package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack/cameo"
)

// runCodes lists the CAMEO code table: every code with its short name,
// QuadClass, Goldstein value and PLOVER type, mode and context.
//
//	twintrack codes [--format text|tsv|json] [CODE-PREFIX...]
//
// Prefixes restrict the list to codes starting with one of them
// ("twintrack codes 04 19").
func runCodes(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("codes", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.String("format", "text", "output format: text, tsv or json")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack codes [--format text|tsv|json] [CODE-PREFIX...]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if err := cameo.Err(); err != nil {
		return fmt.Errorf("codes: %w", err)
	}
	var list []cameo.Info
	for _, in := range cameo.All() {
		if matchesPrefix(in.Code, fs.Args()) {
			list = append(list, in)
		}
	}
	w := bufio.NewWriter(env.Stdout)
	switch strings.ToLower(*format) {
	case "text":
		for _, in := range list {
			indent := strings.Repeat("  ", len(in.Code)-2)
			plover := in.Plover
			if in.PloverMode != "" {
				plover += "/" + in.PloverMode
			}
			if in.PloverContext != "" {
				plover += " [" + in.PloverContext + "]"
			}
			fmt.Fprintf(w, "%-4s %-*s %+5.1f  Q%d  %s\n", in.Code, 48, indent+in.Name, in.Goldstein, in.QuadClass, plover)
		}
	case "tsv":
		fmt.Fprintln(w, "code\troot\tquad_class\tgoldstein\tplover\tplover_mode\tplover_context\tname")
		for _, in := range list {
			fmt.Fprintf(w, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", in.Code, in.Root, in.QuadClass,
				strconv.FormatFloat(in.Goldstein, 'f', 1, 64), in.Plover, in.PloverMode, in.PloverContext, in.Name)
		}
	case "json":
		if list == nil {
			list = []cameo.Info{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(list); err != nil {
			return err
		}
	default:
		return exitError{code: 2, msg: fmt.Sprintf("codes: unknown format %q (want text, tsv or json)", *format)}
	}
	return w.Flush()
}

func matchesPrefix(code string, prefixes []string) bool {
	if len(prefixes) == 0 {
		return true
	}
	for _, p := range prefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}
