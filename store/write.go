package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/twintrack/twintrack"
)

// eventColumns are the columns Write fills, in the order of eventArgs.
var eventColumns = []string{
	"event_id", "run_id", "doc_key", "current", "doc_id", "sentence", "doc_date",
	"event_date", "date_precision", "source", "target", "source_key", "target_key",
	"source_country", "target_country", "source_roles", "target_roles",
	"code", "root", "quad_class", "goldstein", "plover", "negated", "modality", "issues",
	"source_text", "target_text", "verb_text",
	"sentence_start", "sentence_end", "source_start", "source_end",
	"target_start", "target_end", "verb_start", "verb_end", "sentence_text", "target_side",
}

// eventArgs appends the column values of ev to args.
func eventArgs(args []any, runID int64, key string, ev *twintrack.Event) []any {
	date := ev.EventDate
	if date == "" {
		date = ev.DocDate
	}
	sp := ev.Spans
	return append(args,
		ev.EventID, runID, key, 1, ev.DocID, ev.Sentence, ev.DocDate,
		date, ev.DatePrecision, ev.Source, ev.Target, prefix3(ev.Source), prefix3(ev.Target),
		ev.SourceCountry, ev.TargetCountry, strings.Join(ev.SourceRoles, ";"), strings.Join(ev.TargetRoles, ";"),
		ev.Code, ev.Root, ev.QuadClass, ev.Goldstein, ev.Plover, boolInt(ev.Negated), ev.Modality,
		strings.Join(ev.Issues, ";"),
		ev.SourceText, ev.TargetText, ev.VerbText,
		sp.Sentence.Start, sp.Sentence.End, sp.Source.Start, sp.Source.End,
		sp.Target.Start, sp.Target.End, sp.Verb.Start, sp.Verb.End, ev.SentenceText,
		sideCode(strings.Join(ev.TargetRoles, ";"), ev.Target),
	)
}

func prefix3(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Write stores a batch of coded documents and their events in one
// transaction. For each document it first claims the (run, document) row
// in coded_documents; when that row exists already the document is
// skipped, so writing the same batch twice stores it once. Write fills in
// the batch's missing keys (DocKey) and the events' missing DocID,
// DictHash (the run's) and EventID (Event.StableID()).
func (db *DB) Write(ctx context.Context, runID int64, batch []CodedDocument) (WriteResult, error) {
	var res WriteResult
	var dictHash string
	if err := db.sql.QueryRowContext(ctx, `SELECT dict_hash FROM coding_runs WHERE run_id = `+db.d.Placeholder(1), runID).Scan(&dictHash); err != nil {
		return res, fmt.Errorf("write: run %d: %w", runID, err)
	}
	// A connection of its own, so that CopyEvents can reach the driver
	// connection of the transaction.
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return res, fmt.Errorf("write: %w", err)
	}
	defer conn.Close()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return res, fmt.Errorf("write: %w", err)
	}
	defer tx.Rollback()
	w, err := db.newBatchWriter(ctx, conn, tx)
	if err != nil {
		return res, fmt.Errorf("write: %w", err)
	}
	defer w.close()
	for i := range batch {
		if batch[i].Key == "" {
			batch[i].Key = DocKey(&batch[i].Doc)
		}
	}
	var keys []string // the documents stored
	for start := 0; start < len(batch); start += docsPerStatement {
		chunk := batch[start:min(start+docsPerStatement, len(batch))]
		stored, err := w.documents(ctx, runID, chunk)
		if err != nil {
			return WriteResult{}, fmt.Errorf("write: %w", err)
		}
		for i := range chunk {
			cd := &chunk[i]
			if !stored[i] {
				res.Skipped++
				continue
			}
			keys = append(keys, cd.Key)
			res.Documents++
			res.Sentences += cd.Sentences
			for j := range cd.Events {
				ev := &cd.Events[j]
				if ev.DocID == "" {
					ev.DocID = cd.Doc.ID
				}
				if ev.DictHash == "" {
					ev.DictHash = dictHash
				}
				if ev.EventID == "" {
					ev.EventID = ev.StableID()
				}
				added, err := w.event(ctx, runID, cd.Key, ev)
				if err != nil {
					return WriteResult{}, fmt.Errorf("write document %s: %w", cd.Key, err)
				}
				if added {
					res.Events++
				}
			}
		}
	}
	if err := w.flush(ctx); err != nil {
		return WriteResult{}, fmt.Errorf("write: %w", err)
	}
	if err := w.lockCounts(ctx); err != nil {
		return WriteResult{}, fmt.Errorf("write: %w", err)
	}
	if err := w.retired.write(ctx, tx, db); err != nil {
		return WriteResult{}, fmt.Errorf("write: %w", err)
	}
	if w.inserted == w.sent {
		err = w.added.write(ctx, tx, db)
	} else {
		// An INSERT skipped events stored before: count what is stored.
		err = db.rollupAdd(ctx, tx, runID, keys)
	}
	if err != nil {
		return WriteResult{}, fmt.Errorf("write: %w", err)
	}
	w.close()
	if err := tx.Commit(); err != nil {
		return WriteResult{}, fmt.Errorf("write: commit: %w", err)
	}
	return res, nil
}

// docsPerStatement is how many documents one claiming or document INSERT
// carries: one statement (one round trip to PostgreSQL) per 500 documents
// rather than two per document.
const docsPerStatement = 500

// batchWriter holds one transaction's prepared statements and the events
// waiting for a multi-row INSERT.
type batchWriter struct {
	conn           *sql.Conn
	copyRows       [][]any         // events waiting for CopyEvents
	seen           map[string]bool // event ids queued for CopyEvents
	db             *DB
	tx             *sql.Tx
	updDoc, retire *sql.Stmt
	insMany        *sql.Stmt // RowsPerInsert rows
	pending        []any
	rows           int
	locked         bool       // Dialect.CountLock taken
	added, retired *rollupAgg // the counts of the events stored and retired
	sent, inserted int64      // events sent to the database, and stored
}

// lockCounts takes the dialect's CountLock, once per transaction, before
// the rollup tables are first changed.
func (w *batchWriter) lockCounts(ctx context.Context) error {
	if w.locked || w.db.d.CountLock == "" {
		return nil
	}
	if _, err := w.tx.ExecContext(ctx, w.db.d.CountLock); err != nil {
		return fmt.Errorf("lock the counts: %w", err)
	}
	w.locked = true
	return nil
}

func (db *DB) newBatchWriter(ctx context.Context, conn *sql.Conn, tx *sql.Tx) (*batchWriter, error) {
	p := db.d.Placeholder
	w := &batchWriter{db: db, conn: conn, tx: tx, seen: map[string]bool{},
		added: newRollupAgg(db.d), retired: newRollupAgg(db.d)}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	w.updDoc = prep(`UPDATE documents SET last_run = ` + p(1) + ` WHERE doc_key = ` + p(2))
	w.retire = prep(`UPDATE events SET current = 0 WHERE doc_key = ` + p(1) + ` AND run_id <> ` + p(2) + ` AND current = 1`)
	w.insMany = prep(db.insertEventsSQL(db.d.RowsPerInsert))
	if err != nil {
		w.close()
		return nil, err
	}
	return w, nil
}

func (db *DB) insertEventsSQL(rows int) string {
	return "INSERT INTO events (" + strings.Join(eventColumns, ", ") + ") VALUES " +
		db.rowsOf(rows, len(eventColumns)) + " ON CONFLICT DO NOTHING"
}

// documents claims the documents of chunk for the run and stores their
// metadata; stored[i] is false for a document the run already has (or a
// key repeated in the chunk). Both statements are multi-row INSERTs whose
// RETURNING clause names the rows they inserted.
func (w *batchWriter) documents(ctx context.Context, runID int64, chunk []CodedDocument) ([]bool, error) {
	args := make([]any, 0, 3*len(chunk))
	for i := range chunk {
		args = append(args, runID, chunk[i].Key, len(chunk[i].Events))
	}
	claimed, err := w.returning(ctx,
		`INSERT INTO coded_documents (run_id, doc_key, events) VALUES `+w.db.rowsOf(len(chunk), 3)+
			` ON CONFLICT DO NOTHING RETURNING doc_key`, args)
	if err != nil {
		return nil, fmt.Errorf("claim documents: %w", err)
	}
	stored := make([]bool, len(chunk))
	args = args[:0]
	n := 0
	for i := range chunk {
		cd := &chunk[i]
		if !claimed[cd.Key] {
			continue
		}
		delete(claimed, cd.Key) // a repeated key is stored once
		stored[i] = true
		d := &cd.Doc
		args = append(args, cd.Key, d.Date, d.URL, d.Source, d.Title, len(d.Text), cd.Sentences, runID)
		n++
	}
	if n == 0 {
		return stored, nil
	}
	inserted, err := w.returning(ctx,
		`INSERT INTO documents (doc_key, doc_date, url, source, title, bytes, sentences, last_run) VALUES `+
			w.db.rowsOf(n, 8)+` ON CONFLICT DO NOTHING RETURNING doc_key`, args)
	if err != nil {
		return nil, fmt.Errorf("store documents: %w", err)
	}
	var recoded []string
	for i := range chunk {
		if key := chunk[i].Key; stored[i] && !inserted[key] {
			recoded = append(recoded, key)
		}
	}
	if len(recoded) == 0 {
		return stored, nil
	}
	// Stored before by another run: this coding becomes the current one,
	// and the events of the other run leave the counts.
	if err := w.retired.retiring(ctx, w.tx, w.db, runID, recoded); err != nil {
		return nil, err
	}
	for _, key := range recoded {
		if _, err := w.updDoc.ExecContext(ctx, runID, key); err != nil {
			return nil, fmt.Errorf("document %s: %w", key, err)
		}
		if _, err := w.retire.ExecContext(ctx, key, runID); err != nil {
			return nil, fmt.Errorf("document %s: %w", key, err)
		}
	}
	return stored, nil
}

// returning runs an INSERT ... RETURNING doc_key and collects the keys.
func (w *batchWriter) returning(ctx context.Context, q string, args []any) (map[string]bool, error) {
	rows, err := w.tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out[k] = true
	}
	return out, rows.Err()
}

// rowsOf returns "(p1,...,pcols),(...)" for rows rows of cols parameters.
func (db *DB) rowsOf(rows, cols int) string {
	var b strings.Builder
	for r := 0; r < rows; r++ {
		if r > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('(')
		b.WriteString(db.ph(r*cols+1, cols))
		b.WriteByte(')')
	}
	return b.String()
}

// copyBatch is how many events one CopyEvents call carries.
const copyBatch = 20000

// event queues ev and flushes a full multi-row INSERT or COPY. It reports
// false, storing nothing, for an event id already queued in this batch.
func (w *batchWriter) event(ctx context.Context, runID int64, key string, ev *twintrack.Event) (bool, error) {
	if w.seen[ev.EventID] {
		return false, nil
	}
	w.seen[ev.EventID] = true
	se := storedEvent(key, ev)
	w.added.add(&se, 1)
	w.sent++
	if w.db.d.CopyEvents != nil {
		w.copyRows = append(w.copyRows, eventArgs(make([]any, 0, len(eventColumns)), runID, key, ev))
		if len(w.copyRows) >= copyBatch {
			return true, w.flush(ctx)
		}
		return true, nil
	}
	w.pending = eventArgs(w.pending, runID, key, ev)
	w.rows++
	if w.rows == w.db.d.RowsPerInsert {
		res, err := w.insMany.ExecContext(ctx, w.pending...)
		if err != nil {
			return false, err
		}
		if err := w.countInserted(res); err != nil {
			return false, err
		}
		w.pending, w.rows = w.pending[:0], 0
	}
	return true, nil
}

// flush stores the queued events.
func (w *batchWriter) flush(ctx context.Context) error {
	if len(w.copyRows) > 0 {
		err := w.conn.Raw(func(dc any) error {
			return w.db.d.CopyEvents(ctx, dc, "events", eventColumns, w.copyRows)
		})
		if err != nil {
			return fmt.Errorf("copy events: %w", err)
		}
		w.inserted += int64(len(w.copyRows)) // COPY stores every row or fails
		w.copyRows = w.copyRows[:0]
	}
	if w.rows == 0 {
		return nil
	}
	res, err := w.tx.ExecContext(ctx, w.db.insertEventsSQL(w.rows), w.pending...)
	if err != nil {
		return err
	}
	w.pending, w.rows = w.pending[:0], 0
	return w.countInserted(res)
}

// countInserted adds the rows an INSERT ... ON CONFLICT DO NOTHING stored.
func (w *batchWriter) countInserted(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	w.inserted += n
	return nil
}

func (w *batchWriter) close() {
	for _, s := range []*sql.Stmt{w.updDoc, w.retire, w.insMany} {
		if s != nil {
			s.Close()
		}
	}
}
