package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/store"
)

// PublishStats counts what a Publisher did.
type PublishStats struct {
	Published  int // documents the server stored
	Duplicates int // documents the server dropped as already queued (same key within the duplicate window)
	Retries    int // publishes repeated after a timeout or a lost connection
	FullWaits  int // publishes repeated because the queue was at its limit
	Bytes      int64
}

// TooLargeError is a document too large for the server's max payload:
// Size bytes as JSON, against Max.
type TooLargeError struct {
	Key       string
	Size, Max int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("document %s: %d bytes as JSON, the NATS server accepts at most %d (max_payload)", e.Key, e.Size, e.Max)
}

// Publisher publishes documents to the work queue with back-pressure: at
// most Window publishes await their acknowledgement, and a publish that
// meets the queue's limit (discard-new) or a server that is away is
// retried until it is stored or ctx ends. A Publisher is not safe for
// concurrent use.
type Publisher struct {
	c       *Client
	window  int
	pending []*pending
	stats   PublishStats
	// OnAck, if not nil, is called after every acknowledged publish.
	OnAck func(PublishStats)
}

type pending struct {
	msg   *nats.Msg
	key   string
	fut   jetstream.PubAckFuture
	tries int
}

// maxTries bounds the retries of one publish that fails for another
// reason than a full queue (about a minute of a server being away).
const maxTries = 60

// NewPublisher returns a publisher with at most window publishes in
// flight (0: 256).
func (c *Client) NewPublisher(window int) *Publisher {
	if window <= 0 {
		window = 256
	}
	return &Publisher{c: c, window: window}
}

// Stats returns the counts so far.
func (p *Publisher) Stats() PublishStats { return p.stats }

// Publish queues doc under its key (store.DocKey). It returns once the
// publish is sent, waiting first for older publishes when the window is
// full. A *TooLargeError rejects this document only; other errors end
// publishing.
func (p *Publisher) Publish(ctx context.Context, doc *twintrack.Document) error {
	key := store.DocKey(doc)
	body, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("document %s: %w", key, err)
	}
	if max := p.c.MaxPayload(); int64(len(body))+256 > max {
		return &TooLargeError{Key: key, Size: int64(len(body)), Max: max}
	}
	msg := nats.NewMsg(Subject)
	msg.Data = body
	msg.Header.Set(jetstream.MsgIDHeader, key)
	for len(p.pending) >= p.window {
		if err := p.settleOldest(ctx); err != nil {
			return err
		}
	}
	return p.send(ctx, &pending{msg: msg, key: key})
}

// Flush waits until every publish is acknowledged.
func (p *Publisher) Flush(ctx context.Context) error {
	for len(p.pending) > 0 {
		if err := p.settleOldest(ctx); err != nil {
			return err
		}
	}
	return nil
}

func (p *Publisher) send(ctx context.Context, pd *pending) error {
	for {
		fut, err := p.c.js.PublishMsgAsync(pd.msg)
		if err == nil {
			pd.fut = fut
			p.pending = append(p.pending, pd)
			return nil
		}
		pd.tries++
		if pd.tries > maxTries {
			return fmt.Errorf("publish %s: %w", pd.key, err)
		}
		p.stats.Retries++
		if err := sleep(ctx, backoff(pd.tries)); err != nil {
			return err
		}
	}
}

// settleOldest waits for the oldest publish's acknowledgement and
// republishes it when it failed for a reason that passes.
func (p *Publisher) settleOldest(ctx context.Context) error {
	pd := p.pending[0]
	p.pending[0] = nil
	p.pending = p.pending[1:]
	select {
	case ack := <-pd.fut.Ok():
		if ack.Duplicate {
			p.stats.Duplicates++
		} else {
			p.stats.Published++
			p.stats.Bytes += int64(len(pd.msg.Data))
		}
		if p.OnAck != nil {
			p.OnAck(p.stats)
		}
		return nil
	case err := <-pd.fut.Err():
		pd.tries++
		if queueFull(err) {
			// The queue is at its limit: wait for workers to drain it.
			// This is back-pressure, not a failure, so it is not bounded.
			p.stats.FullWaits++
			if err := sleep(ctx, backoff(min(pd.tries, 6))); err != nil {
				return err
			}
			return p.send(ctx, pd)
		}
		if pd.tries > maxTries || !transient(err) {
			return fmt.Errorf("publish %s: %w", pd.key, err)
		}
		p.stats.Retries++
		// A timeout has waited already; other failures (no server
		// answering) back off before the next try.
		if !errors.Is(err, jetstream.ErrAsyncPublishTimeout) {
			if err := sleep(ctx, backoff(pd.tries)); err != nil {
				return err
			}
		}
		// The same Nats-Msg-Id: if the first publish was stored after
		// all, the server drops this one as a duplicate.
		return p.send(ctx, pd)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// queueFull reports whether err is the server refusing a message because
// the stream is at its limit under the discard-new policy.
func queueFull(err error) bool {
	s := err.Error()
	return strings.Contains(s, "maximum messages exceeded") || strings.Contains(s, "maximum bytes exceeded")
}

// transient reports whether a failed publish may succeed when repeated.
// Server-side refusals (an APIError other than a full queue) do not.
func transient(err error) bool {
	var api *jetstream.APIError
	if errors.As(err, &api) {
		return false
	}
	return true
}

func backoff(try int) time.Duration {
	d := 50 * time.Millisecond << min(try, 5)
	return min(d, 2*time.Second)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
