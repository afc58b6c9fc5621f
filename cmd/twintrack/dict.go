package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/twintrack/twintrack/dict"
)

// runDict checks dictionaries or looks up a phrase.
//
//	twintrack dict check [-w] PATH...
//	twintrack dict lookup [--dict PATH]... [--date YYYY-MM-DD] PHRASE
//
// check loads each PATH (a .project file, a directory or a dictionary
// file, TABARI or PETRARCH/Phoenix format) on its own and prints every
// problem as file:line:col: message; the exit status is 1 when there is
// any. -w also prints warnings (duplicates, blocks without a code).
//
// lookup prints the entries the phrase resolves to, best first (the one
// the coder takes), with the file:line each comes from and its code on the
// date (default today). --dict layers dictionaries as in "code"; without
// it the built-in dictionaries are used.
func runDict(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 {
		fmt.Fprintln(env.Stderr, "usage: twintrack dict check PATH... | twintrack dict lookup [--dict PATH]... [--date D] PHRASE")
		return exitError{code: 2}
	}
	switch args[0] {
	case "check":
		return dictCheck(args[1:], env)
	case "lookup":
		return dictLookup(args[1:], env)
	}
	return exitError{code: 2, msg: fmt.Sprintf("dict: unknown subcommand %q (want check or lookup)", args[0])}
}

func dictCheck(args []string, env *Env) error {
	fs := flag.NewFlagSet("dict check", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	warn := fs.Bool("w", false, "also print warnings")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack dict check [-w] PATH...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{code: 2}
	}
	problems := 0
	for _, p := range fs.Args() {
		d, err := dict.Load(p)
		var el *dict.ErrorList
		switch {
		case errors.As(err, &el):
			fmt.Fprintln(env.Stdout, el.Error())
			problems += el.Len()
		case err != nil:
			fmt.Fprintln(env.Stdout, err)
			problems++
		}
		if d == nil {
			continue
		}
		if *warn && d.Warnings.Len() > 0 {
			for _, w := range d.Warnings.Errs {
				fmt.Fprintf(env.Stdout, "%s (warning)\n", w)
			}
			if d.Warnings.Dropped > 0 {
				fmt.Fprintf(env.Stdout, "(and %d more warnings)\n", d.Warnings.Dropped)
			}
		}
		fmt.Fprintf(env.Stderr, "%s: %d files, %d entries, %d synsets, %d discards, %d issue phrases, %d transformations, %d warnings\n",
			p, len(d.Files), len(d.Roots), len(d.Synsets), len(d.Discards), len(d.Issues), len(d.Transforms), d.Warnings.Len())
	}
	if problems > 0 {
		return exitError{code: 1, msg: fmt.Sprintf("dict check: %d problems", problems)}
	}
	return nil
}

func dictLookup(args []string, env *Env) error {
	fs := flag.NewFlagSet("dict lookup", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var dicts pathList
	fs.Var(&dicts, "dict", "dictionaries, layered in order (repeatable; default: built-in)")
	date := fs.String("date", "", "resolve date-restricted codes on this day, YYYY-MM-DD (default: today)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack dict lookup [--dict PATH]... [--date YYYY-MM-DD] PHRASE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitError{code: 2}
	}
	t := time.Now().UTC()
	if *date != "" {
		var err error
		if t, err = time.Parse("2006-01-02", *date); err != nil {
			return exitError{code: 2, msg: fmt.Sprintf("dict lookup: --date %q is not YYYY-MM-DD", *date)}
		}
	}
	day := dict.MakeDay(t.Year(), int(t.Month()), t.Day())
	d, err := dict.Open(dicts...)
	if d == nil {
		return fmt.Errorf("dict lookup: %w", err)
	}
	var el *dict.ErrorList
	if errors.As(err, &el) {
		fmt.Fprintf(env.Stderr, "dict lookup: %d problems in the dictionaries (see 'twintrack dict check')\n", el.Len())
	}
	phrase := fs.Arg(0)
	for _, a := range fs.Args()[1:] {
		phrase += " " + a
	}
	res := d.Lookup(phrase, day)
	if len(res) == 0 {
		fmt.Fprintf(env.Stdout, "%q: no entry\n", phrase)
		return exitError{code: 1}
	}
	for i, r := range res {
		mark := " "
		if i == 0 {
			mark = "*"
		}
		code := r.Code
		if code == "" {
			code = "-"
		}
		fmt.Fprintf(env.Stdout, "%s %-10s %-40s %-14s %s", mark, r.Root.Type, r.Root.Text, code, r.Root.Pos)
		if r.Note != "" {
			fmt.Fprintf(env.Stdout, "  (%s)", r.Note)
		}
		fmt.Fprintln(env.Stdout)
	}
	return nil
}
