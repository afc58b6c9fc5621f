package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/twintrack/twintrack"
	httpserver "github.com/twintrack/twintrack/http"
	"github.com/twintrack/twintrack/ingest"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

// runServe serves the web interface and the JSON API over a store.
//
//	twintrack serve [--db URL] [--addr 127.0.0.1:8080] [--token T] [--cache N] [--cache-ttl D] [--max-analyses N]
//
// Without a token the server is read-only. With one (--token, or the
// TWINTRACK_TOKEN environment variable, which keeps it out of the process
// list), POST /api/documents accepts documents from clients that send
// "Authorization: Bearer T". The server stops cleanly on interrupt.
func runServe(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := fs.String("db", dburl.Default, "store: an SQLite file (sqlite:PATH or PATH) or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free one)")
	token := fs.String("token", "", "bearer token that enables POST /api/documents (default $TWINTRACK_TOKEN; none: read-only)")
	cacheN := fs.Int("cache", 512, "analysis results (dyads, tracks, actors, networks) kept in memory; 0 turns the cache off")
	cacheTTL := fs.Duration("cache-ttl", time.Minute, "how long a cached result is kept (an ingest through this server drops them at once)")
	maxAnalyses := fs.Int("max-analyses", 0, "analyses computed at once, the rest wait in order (0: twice the CPUs; -1: no cap)")
	readEvents := fs.Bool("read-events", false, "count dyads and tracks from every event in Go, not in the database (slower; to compare)")
	var dicts pathList
	fs.Var(&dicts, "dict", "dictionaries for coding posted documents (repeatable; default: built-in)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack serve [--db URL] [--addr 127.0.0.1:8080] [--token T] [--dict PATH]... [--cache N] [--cache-ttl D] [--max-analyses N]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitError{code: 2}
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitError{code: 2, msg: fmt.Sprintf("serve: unexpected argument %q", fs.Arg(0))}
	}
	if *token == "" {
		*token = os.Getenv("TWINTRACK_TOKEN")
	}
	serverGC()
	if kind, path := dburl.Kind(*db); kind == "sqlite" && *token == "" {
		// A read-only server over a file that does not exist would
		// create an empty store and serve nothing: say so instead.
		if _, err := os.Stat(path); err != nil {
			return fmt.Errorf("serve: no store at %s (run twintrack ingest first, or give --db): %w", path, err)
		}
	}
	st, err := dburl.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer st.Close()
	// Queries are CPU-bound: a few connections, all kept open, serve
	// many clients better than one new connection per request (the
	// database/sql default keeps only two idle ones, so under load
	// SQLite connections would be opened, their schema read, and closed
	// again for nearly every query).
	conns := 4 * runtime.GOMAXPROCS(0)
	st.SQL().SetMaxOpenConns(conns)
	st.SQL().SetMaxIdleConns(conns)

	logger := slog.New(slog.NewTextHandler(env.Stderr, nil))
	backend := httpserver.FromStore(st)
	if *token != "" {
		if backend, err = withIngest(ctx, backend, st, dicts, env); err != nil {
			return fmt.Errorf("serve: %w", err)
		}
	}
	entries := *cacheN
	if entries <= 0 {
		entries = -1
	}
	srv, err := httpserver.New(httpserver.Config{Store: backend, Token: *token, Logger: logger,
		CacheEntries: entries, CacheTTL: *cacheTTL, ReadEvents: *readEvents, MaxAnalyses: *maxAnalyses})
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	mode := "read-only"
	if *token != "" {
		mode = "POST /api/documents enabled"
	}
	fmt.Fprintf(env.Stderr, "twintrack: serving %s on http://%s/ (%s)\n", *db, ln.Addr(), mode)

	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		done <- hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return <-done
}

// postIngester codes and stores the documents of POST /api/documents with
// the ingest pipeline, one request at a time (a store has one writer).
type postIngester struct {
	httpserver.Store
	mu   sync.Mutex
	opts ingest.Options
}

// withIngest loads the dictionaries and returns backend able to ingest
// into st.
func withIngest(ctx context.Context, backend httpserver.Store, st store.Writer, dicts []string, env *Env) (httpserver.Store, error) {
	set, err := loadCodingSet(dicts, env.Stderr)
	if err != nil {
		return nil, fmt.Errorf("load dictionaries: %w", err)
	}
	return &postIngester{Store: backend, opts: ingest.Options{
		Coder:  set.coder,
		Store:  st,
		Run:    store.RunInfo{DictHash: set.dict.Hash, Dictionaries: set.desc, Coder: "twintrack serve"},
		Passes: eventPasses,
	}}, nil
}

// IngestDocuments runs the pipeline over docs.
func (p *postIngester) IngestDocuments(ctx context.Context, docs []twintrack.Document) (httpserver.IngestResult, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var rejected []string
	opts := p.opts
	opts.OnSkip = func(err error) { rejected = append(rejected, err.Error()) }
	res, err := ingest.Run(ctx, &docSlice{docs: docs}, opts)
	return httpserver.IngestResult{
		Documents: res.Documents,
		Skipped:   res.AlreadyStored + res.Duplicates,
		Rejected:  rejected,
		Events:    res.Events,
	}, err
}

// docSlice is an ingest.Source over documents in memory.
type docSlice struct {
	docs []twintrack.Document
	i    int
}

func (s *docSlice) Next() (twintrack.Document, error) {
	if s.i == len(s.docs) {
		return twintrack.Document{}, io.EOF
	}
	s.i++
	return s.docs[s.i-1], nil
}

// serverGC tunes the garbage collector for serving, unless GOGC or
// GOMEMLIMIT say otherwise: a request allocates many short-lived values
// (a twin-track answer reads hundreds of evidence sentences) and keeps
// few, so collecting when the heap has grown by 400% rather than 100%
// saves about a quarter of the CPU per request under load (1M-event store,
// 50 clients: 3.5 -> 2.5 ms), while a soft limit of 1 GiB makes the
// collector work harder again before the heap gets large.
func serverGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(1 << 30)
	}
}
