package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
)

// This file is the store's side of package export: the bookkeeping of
// exported data sets (migrations/0004_exports.sql) and the event queries an
// incremental export needs.

// ErrNoExport is returned by Export for an export id the store does not
// know.
var ErrNoExport = errors.New("no such export in this store")

// ErrExportConflict is returned by CommitExport when another run committed
// the same export since this one read it.
var ErrExportConflict = errors.New("another export run committed this export meanwhile")

// Export describes an exported data set as the store records it.
type Export struct {
	ID          string
	Dir         string // the directory as given when it was created
	PartitionBy string // year, month or day
	All         bool   // negated, hypothetical and future events included
	Generation  int    // export runs committed so far
	Created     string // RFC 3339, UTC
	Updated     string
}

// ExportFile is one live file of an export.
type ExportFile struct {
	Path       string // relative to the export's directory, slash-separated
	Partition  string // its partition path, e.g. "year=2019/month=03"
	Events     int64
	Bytes      int64
	Generation int // the export run that wrote it
}

// ExportDoc is a document as an export holds it, or is to hold it.
type ExportDoc struct {
	Key        string
	RunID      int64    // the coding run whose events the export holds
	Partitions []string // the partitions holding its events
}

// PendingDoc is a document an export does not hold in its current coding:
// a new document (Exported.RunID == 0) or a re-coded one.
type PendingDoc struct {
	Key      string
	LastRun  int64     // the document's current coding run
	Exported ExportDoc // what the export holds of it (zero when new)
}

// ExportedEvent is an event with the two store columns an export needs to
// check it against its bookkeeping.
type ExportedEvent struct {
	twintrack.Event
	DocKey string
	RunID  int64
}

// ExportQuery selects current events for an export.
type ExportQuery struct {
	// All includes negated, hypothetical and future events.
	All bool
	// ExportID, when not empty, keeps only the events of the documents the
	// export does not hold in their current coding (see PendingExportDocs).
	ExportID string
	// Ranges, when not empty, keeps the events whose event_date falls in
	// any of them.
	Ranges []ExportRange
	// Unordered drops the ordering by event date (no sort on a store
	// without an index that gives it).
	Unordered bool
}

// ExportRange bounds event_date as text: From <= event_date < Before.
type ExportRange struct {
	From, Before string
}

// Export returns the export with the given id and its live files, sorted
// by path. It returns ErrNoExport (wrapped) when there is none.
func (db *DB) Export(ctx context.Context, id string) (Export, []ExportFile, error) {
	p := db.d.Placeholder
	var x Export
	var all int
	err := db.sql.QueryRowContext(ctx, `SELECT export_id, dir, partition_by, include_all, generation, created_at, updated_at
FROM exports WHERE export_id = `+p(1), id).Scan(&x.ID, &x.Dir, &x.PartitionBy, &all, &x.Generation, &x.Created, &x.Updated)
	if errors.Is(err, sql.ErrNoRows) {
		return x, nil, fmt.Errorf("export %s: %w", id, ErrNoExport)
	}
	if err != nil {
		return x, nil, fmt.Errorf("export %s: %w", id, err)
	}
	x.All = all != 0
	rows, err := db.sql.QueryContext(ctx, `SELECT path, part, events, bytes, generation FROM export_files
WHERE export_id = `+p(1)+` ORDER BY path`, id)
	if err != nil {
		return x, nil, fmt.Errorf("export %s: files: %w", id, err)
	}
	defer rows.Close()
	var files []ExportFile
	for rows.Next() {
		var f ExportFile
		if err := rows.Scan(&f.Path, &f.Partition, &f.Events, &f.Bytes, &f.Generation); err != nil {
			return x, nil, fmt.Errorf("export %s: files: %w", id, err)
		}
		files = append(files, f)
	}
	if err := rows.Err(); err != nil {
		return x, nil, fmt.Errorf("export %s: files: %w", id, err)
	}
	return x, files, nil
}

// ExportedDocs returns the documents the export holds, keyed by document
// key, with the coding run it holds of each.
func (db *DB) ExportedDocs(ctx context.Context, id string) (map[string]int64, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT doc_key, run_id FROM export_documents WHERE export_id = `+db.d.Placeholder(1), id)
	if err != nil {
		return nil, fmt.Errorf("exported documents: %w", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var k string
		var run int64
		if err := rows.Scan(&k, &run); err != nil {
			return nil, fmt.Errorf("exported documents: %w", err)
		}
		out[k] = run
	}
	return out, rows.Err()
}

// pendingDocs is the condition on documents d (left-joined with the
// export's rows x) that selects the documents an export lacks.
const pendingDocs = `x.doc_key IS NULL OR x.run_id <> d.last_run`

// PendingExportDocs returns the documents the export does not hold in
// their current coding: new ones and re-coded ones. An id the store has no
// rows for makes every document pending.
func (db *DB) PendingExportDocs(ctx context.Context, id string) ([]PendingDoc, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT d.doc_key, d.last_run, COALESCE(x.run_id, 0), COALESCE(x.partitions, '')
FROM documents d LEFT JOIN export_documents x ON x.export_id = `+db.d.Placeholder(1)+` AND x.doc_key = d.doc_key
WHERE `+pendingDocs+` ORDER BY d.doc_key`, id)
	if err != nil {
		return nil, fmt.Errorf("pending documents: %w", err)
	}
	defer rows.Close()
	var out []PendingDoc
	for rows.Next() {
		var pd PendingDoc
		var parts string
		if err := rows.Scan(&pd.Key, &pd.LastRun, &pd.Exported.RunID, &parts); err != nil {
			return nil, fmt.Errorf("pending documents: %w", err)
		}
		if pd.Exported.RunID != 0 {
			pd.Exported.Key = pd.Key
			pd.Exported.Partitions = splitList(parts)
		}
		out = append(out, pd)
	}
	return out, rows.Err()
}

// ExportEvents yields the current events q selects, ordered by event date,
// document and sentence unless q.Unordered, each with its document key and
// coding run.
func (db *DB) ExportEvents(ctx context.Context, q ExportQuery) iter.Seq2[ExportedEvent, error] {
	return func(yield func(ExportedEvent, error) bool) {
		w := &where{d: db.d}
		w.add("current = 1")
		if !q.All {
			w.add("negated = 0")
			w.add("modality = ''")
		}
		anyOf(w, q.Ranges, func(r ExportRange) string {
			return "(event_date >= " + w.arg(r.From) + " AND event_date < " + w.arg(r.Before) + ")"
		})
		if q.ExportID != "" {
			w.add(`doc_key IN (SELECT d.doc_key FROM documents d LEFT JOIN export_documents x
 ON x.export_id = ` + w.arg(q.ExportID) + ` AND x.doc_key = d.doc_key WHERE ` + pendingDocs + `)`)
		}
		query := selectEvent + ", e.doc_key, e.run_id" + eventFrom("(SELECT * FROM events"+w.String()+")")
		if !q.Unordered {
			query += " ORDER BY e.event_date, e.doc_id, e.sentence, e.event_id"
		}
		rows, err := db.sql.QueryContext(ctx, query, w.args...)
		if err != nil {
			yield(ExportedEvent{}, fmt.Errorf("export events: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			ev, err := scanExportedEvent(rows)
			if err != nil {
				yield(ExportedEvent{}, fmt.Errorf("export events: %w", err))
				return
			}
			if !yield(ev, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(ExportedEvent{}, fmt.Errorf("export events: %w", err))
		}
	}
}

// scanExportedEvent reads the columns of selectEvent followed by doc_key
// and run_id.
func scanExportedEvent(rows *sql.Rows) (ExportedEvent, error) {
	var x ExportedEvent
	err := scanEventInto(rows, &x.Event, &x.DocKey, &x.RunID)
	return x, err
}

// ExportCommit is what one export run changes, committed at once.
type ExportCommit struct {
	Export  Export       // the export; created when new, else its generation and time updated
	Docs    []ExportDoc  // documents now held (inserted or replaced)
	Added   []ExportFile // files written
	Removed []string     // paths of files replaced
	// Drop, when not empty, is an export whose rows are deleted in the
	// same transaction (a full rewrite that replaces it).
	Drop string
}

// CommitExport records an export run in one transaction: the export row,
// the documents it now holds, the files it added and removed. The run must
// move an existing export from generation c.Export.Generation-1; when
// another run moved it first, CommitExport changes nothing and returns
// ErrExportConflict (wrapped).
func (db *DB) CommitExport(ctx context.Context, c ExportCommit) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("commit export: %w", err)
	}
	defer tx.Rollback()
	if err := db.commitExport(ctx, tx, &c); err != nil {
		return fmt.Errorf("commit export %s: %w", c.Export.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit export %s: %w", c.Export.ID, err)
	}
	return nil
}

func (db *DB) commitExport(ctx context.Context, tx *sql.Tx, c *ExportCommit) error {
	p := db.d.Placeholder
	x := c.Export
	now := time.Now().UTC().Format(time.RFC3339)
	if c.Drop != "" {
		for _, table := range []string{"export_files", "export_documents", "exports"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE export_id = `+p(1), c.Drop); err != nil {
				return err
			}
		}
	}
	// The generation moves from the one this run started from, so the
	// second of two runs that started together fails here.
	res, err := tx.ExecContext(ctx, `UPDATE exports SET generation = `+p(1)+`, updated_at = `+p(2)+`, dir = `+p(3)+
		` WHERE export_id = `+p(4)+` AND generation = `+p(5), x.Generation, now, x.Dir, x.ID, x.Generation-1)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM exports WHERE export_id = `+p(1), x.ID).Scan(&exists); err != nil {
			return err
		}
		if exists > 0 {
			return ErrExportConflict
		}
		if x.Created == "" {
			x.Created = now
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO exports (export_id, dir, partition_by, include_all, generation, created_at, updated_at)
VALUES (`+db.ph(1, 7)+`)`, x.ID, x.Dir, x.PartitionBy, boolInt(x.All), x.Generation, x.Created, now); err != nil {
			return err
		}
	}
	del, err := tx.PrepareContext(ctx, `DELETE FROM export_files WHERE export_id = `+p(1)+` AND path = `+p(2))
	if err != nil {
		return err
	}
	defer del.Close()
	for _, path := range c.Removed {
		if _, err := del.ExecContext(ctx, x.ID, path); err != nil {
			return err
		}
	}
	add, err := tx.PrepareContext(ctx, `INSERT INTO export_files (export_id, path, part, events, bytes, generation) VALUES (`+db.ph(1, 6)+`)`)
	if err != nil {
		return err
	}
	defer add.Close()
	for _, f := range c.Added {
		if _, err := add.ExecContext(ctx, x.ID, f.Path, f.Partition, f.Events, f.Bytes, f.Generation); err != nil {
			return fmt.Errorf("file %s: %w", f.Path, err)
		}
	}
	return db.commitExportDocs(ctx, tx, x.ID, c.Docs)
}

// exportDocsPerStatement is how many documents one INSERT of
// commitExportDocs carries.
const exportDocsPerStatement = 500

// commitExportDocs replaces the export's rows of the documents: a DELETE
// and a multi-row INSERT per chunk.
func (db *DB) commitExportDocs(ctx context.Context, tx *sql.Tx, id string, docs []ExportDoc) error {
	for start := 0; start < len(docs); start += exportDocsPerStatement {
		chunk := docs[start:min(start+exportDocsPerStatement, len(docs))]
		keys := make([]any, 0, len(chunk)+1)
		keys = append(keys, id)
		args := make([]any, 0, 4*len(chunk))
		for _, d := range chunk {
			keys = append(keys, d.Key)
			args = append(args, id, d.Key, d.RunID, strings.Join(d.Partitions, ";"))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM export_documents WHERE export_id = `+db.d.Placeholder(1)+
			` AND doc_key IN (`+db.ph(2, len(chunk))+`)`, keys...); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO export_documents (export_id, doc_key, run_id, partitions) VALUES `+
			db.rowsOf(len(chunk), 4), args...); err != nil {
			return fmt.Errorf("documents: %w", err)
		}
	}
	return nil
}
