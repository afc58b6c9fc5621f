package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/sqlite"
	"github.com/twintrack/twintrack/store"
)

// lockedBuffer is a bytes.Buffer safe for the server goroutine and the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingRE = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

// startServe runs "twintrack serve args..." and returns its base URL and
// a function that stops it and returns its error.
func startServe(t *testing.T, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	stderr := &lockedBuffer{}
	env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: stderr}
	done := make(chan error, 1)
	go func() { done <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), env) }()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if u := servingRE.FindString(stderr.String()); u != "" {
			return strings.TrimSuffix(u, "/"), func() error { cancel(); return <-done }
		}
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve ended before listening: %v\n%s", err, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start:\n%s", stderr.String())
		}
	}
}

// storeWithEvent makes an SQLite store holding one hand-made event.
func storeWithEvent(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.db")
	db, err := sqlite.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	run, err := db.StartRun(t.Context(), store.RunInfo{DictHash: "test", Dictionaries: "test", Coder: "test"})
	if err != nil {
		t.Fatal(err)
	}
	text := "Tokyo hosted Cambodian opposition leaders."
	ev := twintrack.Event{EventID: "ev1", DocID: "d1", DocDate: "1990-02-10", EventDate: "1990-02-10",
		Source: "JPNGOV", Target: "KHMOPP", SourceCountry: "JPN", TargetCountry: "KHM",
		SourceRoles: []string{"GOV"}, TargetRoles: []string{"OPP"}, Code: "043", Root: "04", QuadClass: 1,
		SourceText: "Tokyo", VerbText: "hosted", TargetText: "Cambodian opposition leaders", SentenceText: text,
		Spans: twintrack.EventSpans{Sentence: twintrack.Span{Start: 0, End: len(text)}, Source: twintrack.Span{Start: 0, End: 5},
			Verb: twintrack.Span{Start: 6, End: 12}, Target: twintrack.Span{Start: 13, End: 41}}}
	if _, err := db.Write(t.Context(), run.ID, []store.CodedDocument{{
		Doc: twintrack.Document{ID: "d1", Date: "1990-02-10", Text: text}, Sentences: 1, Events: []twintrack.Event{ev}}}); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestServe(t *testing.T) {
	base, stop := startServe(t, "--db", storeWithEvent(t))
	tests := []struct {
		name, method, path string
		want               int
		wantBody           string
	}{
		{"events", "GET", "/api/events?source=JPN", 200, `"event_id":"ev1"`},
		{"tracks", "GET", "/api/tracks?sender=JPN&target=KHM", 200, `"twin_track_periods":0`},
		{"event page", "GET", "/events/ev1", 200, `<mark class="verb" title="verb">hosted</mark>`},
		{"bad parameter", "GET", "/api/events?from=x", 400, `"error"`},
		{"read-only", "POST", "/api/documents", 403, "disabled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, base+tc.path, strings.NewReader(`{"text":"x"}`))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tc.want || !strings.Contains(string(body), tc.wantBody) {
				t.Errorf("status %d, body %.200s; want %d with %q", resp.StatusCode, body, tc.want, tc.wantBody)
			}
		})
	}
	if err := stop(); err != nil {
		t.Errorf("serve returned %v after interrupt, want nil", err)
	}
}

func TestServeIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the built-in dictionaries")
	}
	path := filepath.Join(t.TempDir(), "new.db")
	base, stop := startServe(t, "--db", path, "--token", "s3cret")
	defer stop()
	post := func(auth, body string) (int, map[string]any) {
		req, _ := http.NewRequest("POST", base+"/api/documents", strings.NewReader(body))
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var m map[string]any
		json.NewDecoder(resp.Body).Decode(&m)
		return resp.StatusCode, m
	}
	const docs = `{"id":"n1","date":"2024-05-02","text":"Japan's foreign minister met Cambodian opposition leaders in Tokyo on Thursday."}
{"id":"n2","date":"2024-05-03","text":"Cambodia's government praised Japan for its aid."}`
	if code, _ := post("", docs); code != http.StatusUnauthorized {
		t.Errorf("no token: status %d, want 401", code)
	}
	if code, _ := post("Bearer nope", docs); code != http.StatusForbidden {
		t.Errorf("wrong token: status %d, want 403", code)
	}
	code, res := post("Bearer s3cret", docs)
	if code != http.StatusOK || res["documents"] != 2.0 {
		t.Fatalf("ingest: status %d, result %v; want 200 with 2 documents", code, res)
	}
	code, res = post("Bearer s3cret", docs)
	if code != http.StatusOK || res["documents"] != 0.0 || res["skipped"] != 2.0 {
		t.Errorf("again: status %d, result %v; want 200 with 0 stored and 2 skipped", code, res)
	}
	resp, err := http.Get(base + "/api/events?from=2024&all=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page struct {
		Events []twintrack.Event `json:"events"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		t.Fatal(err)
	}
	for _, ev := range page.Events {
		if ev.DocID != "n1" && ev.DocID != "n2" {
			t.Errorf("event %s from document %q, want n1 or n2", ev.EventID, ev.DocID)
		}
	}
	if len(page.Events) == 0 {
		t.Error("the posted documents gave no events, want the coded meeting and praise")
	}
}

func TestServeErrors(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int    // exit code, 0 for a plain error
		wantMsg  string // substring of the error
	}{
		{"missing store", []string{"--db", filepath.Join(t.TempDir(), "none.db")}, 0, "no store"},
		{"bad flag", []string{"--nope"}, 2, ""},
		{"extra argument", []string{"extra"}, 2, "unexpected argument"},
		{"bad address", []string{"--db", storeWithEvent(t), "--addr", "256.0.0.1:bad"}, 0, "serve:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := &Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}
			err := Run(t.Context(), append([]string{"serve"}, tc.args...), env)
			if err == nil {
				t.Fatal("got no error")
			}
			var ex exitError
			if errors.As(err, &ex) {
				if ex.code != tc.wantCode {
					t.Errorf("exit code %d, want %d", ex.code, tc.wantCode)
				}
			} else if tc.wantCode != 0 {
				t.Errorf("got %v, want exit code %d", err, tc.wantCode)
			}
			if !strings.Contains(err.Error(), tc.wantMsg) {
				t.Errorf("error %q, want it to contain %q", err, tc.wantMsg)
			}
		})
	}
}
