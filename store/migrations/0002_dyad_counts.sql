-- 0002_dyad_counts: the dyad index covers every column the dyad and
-- twin-track counts read (store/dyadcounts.go), so that they are answered
-- from the index alone on SQLite and by an index-only scan on PostgreSQL
-- (once VACUUM has set the visibility map).
--
-- It replaces 0001's ev_dyad with a wider index under the same name and
-- with the same leading columns, so every query that used ev_dyad still
-- does and ingest still maintains three indexes. The added columns:
-- root and date_precision (panel roots, imprecise dates), doc_id and
-- sentence (a visit is counted once per sentence), event_id (the evidence
-- query orders by it and joins back on it).
DROP INDEX ev_dyad;
CREATE INDEX ev_dyad ON events (source_key, target_key, event_date, current, negated, modality,
    source, target, code, quad_class, source_roles, target_roles, goldstein,
    root, date_precision, doc_id, sentence, event_id);
