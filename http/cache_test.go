package httpserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
)

func TestCache(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newCache(2, time.Minute)
	c.now = func() time.Time { return clock }
	calls := map[string]int{}
	get := func(key string) any {
		v, err := c.get(t.Context(), key, func(context.Context) (any, error) {
			calls[key]++
			return fmt.Sprintf("%s#%d", key, calls[key]), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	steps := []struct {
		name, key, want string
		before          func()
	}{
		{"first computes", "a", "a#1", nil},
		{"second is kept", "a", "a#1", nil},
		{"other key", "b", "b#1", nil},
		{"ttl not reached", "a", "a#1", func() { clock = clock.Add(59 * time.Second) }},
		{"ttl passed", "a", "a#2", func() { clock = clock.Add(2 * time.Second) }},
		{"invalidated", "b", "b#2", c.invalidate},
		{"third key evicts the least recently used", "c", "c#1", nil},
		{"a was evicted", "a", "a#3", nil},
	}
	for _, st := range steps {
		if st.before != nil {
			st.before()
		}
		if got := get(st.key); got != st.want {
			t.Errorf("%s: got %v, want %s", st.name, got, st.want)
		}
	}
}

func TestCacheErrorsAndWaiters(t *testing.T) {
	c := newCache(8, time.Minute)
	boom := errors.New("boom")
	n := 0
	fail := func(context.Context) (any, error) { n++; return nil, boom }
	for range 2 {
		if _, err := c.get(t.Context(), "k", fail); !errors.Is(err, boom) {
			t.Fatalf("got %v, want boom", err)
		}
	}
	if n != 2 {
		t.Errorf("failing computation ran %d times, want 2 (errors are not kept)", n)
	}

	// Many concurrent requests for one key share one computation.
	var runs atomic.Int32
	release := make(chan struct{})
	slow := func(context.Context) (any, error) { runs.Add(1); <-release; return 42, nil }
	var wg sync.WaitGroup
	results := make([]any, 20)
	for i := range results {
		wg.Add(1)
		go func() { defer wg.Done(); results[i], _ = c.get(context.Background(), "shared", slow) }()
	}
	time.Sleep(50 * time.Millisecond) // let them all ask
	close(release)
	wg.Wait()
	if runs.Load() != 1 {
		t.Errorf("computed %d times for 20 concurrent requests, want 1", runs.Load())
	}
	for i, r := range results {
		if r != 42 {
			t.Errorf("request %d got %v, want 42", i, r)
		}
	}

	// A waiter that gives up gets its context's error; the computation
	// goes on for the others.
	hold := make(chan struct{})
	go c.get(context.Background(), "held", func(context.Context) (any, error) { <-hold; return "done", nil })
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.get(ctx, "held", slow); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled waiter got %v, want context.Canceled", err)
	}
	close(hold)
	if v, _ := c.get(context.Background(), "held", slow); v != "done" {
		t.Errorf("after the computation: got %v, want done", v)
	}

	var none *cache
	for i := range 2 {
		if v, _ := none.get(t.Context(), "k", func(context.Context) (any, error) { return i, nil }); v != i {
			t.Errorf("nil cache: got %v, want %d (no caching)", v, i)
		}
	}
}

// countingStore counts the queries that reach the store.
type countingStore struct {
	*memStore
	queries atomic.Int32
}

func (c *countingStore) Events(ctx context.Context, q Query) iter.Seq2[twintrack.Event, error] {
	c.queries.Add(1)
	return c.memStore.Events(ctx, q)
}

func TestServerCache(t *testing.T) {
	tests := []struct {
		name    string
		entries int
		want    []int32 // queries after each step: GET, same GET, POST, GET
	}{
		{"cached", 0, []int32{2, 2, 2, 4}},
		{"cache off", -1, []int32{2, 4, 4, 6}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := &countingStore{memStore: newMemStore(t)}
			s, err := New(Config{Store: st, Token: "t", CacheEntries: tc.entries})
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(s)
			defer ts.Close()
			var got []int32
			var d DyadPanels
			get(t, ts, "/api/dyads?source=JPN&target=KHM", &d)
			got = append(got, st.queries.Load())
			get(t, ts, "/api/dyads?target=khm&source=jpn", &d) // same question
			got = append(got, st.queries.Load())
			if code, _ := post(t, ts, "Bearer t", `{"id":"new","text":"x"}`); code != http.StatusOK {
				t.Fatalf("post: status %d", code)
			}
			got = append(got, st.queries.Load())
			get(t, ts, "/api/dyads?source=JPN&target=KHM", &d)
			got = append(got, st.queries.Load())
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("store queries %v, want %v", got, tc.want)
			}
		})
	}
}

// slowStore holds every query for a moment and records how many run at
// once.
type slowStore struct {
	*memStore
	now, most atomic.Int32
}

func (s *slowStore) Events(ctx context.Context, q Query) iter.Seq2[twintrack.Event, error] {
	n := s.now.Add(1)
	for {
		m := s.most.Load()
		if n <= m || s.most.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(20 * time.Millisecond)
	s.now.Add(-1)
	return s.memStore.Events(ctx, q)
}

func TestMaxAnalyses(t *testing.T) {
	tests := []struct {
		name     string
		max      int
		wantMost func(int32) bool
		want     string
	}{
		{"one at a time", 1, func(n int32) bool { return n == 1 }, "1"},
		{"three at a time", 3, func(n int32) bool { return n <= 3 }, "at most 3"},
		{"no cap", -1, func(n int32) bool { return n > 3 }, "more than 3"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := &slowStore{memStore: newMemStore(t)}
			s, err := New(Config{Store: st, CacheEntries: -1, MaxAnalyses: tc.max})
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(s)
			defer ts.Close()
			var wg sync.WaitGroup
			codes := make([]int, 12)
			for i := range codes {
				wg.Go(func() {
					resp, err := http.Get(ts.URL + "/api/dyads?source=JPN&target=KHM")
					if err != nil {
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					codes[i] = resp.StatusCode
				})
			}
			wg.Wait()
			for i, c := range codes {
				if c != http.StatusOK {
					t.Errorf("request %d: status %d", i, c)
				}
			}
			if most := st.most.Load(); !tc.wantMost(most) {
				t.Errorf("at most %d store queries ran at once, want %s", most, tc.want)
			}
		})
	}
}
