-- 0003_dyad_rollup: counts of the dyad and twin-track queries kept up to
-- date at ingest, so that a request for a country pair by year or month
-- reads one row per period instead of every event of the dyad
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
-- year, 3 month: store.Period) and period (its first day): the panel row
-- of DyadCounts and the counts of TrackCounts. Only current events count;
-- re-coding a document subtracts its retired events, so a row whose counts
-- have all gone back to 0 may remain. "Counted" events are neither negated
-- nor modal.
CREATE TABLE dyad_rollup (
    source_key      TEXT NOT NULL,
    target_key      TEXT NOT NULL,
    grain           INTEGER NOT NULL,
    period          TEXT NOT NULL,
    events          BIGINT NOT NULL,            -- every event
    counted         BIGINT NOT NULL,
    goldstein       DOUBLE PRECISION NOT NULL,  -- sum over the counted
    imprecise       BIGINT NOT NULL,            -- counted, dated more coarsely than the grain
    bad_date        BIGINT NOT NULL,            -- event date not a valid YYYY-MM-DD date
    bad_code        BIGINT NOT NULL,            -- QuadClass outside 1-4, or no root
    q1              BIGINT NOT NULL,            -- counted, by QuadClass
    q2              BIGINT NOT NULL,
    q3              BIGINT NOT NULL,
    q4              BIGINT NOT NULL,
    r01 BIGINT NOT NULL, r02 BIGINT NOT NULL, r03 BIGINT NOT NULL, r04 BIGINT NOT NULL,
    r05 BIGINT NOT NULL, r06 BIGINT NOT NULL, r07 BIGINT NOT NULL, r08 BIGINT NOT NULL,
    r09 BIGINT NOT NULL, r10 BIGINT NOT NULL, r11 BIGINT NOT NULL, r12 BIGINT NOT NULL,
    r13 BIGINT NOT NULL, r14 BIGINT NOT NULL, r15 BIGINT NOT NULL, r16 BIGINT NOT NULL,
    r17 BIGINT NOT NULL, r18 BIGINT NOT NULL, r19 BIGINT NOT NULL, r20 BIGINT NOT NULL,
                                                -- counted, by CAMEO root "01"-"20"
    eng_events      BIGINT NOT NULL,            -- QuadClass 1 or 2 (engagement)
    eng_counted     BIGINT NOT NULL,
    gov             BIGINT NOT NULL,            -- counted engagement by target_side 1, 2, 0
    opp             BIGINT NOT NULL,
    other           BIGINT NOT NULL,
    eng_odd         BIGINT NOT NULL,            -- engagement with a bad date or target_side 3
    visits          BIGINT NOT NULL,            -- code 04x (a track's backward branch)
    visits_counted  BIGINT NOT NULL,
    visit_odd       BIGINT NOT NULL,            -- code 04x with a bad date or an actor of unknown side
    PRIMARY KEY (source_key, target_key, grain, period)
);

-- Visit exchanges (CAMEO 042 and 043) of a sender with each side of a
-- target, counted once per sentence: "out" is the sender going to the
-- side. A sentence belongs to one document, so the distinct sentences are
-- counted per document when it is written and the counts add up (see
-- rollup.go for the one case where they do not).
CREATE TABLE visit_rollup (
    sender_key  TEXT NOT NULL,
    target_key  TEXT NOT NULL,
    grain       INTEGER NOT NULL,
    period      TEXT NOT NULL,
    gov_out     BIGINT NOT NULL,
    gov_in      BIGINT NOT NULL,
    opp_out     BIGINT NOT NULL,
    opp_in      BIGINT NOT NULL,
    PRIMARY KEY (sender_key, target_key, grain, period)
);
