// Command loadgen measures the web API under load.
//
//	loadgen fill --db PATH [--events 1000000] [--seed 1]
//	loadgen run  --url http://127.0.0.1:8080 [--clients 50] [--duration 30s] [--mix dyads,tracks] [--dyad JPN:KHM]
//
// fill writes synthetic events into a store (an SQLite file or a
// postgres:// URL) through the store's own Write, so the rows, indexes and
// queries are those of a real ingest. run starts closed-loop clients that
// each send one request, wait for the answer and send the next, for the
// given time, and prints the latency percentiles per endpoint. Start the
// server separately ("twintrack serve --db PATH --addr ...") so that the
// measurement includes the loopback network and both processes share the
// machine as they would in use.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: loadgen fill|run [flags]")
	}
	switch args[0] {
	case "fill":
		return fill(ctx, args[1:])
	case "run":
		return load(ctx, args[1:])
	}
	return fmt.Errorf("unknown command %q (want fill or run)", args[0])
}
