-- 0001_init: the event store's tables.
--
-- Portable SQL: the same text runs on SQLite and PostgreSQL, so only types
-- both know are used (TEXT, INTEGER, BIGINT, DOUBLE PRECISION), dates are
-- ISO 8601 TEXT (YYYY-MM-DD compares correctly as text), booleans are
-- INTEGER 0/1 and ids are assigned by the application, not by the database.
-- The migration runner (store/migrate.go) applies each numbered file in one
-- transaction and records it in schema_migrations.

-- A coding run is one dictionary set (identified by a content hash) coding
-- documents. Coding the same documents with other dictionaries is a new run;
-- coding them again with the same dictionaries continues the same run.
CREATE TABLE coding_runs (
    run_id       BIGINT PRIMARY KEY,
    dict_hash    TEXT NOT NULL UNIQUE,
    dictionaries TEXT NOT NULL,  -- what was loaded: paths, or "built-in"
    coder        TEXT NOT NULL,  -- coder name and version
    started_at   TEXT NOT NULL   -- RFC 3339, UTC
);

-- One row per document, keyed by doc_key: the document's own id, or
-- "sha256-<hex>" of its text when it has none. Metadata come from the first
-- time the document was stored. The text itself is not kept: every event
-- keeps its sentence and byte spans into the original text.
CREATE TABLE documents (
    doc_key    TEXT PRIMARY KEY,
    doc_date   TEXT NOT NULL,     -- report date, YYYY-MM-DD or ''
    url        TEXT NOT NULL,
    source     TEXT NOT NULL,     -- publisher / outlet
    title      TEXT NOT NULL,
    bytes      BIGINT NOT NULL,   -- length of the text in bytes
    sentences  INTEGER NOT NULL,
    last_run   BIGINT NOT NULL    -- the latest run that coded it
);

-- Which run coded which document. The primary key is what makes ingest
-- idempotent and resumable: this row and the document's events are written
-- in one transaction, so after a crash a document is either completely
-- stored for the run or not at all, and a rerun stores the rest exactly once.
CREATE TABLE coded_documents (
    run_id   BIGINT NOT NULL,
    doc_key  TEXT NOT NULL,
    events   INTEGER NOT NULL,
    PRIMARY KEY (run_id, doc_key)
);

-- One row per report of an event: an event as coded from one sentence of
-- one document, with its provenance.
--
-- Deduplication is a computed grouping, not a table: reports with the same
-- source, target, code and event_date are one happening (one event with
-- many reports); Phoenix's one-a-day filter groups by source, target, code
-- and doc_date instead. Queries group by these columns (store/query.go).
--
-- current = 1 marks the events of the document's latest coding run
-- (documents.last_run); queries default to current events, so re-coding a
-- corpus with new dictionaries does not double its counts.
CREATE TABLE events (
    event_id        TEXT PRIMARY KEY,   -- Event.StableID(): stable for the same input and dictionaries
    run_id          BIGINT NOT NULL,
    doc_key         TEXT NOT NULL,
    current         INTEGER NOT NULL,
    doc_id          TEXT NOT NULL,
    sentence        INTEGER NOT NULL,   -- 0-based sentence index in the document
    doc_date        TEXT NOT NULL,
    event_date      TEXT NOT NULL,      -- YYYY-MM-DD; the first day of the month or year when coarser
    date_precision  TEXT NOT NULL,      -- day, month, year, or '' (the report date was used)
    source          TEXT NOT NULL,
    target          TEXT NOT NULL,
    source_key      TEXT NOT NULL,      -- first three characters of source, for indexed prefix queries
    target_key      TEXT NOT NULL,      -- first three characters of target
    source_country  TEXT NOT NULL,
    target_country  TEXT NOT NULL,
    source_roles    TEXT NOT NULL,      -- role codes joined with ';'
    target_roles    TEXT NOT NULL,
    code            TEXT NOT NULL,      -- CAMEO code as a string, "010"
    root            TEXT NOT NULL,      -- "01"
    quad_class      INTEGER NOT NULL,
    goldstein       DOUBLE PRECISION NOT NULL,
    plover          TEXT NOT NULL,
    negated         INTEGER NOT NULL,   -- 1 when the text says it did not happen
    modality        TEXT NOT NULL,      -- '', 'hypothetical' or 'future'
    issues          TEXT NOT NULL,      -- ';'-joined
    source_text     TEXT NOT NULL,
    target_text     TEXT NOT NULL,
    verb_text       TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,   -- byte spans into the original document
    sentence_end    INTEGER NOT NULL,
    source_start    INTEGER NOT NULL,
    source_end      INTEGER NOT NULL,
    target_start    INTEGER NOT NULL,
    target_end      INTEGER NOT NULL,
    verb_start      INTEGER NOT NULL,
    verb_end        INTEGER NOT NULL,
    sentence_text   TEXT NOT NULL
);

-- Indexes. Every index slows ingest (each costs about as much as a quarter
-- of the rest of an insert), so there are three, for the queries that must
-- be fast on millions of events:
-- dyad panels and twin-track tables: sender country, target country,
-- period, then every column their filters and aggregates read, so that they
-- are answered from the index alone (without it a dyad of 24,000 events in
-- a store of 1,000,000 takes several times longer: one row read per event);
CREATE INDEX ev_dyad ON events (source_key, target_key, event_date, current, negated, modality,
    source, target, code, quad_class, source_roles, target_roles, goldstein);
-- queries by target only ("who engages Cambodia");
CREATE INDEX ev_target ON events (target_key, event_date);
-- a document's events (provenance; retiring them when it is re-coded).
CREATE INDEX ev_doc ON events (doc_key);
-- Queries by date only and deduplication without a dyad scan the table.
