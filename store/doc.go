// Package store is the event store's domain: the Store interfaces that the
// ingest pipeline, the analysis commands and the web server use, the query
// Filter, the SQL schema as numbered migrations (embedded from migrations/),
// and DB, the SQL implementation shared by the SQLite and PostgreSQL
// adapters (packages sqlite and postgres), written over database/sql with a
// small Dialect for the few places where the two differ.
//
// The data model, in short (migrations/0001_init.sql says it in full):
//
//   - documents: one row per document, keyed by doc_key — the document's id,
//     or "sha256-" and a hash of its text when it has none.
//   - coding_runs: one row per dictionary set (a content hash) that coded
//     documents; coding the same corpus with other dictionaries is a new run.
//   - coded_documents: which run coded which document. Its primary key
//     (run_id, doc_key) is what makes ingest idempotent and resumable: the
//     row and the document's events are committed in one transaction, so a
//     document is either fully stored for a run or not at all.
//   - events: one row per report of an event, with its provenance (sentence
//     text and byte spans), event date and precision, negation and modality.
//     "current" marks the events of each document's latest coding run.
//   - dyad_rollup and visit_rollup: counts of the current events per
//     three-letter country pair and year or month, kept up to date by Write
//     in the transaction that stores the events, from which DyadCounts,
//     TrackCounts and TrackEvidence answer the common requests (rollup.go).
//
// Deduplication is a computed grouping, not a table: reports with the same
// source, target, code and event date are one happening (Filter.Dedup =
// DedupHappening); Phoenix's one-a-day filter keeps one report per source,
// target, code and report day (DedupOneADay). Counts are of reports or of
// events (CountReports, CountEvents).
//
// Every query is parameterised: values in a Filter never reach SQL as text.
package store
