package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Status is the state of the work queue and its workers.
//
// Its JSON form (twintrack cluster status --json) names the fields in
// snake case; the ack wait is in seconds.
type Status struct {
	Queued      uint64        `json:"queued"`       // messages in the queue: waiting and in flight
	Bytes       uint64        `json:"bytes"`        // bytes in the queue
	MaxMsgs     int64         `json:"max_messages"` // the queue's limit
	Waiting     uint64        `json:"waiting"`      // not yet delivered to any worker
	InFlight    int           `json:"in_flight"`    // delivered, not yet acknowledged
	Redelivered int           `json:"redelivered"`  // of InFlight, delivered more than once
	AckWait     time.Duration `json:"-"`
	MaxDeliver  int           `json:"max_deliver"`
	NoConsumer  bool          `json:"no_consumer"` // no worker has started yet

	DeadTotal uint64       `json:"dead_total"` // dead letters stored
	Dead      []DeadLetter `json:"dead"`       // the latest of them
	Workers   []WorkerInfo `json:"workers"`    // by id; stale heartbeats expire after HeartbeatTTL
}

// MarshalJSON adds ack_wait_seconds to the tagged fields.
func (st Status) MarshalJSON() ([]byte, error) {
	type plain Status
	return json.Marshal(struct {
		plain
		AckWaitSeconds float64 `json:"ack_wait_seconds"`
	}{plain(st), st.AckWait.Seconds()})
}

// Status reads the queue, the consumer, the latest dead letters (at most
// deadLimit) and the workers' heartbeats.
func (c *Client) Status(ctx context.Context, deadLimit int) (Status, error) {
	var st Status
	s, err := c.js.Stream(ctx, Stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return st, fmt.Errorf("no work queue at this server: nothing was submitted yet")
	}
	if err != nil {
		return st, fmt.Errorf("stream %s: %w", Stream, err)
	}
	si := s.CachedInfo()
	st.Queued, st.Bytes, st.MaxMsgs = si.State.Msgs, si.State.Bytes, si.Config.MaxMsgs
	cons, err := s.Consumer(ctx, Consumer)
	switch {
	case errors.Is(err, jetstream.ErrConsumerNotFound):
		st.NoConsumer, st.Waiting = true, st.Queued
	case err != nil:
		return st, fmt.Errorf("consumer %s: %w", Consumer, err)
	default:
		ci := cons.CachedInfo()
		st.Waiting, st.InFlight, st.Redelivered = ci.NumPending, ci.NumAckPending, ci.NumRedelivered
		st.AckWait, st.MaxDeliver = ci.Config.AckWait, ci.Config.MaxDeliver
	}
	if st.DeadTotal, st.Dead, err = c.deadLetters(ctx, s, deadLimit); err != nil {
		return st, err
	}
	st.Workers, err = c.workers(ctx)
	return st, err
}

// deadLetters reads the latest dead letters. A max-deliveries advisory is
// turned into a letter naming the document, looked up in the queue.
func (c *Client) deadLetters(ctx context.Context, queue jetstream.Stream, limit int) (uint64, []DeadLetter, error) {
	ds, err := c.js.Stream(ctx, DeadStream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return 0, nil, nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("stream %s: %w", DeadStream, err)
	}
	state := ds.CachedInfo().State
	var out []DeadLetter
	for seq := state.LastSeq; seq >= state.FirstSeq && seq > 0 && len(out) < limit; seq-- {
		m, err := ds.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return 0, nil, fmt.Errorf("dead letter %d: %w", seq, err)
		}
		out = append(out, c.letter(ctx, queue, m))
	}
	return state.Msgs, out, nil
}

func (c *Client) letter(ctx context.Context, queue jetstream.Stream, m *jetstream.RawStreamMsg) DeadLetter {
	if m.Subject == DeadSubject {
		d, _ := strconv.ParseUint(m.Header.Get(HeaderDeliveries), 10, 64)
		seq, _ := strconv.ParseUint(m.Header.Get(HeaderStreamSeq), 10, 64)
		return DeadLetter{Key: m.Header.Get(HeaderDocKey), Reason: m.Header.Get(HeaderReason),
			Worker: m.Header.Get(HeaderWorker), Deliveries: d, StreamSeq: seq, Time: m.Time}
	}
	var adv struct {
		StreamSeq  uint64 `json:"stream_seq"`
		Deliveries uint64 `json:"deliveries"`
	}
	json.Unmarshal(m.Data, &adv)
	l := DeadLetter{StreamSeq: adv.StreamSeq, Deliveries: adv.Deliveries, Time: m.Time,
		Reason: fmt.Sprintf("delivered %d times and never acknowledged (its workers died or exceeded the ack wait each time)", adv.Deliveries)}
	if qm, err := queue.GetMsg(ctx, adv.StreamSeq); err == nil {
		l.Key = qm.Header.Get(jetstream.MsgIDHeader)
	} else {
		l.Key = fmt.Sprintf("(queue message %d, no longer in the queue)", adv.StreamSeq)
	}
	return l
}

func (c *Client) workers(ctx context.Context) ([]WorkerInfo, error) {
	kv, err := c.js.KeyValue(ctx, Bucket)
	if errors.Is(err, jetstream.ErrBucketNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", Bucket, err)
	}
	keys, err := kv.Keys(ctx)
	if errors.Is(err, jetstream.ErrNoKeysFound) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("bucket %s: %w", Bucket, err)
	}
	sort.Strings(keys)
	var out []WorkerInfo
	for _, k := range keys {
		e, err := kv.Get(ctx, k)
		if err != nil {
			continue // expired between Keys and Get
		}
		var wi WorkerInfo
		if json.Unmarshal(e.Value(), &wi) == nil {
			out = append(out, wi)
		}
	}
	return out, nil
}

// Write prints the status for people.
func (st Status) Write(w io.Writer, now time.Time) error {
	fmt.Fprintf(w, "queue %s: %d documents (%d waiting, %d in flight, %d of them redelivered), %s, limit %d\n",
		Stream, st.Queued, st.Waiting, st.InFlight, st.Redelivered, bytesString(st.Bytes), st.MaxMsgs)
	if st.NoConsumer {
		fmt.Fprintln(w, "consumer: none yet (no worker has started)")
	} else {
		fmt.Fprintf(w, "consumer %s: ack wait %s, at most %d deliveries\n", Consumer, st.AckWait, st.MaxDeliver)
	}
	fmt.Fprintf(w, "dead letters: %d\n", st.DeadTotal)
	for _, d := range st.Dead {
		who := ""
		if d.Worker != "" {
			who = " by " + d.Worker
		}
		fmt.Fprintf(w, "  %s  %s  (delivery %d%s): %s\n", d.Time.UTC().Format(time.RFC3339), d.Key, d.Deliveries, who, d.Reason)
	}
	if uint64(len(st.Dead)) < st.DeadTotal {
		fmt.Fprintf(w, "  ... %d older dead letters\n", st.DeadTotal-uint64(len(st.Dead)))
	}
	fmt.Fprintf(w, "workers: %d\n", len(st.Workers))
	if len(st.Workers) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\thost\tpid\tdocuments\tsentences\tevents\tredelivered\tdead\tdocs/s\tsentences/s\tavg sent/s\tlast seen\t")
	var docs, sents float64
	for _, wi := range st.Workers {
		state := now.Sub(wi.LastSeen).Round(time.Second).String() + " ago"
		if wi.Stopped {
			state += " (stopped)"
		} else {
			docs += wi.DocsPerSec
			sents += wi.SentencesPerSec
		}
		avg := 0.0
		if el := wi.LastSeen.Sub(wi.Started).Seconds(); el > 0 {
			avg = float64(wi.Sentences) / el
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.0f\t%.0f\t%.0f\t%s\t\n", wi.ID, wi.Host, wi.PID,
			wi.Documents, wi.Sentences, wi.Events, wi.Redelivered, wi.Dead, wi.DocsPerSec, wi.SentencesPerSec, avg, state)
	}
	fmt.Fprintf(tw, "total (running)\t\t\t\t\t\t\t\t%.0f\t%.0f\t\t\t\n", docs, sents)
	return tw.Flush()
}

func bytesString(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
