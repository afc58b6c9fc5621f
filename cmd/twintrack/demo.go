package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/twintrack/twintrack/corpus"
)

// runDemo is the newcomer's first command: it codes the project's own sample
// corpus with the built-in dictionaries into an SQLite store (idempotently:
// running it again adds nothing) and prints the twin-track report of Japan's
// engagement with Cambodia's government and opposition.
func runDemo(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", "twintrack.db", "the store to fill: a SQLite file, sqlite:PATH or postgres://...")
	sender := fs.String("sender", "JPN", "sender of the twin-track report")
	target := fs.String("target", "KHM", "target of the twin-track report")
	serve := fs.Bool("serve", false, "then serve the web interface over the store")
	addr := fs.String("addr", "127.0.0.1:8080", "address for --serve")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack demo [--db FILE] [--sender JPN --target KHM] [--serve [--addr HOST:PORT]]")
		fmt.Fprintln(env.Stderr, "Codes the built-in sample corpus with the built-in dictionaries into the store, then prints a twin-track report.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError{code: 2, msg: "demo takes no arguments"}
	}
	fmt.Fprintf(env.Stderr, "demo: coding the sample corpus (%d bytes, built-in dictionaries) into %s\n", len(corpus.Sample), *db)
	dir, err := os.MkdirTemp("", "twintrack-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, corpus.SampleName)
	if err := os.WriteFile(path, corpus.Sample, 0o644); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if err := runIngest(ctx, []string{"--db", *db, "--input-format", "jsonl", path}, env); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	fmt.Fprintln(env.Stdout)
	if err := runTracks(ctx, []string{*sender, *target, "--db", *db, "--by", "year", "--evidence", "1"}, env); err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if !*serve {
		fmt.Fprintf(env.Stdout, "\nNext: twintrack serve --db %s   (then open http://%s/tracks?sender=%s&target=%s)\n", *db, *addr, *sender, *target)
		return nil
	}
	return runServe(ctx, []string{"--db", *db, "--addr", *addr}, env)
}
