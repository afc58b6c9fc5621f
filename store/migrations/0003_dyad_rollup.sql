-- 0003_dyad_rollup: counts of the dyad and twin-track queries kept up to
-- date at ingest, so that a request for a country pair by year or month
-- reads a few hundred rows of counts instead of every event of the dyad
-- (store/rollup.go maintains them, store/rollupquery.go reads them).
--
-- The Go half of this migration (rollup.go, migrateRollup) runs in the same
-- transaction after this file: it fills events.target_side, creates the
-- evidence index (its collation differs between the databases) and fills
-- both tables from the current events.

-- The side of the target country the target is on, as store's side() and
-- package analysis (SideOf) decide it: 0 other, 1 government, 2
-- opposition, 3 unknown (a code of more than four role chunks and no
-- roles, or a code or roles that are not ASCII). Filled at write time.
ALTER TABLE events ADD COLUMN target_side INTEGER NOT NULL DEFAULT 0;

-- One row per three-letter country pair (source_key, target_key), grain (4
-- year, 3 month: store.Period), period (its first day), QuadClass and root.
-- Only current events count; re-coding a document subtracts its retired
-- events. A row whose counts have all gone back to 0 may remain.
CREATE TABLE dyad_rollup (
    source_key      TEXT NOT NULL,
    target_key      TEXT NOT NULL,
    grain           INTEGER NOT NULL,
    period          TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    root            TEXT NOT NULL,
    events          BIGINT NOT NULL,            -- every event
    counted         BIGINT NOT NULL,            -- not negated and not modal
    goldstein       DOUBLE PRECISION NOT NULL,  -- sum over the counted
    imprecise       BIGINT NOT NULL,            -- counted, dated more coarsely than the grain
    bad_date        BIGINT NOT NULL,            -- event date not a valid YYYY-MM-DD date
    side_odd        BIGINT NOT NULL,            -- target_side 3, or a source whose side SQL cannot tell
    gov             BIGINT NOT NULL,            -- counted, by target_side 1, 2, 0
    opp             BIGINT NOT NULL,
    other           BIGINT NOT NULL,
    visits          BIGINT NOT NULL,            -- code 04x (the track's backward branch)
    visits_counted  BIGINT NOT NULL,
    PRIMARY KEY (source_key, target_key, grain, period, quad_class, root)
);

-- Visit exchanges (CAMEO 042 and 043) of a sender with a side (1 GOV, 2
-- OPP) of a target, counted once per sentence: outward 1 when the sender
-- goes to the side. A sentence belongs to one document, so the distinct
-- sentences are counted per document when it is written and the counts add
-- up (see rollup.go for the one case where they do not).
CREATE TABLE visit_rollup (
    sender_key  TEXT NOT NULL,
    target_key  TEXT NOT NULL,
    grain       INTEGER NOT NULL,
    period      TEXT NOT NULL,
    side        INTEGER NOT NULL,
    outward     INTEGER NOT NULL,
    sentences   BIGINT NOT NULL,
    PRIMARY KEY (sender_key, target_key, grain, period, side, outward)
);
