package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"time"

	"github.com/twintrack/twintrack/cluster"
)

// runCluster runs the cluster's helper subcommands.
//
//	twintrack cluster status --nats URL [--dead N] [--json]
//	twintrack cluster serve --store DIR [--addr HOST:PORT]
func runCluster(ctx context.Context, args []string, env *Env) error {
	usage := func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack cluster status --nats URL [--dead N] [--json]")
		fmt.Fprintln(env.Stderr, "       twintrack cluster serve --store DIR [--addr 127.0.0.1:4222]")
	}
	if len(args) == 0 {
		usage()
		return exitError{code: 2, msg: "cluster: status or serve?"}
	}
	switch args[0] {
	case "status":
		return runClusterStatus(ctx, args[1:], env)
	case "serve":
		return runClusterServe(ctx, args[1:], env)
	case "-h", "--help", "help":
		usage()
		return nil
	}
	usage()
	return exitError{code: 2, msg: fmt.Sprintf("cluster: unknown subcommand %q", args[0])}
}

// runClusterStatus prints the queue depth, the documents in flight,
// redeliveries, dead letters and the workers' rates.
func runClusterStatus(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("cluster status", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	url := fs.String("nats", "nats://127.0.0.1:4222", "the NATS server")
	dead := fs.Int("dead", 10, "latest dead letters to list")
	asJSON := fs.Bool("json", false, "print the status as one JSON object (for scripts and monitoring)")
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	c, err := cluster.Connect(ctx, *url, "twintrack cluster status", 0)
	if err != nil {
		return fmt.Errorf("cluster status: %w", err)
	}
	defer c.Close()
	st, err := c.Status(ctx, *dead)
	if err != nil {
		return fmt.Errorf("cluster status: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(st)
	}
	return st.Write(env.Stdout, time.Now())
}

// runClusterServe runs an embedded NATS server with JetStream file storage
// until interrupted: the work queue for one machine, or for a few, without
// installing nats-server.
func runClusterServe(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("cluster serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dir := fs.String("store", "", "directory of JetStream's file storage (required; the queue survives restarts there)")
	addr := fs.String("addr", "127.0.0.1:4222", "listen address for clients")
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if *dir == "" {
		fs.Usage()
		return exitError{code: 2, msg: "cluster serve: --store DIR is required"}
	}
	srv, err := cluster.StartServer(cluster.ServerOptions{StoreDir: *dir, Addr: *addr})
	if err != nil {
		return fmt.Errorf("cluster serve: %w", err)
	}
	fmt.Fprintf(env.Stderr, "cluster serve: NATS with JetStream at %s, storage in %s\n", srv.ClientURL(), *dir)
	<-ctx.Done()
	srv.Shutdown()
	fmt.Fprintln(env.Stderr, "cluster serve: stopped")
	return nil
}
