package cluster

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// WorkerInfo is a worker's heartbeat, as stored in the bucket under its
// id.
type WorkerInfo struct {
	ID            string    `json:"id"`
	Host          string    `json:"host"`
	PID           int       `json:"pid"`
	Started       time.Time `json:"started"`
	LastSeen      time.Time `json:"last_seen"`
	Stopped       bool      `json:"stopped,omitempty"` // the worker has exited cleanly
	Documents     int64     `json:"documents"`
	AlreadyStored int64     `json:"already_stored"`
	Sentences     int64     `json:"sentences"`
	Events        int64     `json:"events"`
	Redelivered   int64     `json:"redelivered"`
	Dead          int64     `json:"dead"`
	// DocsPerSec and SentencesPerSec are the rates since the previous
	// heartbeat; the averages since the start follow from the totals.
	DocsPerSec      float64 `json:"docs_per_sec"`
	SentencesPerSec float64 `json:"sentences_per_sec"`
}

// DefaultWorkerID is host-pid, with the characters a bucket key cannot
// hold replaced by '_'.
func DefaultWorkerID() string {
	host, _ := os.Hostname()
	if host == "" {
		host = "worker"
	}
	return keySafe(fmt.Sprintf("%s-%d", host, os.Getpid()))
}

// keySafe keeps the characters a key-value key may hold.
func keySafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '=':
			return r
		}
		return '_'
	}, s)
}

type heartbeats struct {
	done chan struct{}
	wg   sync.WaitGroup
}

// startHeartbeats puts the worker's WorkerInfo into the bucket every
// interval, and once more, marked stopped, when stopped. Failures (the
// server away) are retried on the next beat.
func (c *Client) startHeartbeats(id string, every time.Duration, stats func() WorkerStats) *heartbeats {
	host, _ := os.Hostname()
	info := WorkerInfo{ID: keySafe(id), Host: host, PID: os.Getpid(), Started: time.Now().UTC()}
	h := &heartbeats{done: make(chan struct{})}
	prev, prevT := WorkerStats{}, time.Now()
	var kv jetstream.KeyValue
	beat := func(stopped bool) {
		s, now := stats(), time.Now()
		if dt := now.Sub(prevT).Seconds(); dt > 0 {
			info.DocsPerSec = float64(s.Documents+s.AlreadyStored-prev.Documents-prev.AlreadyStored) / dt
			info.SentencesPerSec = float64(s.Sentences-prev.Sentences) / dt
		}
		prev, prevT = s, now
		info.LastSeen, info.Stopped = now.UTC(), stopped
		info.Documents, info.AlreadyStored, info.Sentences = s.Documents, s.AlreadyStored, s.Sentences
		info.Events, info.Redelivered, info.Dead = s.Events, s.Redelivered, s.Dead
		b, err := json.Marshal(info)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if kv == nil {
			if kv, err = c.bucket(ctx); err != nil {
				kv = nil
				return
			}
		}
		if _, err := kv.Put(ctx, info.ID, b); err != nil {
			kv = nil // open the bucket again next time: the server may have restarted
		}
	}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		beat(false)
		for {
			select {
			case <-h.done:
				beat(true)
				return
			case <-t.C:
				beat(false)
			}
		}
	}()
	return h
}

func (h *heartbeats) stop() {
	close(h.done)
	h.wg.Wait()
}
