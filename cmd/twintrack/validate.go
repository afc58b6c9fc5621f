package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/twintrack/twintrack/validate"
)

// runValidate runs a validation suite and prints one line per failing
// record and the closing line "N passed, M failed".
//
//	twintrack validate [-v] SUITE
//
// SUITE is a TABARI .project file (its dictionaries, options and text
// files are read from beside it) or a PETRARCH XML records file such as
// PETR.UnitTest.records.xml (the dictionaries its <Environment> names are
// read from beside it). The exit status is 1 when a record fails.
func runValidate(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	verbose := fs.Bool("v", false, "also print passing records")
	parse := fs.Bool("parse", false, "PETRARCH XML suites: code the words of each record's <Parse> tree instead of its <Text>")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack validate [-v] [-parse] SUITE.project|RECORDS.xml")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitError{code: 2}
	}
	suite, err := validate.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	if p, ok := suite.(*validate.Petrarch); ok {
		p.UseParse = *parse
	}
	sum, err := suite.Run(func(o validate.Outcome) {
		switch {
		case !o.Pass:
			validate.PrintFailure(env.Stdout, o)
		case *verbose:
			fmt.Fprintf(env.Stdout, "ok   %3d %-16s %s\n", o.Index, o.ID, o.Got)
		}
	})
	if err != nil {
		return err
	}
	if p, ok := suite.(*validate.Petrarch); ok && len(p.Ignored) > 0 {
		fmt.Fprintf(env.Stderr, "note: %d <Config> changes have no equivalent in the shallow coder and were not applied:", len(p.Ignored))
		for _, c := range p.Ignored {
			fmt.Fprintf(env.Stderr, " %s=%s (line %d)", c.Option, c.Value, c.Line)
		}
		fmt.Fprintln(env.Stderr)
	}
	fmt.Fprintf(env.Stdout, "%d passed, %d failed\n", sum.Passed, sum.Failed)
	if sum.Failed > 0 {
		return exitError{code: 1}
	}
	return nil
}
