// Command twintrack codes political events from news text, stores them and
// analyses relations between actors over time. Run "twintrack help" for the
// list of subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	if err := Run(ctx, os.Args[1:], env); err != nil {
		var ex exitError
		if errors.As(err, &ex) {
			if ex.msg != "" {
				fmt.Fprintln(os.Stderr, "twintrack:", ex.msg)
			}
			os.Exit(ex.code)
		}
		fmt.Fprintln(os.Stderr, "twintrack:", err)
		os.Exit(1)
	}
}

// Env carries the process's standard streams, so that tests can run
// commands in-process.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// exitError asks main to exit with a particular status after printing msg.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, env *Env) error
}

// commands lists every subcommand; each lives in its own file.
var commands = map[string]command{
	"code":     {"code documents into events (JSON Lines, TSV, CSV, ...)", runCode},
	"validate": {"run a validation suite (TABARI .project or PETRARCH XML)", runValidate},
	"codes":    {"list the CAMEO code table (names, Goldstein, QuadClass, PLOVER)", runCodes},
	"dict":     {"check dictionaries or look up a phrase (dict check|lookup)", runDict},
	"ingest":   {"code a corpus into a store (SQLite by default, PostgreSQL)", runIngest},
	"events":   {"query events from a store", runEvents},
	"stats":    {"summarise a store", runStats},
	"dyads":    {"dyad panels: A->B events per period", runDyads},
	"tracks":   {"twin-track engagement of a sender with a target's government and opposition", runTracks},
	"network":  {"actor network as GraphML or CSV edges", runNetwork},
	"serve":    {"web interface and JSON API over a store", runServe},
	"submit":   {"publish documents to the NATS work queue for 'twintrack worker'", runSubmit},
	"worker":   {"code documents from the NATS work queue into a store", runWorker},
	"cluster":  {"distributed coding: cluster status (queue, workers) or cluster serve (embedded NATS)", runCluster},
	"export":   {"write the store's events as a partitioned Parquet data set (DuckDB, Spark), incrementally", runExport},
	"demo":     {"code the built-in sample corpus into ./twintrack.db and print the JPN-KHM twin-track report", runDemo},
}

// Run executes the subcommand named by args[0].
func Run(ctx context.Context, args []string, env *Env) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout)
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		usage(env.Stderr)
		return exitError{code: 2, msg: fmt.Sprintf("unknown command %q", args[0])}
	}
	return cmd.run(ctx, args[1:], env)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: twintrack <command> [flags] [args]")
	fmt.Fprintln(w)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-9s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'twintrack <command> -h' for a command's flags.")
}

// notYet is returned by subcommands whose implementation has not landed.
func notYet(name string) error {
	return exitError{code: 2, msg: name + ": not implemented yet"}
}
