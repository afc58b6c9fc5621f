package httpserver

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"
)

//go:embed templates/*.html assets/*
var files embed.FS

// Config configures a Server.
type Config struct {
	// Store answers the queries. If it also implements Ingester, the
	// server can accept documents.
	Store Store
	// Token, when not empty, enables POST /api/documents for requests
	// that send "Authorization: Bearer <Token>". When empty the API is
	// read-only.
	Token string
	// Logger receives errors the client is not told about; nil discards
	// them.
	Logger *slog.Logger
	// MaxBody caps the size of a POST body in bytes; 0 means 32 MiB.
	MaxBody int64
	// CacheEntries is how many analysis results (dyads, tracks, actors,
	// networks) the server keeps; 0 means 512 and a negative number turns
	// the cache off.
	CacheEntries int
	// CacheTTL is how long a result is kept; 0 means one minute. Results
	// are dropped at once when this server ingests documents, but an
	// ingest by another process shows only once they expire.
	CacheTTL time.Duration
	// ReadEvents makes the dyad and track endpoints read every event of
	// the dyad and count it with package analysis even when the store can
	// count in the database (see Counter). The answers are the same; the
	// option is there to compare the two.
	ReadEvents bool
	// MaxAnalyses caps the analyses (dyads, tracks, actors, networks) the
	// server computes at once; the requests beyond wait their turn in
	// order. 0 means twice the CPUs Go may use; a negative number means no
	// cap. Without one, a burst of requests shares the CPUs among all of
	// them, so each takes as long as the whole burst.
	MaxAnalyses int
}

// Server is the web interface and JSON API. It is an http.Handler and is
// safe for concurrent use.
type Server struct {
	store Store
	token string
	log   *slog.Logger
	max   int64
	tmpl  map[string]*template.Template
	mux   *http.ServeMux
	cache *cache
	// busy holds a token for each analysis being computed (Config.MaxAnalyses);
	// nil for no cap.
	busy chan struct{}
	// noCounts is Config.ReadEvents.
	noCounts bool
}

// New returns a server over cfg.Store. It fails only when the embedded
// templates do not parse, which tests catch.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("httpserver: no store")
	}
	s := &Server{store: cfg.Store, token: cfg.Token, log: cfg.Logger, max: cfg.MaxBody, noCounts: cfg.ReadEvents}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.max <= 0 {
		s.max = 32 << 20
	}
	entries, ttl := cfg.CacheEntries, cfg.CacheTTL
	if entries == 0 {
		entries = 512
	}
	if ttl <= 0 {
		ttl = time.Minute
	}
	s.cache = newCache(entries, ttl)
	switch n := cfg.MaxAnalyses; {
	case n == 0:
		s.busy = make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	case n > 0:
		s.busy = make(chan struct{}, n)
	}
	var err error
	if s.tmpl, err = parseTemplates(); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := http.NewServeMux()
	assets, _ := fs.Sub(files, "assets")
	m.Handle("GET /assets/", http.StripPrefix("/assets/", http.FileServerFS(assets)))

	m.HandleFunc("GET /{$}", s.pageEvents)
	m.HandleFunc("GET /events", s.pageEvents)
	m.HandleFunc("GET /events/{id}", s.pageEvent)
	m.HandleFunc("GET /dyads", s.pageDyads)
	m.HandleFunc("GET /tracks", s.pageTracks)
	m.HandleFunc("GET /actors", s.pageActor)
	m.HandleFunc("GET /actors/{code}", s.pageActor)

	m.HandleFunc("GET /api/events", s.apiEvents)
	m.HandleFunc("GET /api/events/{id}", s.apiEvent)
	m.HandleFunc("GET /api/dyads", s.apiDyads)
	m.HandleFunc("GET /api/tracks", s.apiTracks)
	m.HandleFunc("GET /api/actors/{code}", s.apiActor)
	m.HandleFunc("GET /api/network", s.apiNetwork)
	m.HandleFunc("POST /api/documents", s.apiDocuments)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.jsonError(w, http.StatusNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	s.mux = m
}

// ServeHTTP sets headers every response shares and dispatches.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'")
	s.mux.ServeHTTP(w, r)
}

// authorize checks the bearer token of a writing request. It answers 403
// when writing is disabled or the token is wrong, 401 when none was sent,
// and reports whether the request may go on.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	if s.token == "" {
		s.jsonError(w, http.StatusForbidden, "writing is disabled: the server was started without a token")
		return false
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if auth == "" || !ok {
		w.Header().Set("WWW-Authenticate", `Bearer realm="twintrack"`)
		s.jsonError(w, http.StatusUnauthorized, "missing bearer token: send Authorization: Bearer TOKEN")
		return false
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.token)) != 1 {
		s.jsonError(w, http.StatusForbidden, "wrong token")
		return false
	}
	return true
}

// writeJSON writes v as JSON with the given status.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		s.log.Debug("write response", "err", err)
	}
}

// apiError is the body of every JSON error.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func (s *Server) jsonError(w http.ResponseWriter, status int, msg string) {
	s.writeJSON(w, status, apiError{Error: msg, Status: status})
}

// status maps an error to an HTTP status and the message the client sees:
// the error itself for bad requests and missing things, a generic message
// (the error goes to the log) for the server's own failures.
func (s *Server) status(r *http.Request, err error) (int, string) {
	switch {
	case errors.Is(err, ErrInvalid):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the query was cancelled or took too long"
	}
	s.log.Error("request failed", "method", r.Method, "url", r.URL.String(), "err", err)
	return http.StatusInternalServerError, "internal error; see the server log"
}

// fail answers an API request with the JSON error for err.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := s.status(r, err)
	s.jsonError(w, code, msg)
}

// failPage answers a page request with the HTML error page for err.
func (s *Server) failPage(w http.ResponseWriter, r *http.Request, err error) {
	code, msg := s.status(r, err)
	s.render(w, r, code, "error", struct {
		pageData
		Status  int
		Message string
	}{pageData{Title: http.StatusText(code)}, code, msg})
}

// render executes a page template into a buffer first, so that a template
// error becomes a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	t, ok := s.tmpl[name]
	if !ok {
		s.log.Error("no template", "name", name)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	var buf strings.Builder
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		s.log.Error("render", "template", name, "url", r.URL.String(), "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprint(w, buf.String())
}
