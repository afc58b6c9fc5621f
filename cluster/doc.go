// Package cluster distributes coding over NATS JetStream: documents are
// published to a work-queue stream, any number of worker processes on any
// number of machines pull them through one durable consumer, code them,
// commit each document with its events to the shared store and only then
// acknowledge the message.
//
// # Streams, consumer and bucket
//
// The work queue is the stream TWINTRACK_DOCS (subject "twintrack.docs",
// work-queue retention, file storage, discard-new limits). A message is one
// twintrack.Document as JSON; its Nats-Msg-Id header is the document key
// (store.DocKey), so the server drops a document published twice within
// the duplicate window. Workers share the durable pull consumer
// "twintrack-workers" with explicit acks: a message not acknowledged within
// AckWait is delivered again (a worker keeps a slow batch alive with
// InProgress), up to MaxDeliver times.
//
// Dead letters go to the stream TWINTRACK_DEAD. A worker publishes there,
// on subject "twintrack.dead", every document it cannot store: the coder
// rejected it, or the store failed on its last allowed delivery. The
// headers say which document (Twintrack-Doc-Key), why (Twintrack-Reason),
// which worker and how many deliveries; the body is the document. The same
// stream also captures the server's max-deliveries advisories, for
// documents whose workers died or timed out on every delivery. Nothing is
// skipped silently.
//
// Workers publish heartbeats to the key-value bucket "twintrack_workers"
// (one key per worker, expiring 30 s after the last beat), which is what
// Status reads for per-worker rates.
//
// # Failure semantics
//
// Delivery is at least once: a worker that dies before acknowledging loses
// nothing, because the message is delivered again. The store's document
// key makes writing idempotent (store.Writer.Write skips documents the run
// already holds, in the same transaction that writes the others), so the
// effect is exactly once.
package cluster
