-- 0004_exports: bookkeeping of the Parquet data sets exported from this
-- store (package export), so that a later export of the same directory
-- writes only what changed.
--
-- An export is one directory, identified by a random id that the
-- directory's manifest (_twintrack_export.json) also holds. The store, not
-- the manifest, is the record of what was exported: the files and the
-- document rows of one export run are committed in one transaction, after
-- the files are in place, so a crash before the commit leaves only files
-- the next export recognises as orphans and removes.
CREATE TABLE exports (
    export_id     TEXT PRIMARY KEY,
    dir           TEXT NOT NULL,     -- the directory as given (informative)
    partition_by  TEXT NOT NULL,     -- year, month or day
    include_all   INTEGER NOT NULL,  -- 1: negated, hypothetical and future events too
    generation    INTEGER NOT NULL,  -- export runs committed so far
    created_at    TEXT NOT NULL,     -- RFC 3339, UTC
    updated_at    TEXT NOT NULL
);

-- Which coding run of each document an export holds, and the partitions
-- its events went to. A document whose latest run (documents.last_run)
-- differs from run_id was re-coded since: its partitions are rewritten.
CREATE TABLE export_documents (
    export_id   TEXT NOT NULL,
    doc_key     TEXT NOT NULL,
    run_id      BIGINT NOT NULL,
    partitions  TEXT NOT NULL,   -- partition paths joined with ';', '' when none
    PRIMARY KEY (export_id, doc_key)
);

-- The live Parquet files of an export, relative to its directory.
CREATE TABLE export_files (
    export_id   TEXT NOT NULL,
    path        TEXT NOT NULL,     -- slash-separated, e.g. year=2019/month=03/part-00001-1a2b3c4d.parquet
    part        TEXT NOT NULL,     -- its partition path, e.g. year=2019/month=03
    events      BIGINT NOT NULL,
    bytes       BIGINT NOT NULL,
    generation  INTEGER NOT NULL,  -- the export run that wrote it
    PRIMARY KEY (export_id, path)
);
