package httpserver

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// cache keeps the results of analyses (dyads, tracks, actors, network) so
// that the same question is answered from memory while the store has not
// changed. A store is written by ingests only, so results go stale in two
// ways: a POST /api/documents on this server, which bumps the cache's
// generation and so retires every entry at once; and an ingest by another
// process, which the server cannot see, so entries also expire after a
// time to live.
//
// Concurrent requests for a missing key wait for one computation instead
// of each running the query. The computation runs on a context detached
// from the first requester's, so that a client going away does not fail
// the others waiting for the same answer. Errors are not kept.
type cache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	gen   uint64
	m     map[string]*centry
	lru   *list.List // of *centry, most recently used first
	now   func() time.Time
	limit time.Duration // the longest a computation may run
}

type centry struct {
	key   string
	gen   uint64
	at    time.Time
	ready chan struct{} // closed when val and err are set
	val   any
	err   error
	elem  *list.Element
}

// newCache returns a cache of at most max results, each kept for ttl; nil
// (no caching) when max is not positive.
func newCache(max int, ttl time.Duration) *cache {
	if max <= 0 {
		return nil
	}
	return &cache{max: max, ttl: ttl, m: map[string]*centry{}, lru: list.New(), now: time.Now, limit: time.Minute}
}

// get returns the result for key, computing it with compute when it is
// missing, stale or from an older generation. A nil cache always computes.
func (c *cache) get(ctx context.Context, key string, compute func(context.Context) (any, error)) (any, error) {
	if c == nil {
		return compute(ctx)
	}
	c.mu.Lock()
	e := c.m[key]
	if e != nil && (e.gen != c.gen || c.now().Sub(e.at) > c.ttl) {
		select {
		case <-e.ready:
			c.remove(e) // stale and finished: compute again
			e = nil
		default: // still being computed: wait for it
		}
	}
	if e == nil {
		e = &centry{key: key, gen: c.gen, at: c.now(), ready: make(chan struct{})}
		e.elem = c.lru.PushFront(e)
		c.m[key] = e
		for c.lru.Len() > c.max {
			c.remove(c.lru.Back().Value.(*centry))
		}
		c.mu.Unlock()
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), c.limit)
		e.val, e.err = compute(cctx)
		cancel()
		close(e.ready)
		if e.err != nil {
			c.mu.Lock()
			c.remove(e)
			c.mu.Unlock()
		}
		return e.val, e.err
	}
	c.lru.MoveToFront(e.elem)
	c.mu.Unlock()
	select {
	case <-e.ready:
		return e.val, e.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// remove drops e if it is still the entry of its key; c.mu is held.
func (c *cache) remove(e *centry) {
	if c.m[e.key] == e {
		delete(c.m, e.key)
		c.lru.Remove(e.elem)
	}
}

// invalidate retires every entry: the store has changed.
func (c *cache) invalidate() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.gen++
	c.mu.Unlock()
}
