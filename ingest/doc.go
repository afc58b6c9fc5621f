// Package ingest codes a corpus into an event store in parallel.
//
// Run is a three-stage pipeline. One goroutine reads documents from a
// Source and drops those the store already holds for the coding run (so a
// rerun or a resumed ingest codes only what is missing); Workers goroutines
// code documents with a twintrack.Coder, count their sentences and run the
// per-event passes (CAMEO annotation, event dates, negation and modality);
// and the calling goroutine is the single writer, storing documents with
// their events in large transactions (store.Writer.Write). A document and
// its events are committed together, so killing the process at any moment
// loses at most the uncommitted batch, which the next run stores.
//
// Bad input does not stop an ingest: a record the Source cannot read, or a
// document the coder rejects, is reported through Options.OnSkip and
// counted in Result.Skipped, and the rest is stored.
package ingest
