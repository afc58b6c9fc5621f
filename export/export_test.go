package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/storetest"
)

// batchA is the first corpus: months 2018-12 to 2019-05 and one document
// without any date.
var batchA = []synthDoc{
	{key: "a00", dates: []string{"2018-12-30", "2019-01-02"}},
	{key: "a01", dates: []string{"2019-01-15", "2019-01-16", "2019-01-17"}},
	{key: "a02", dates: []string{"2019-02-01"}},
	{key: "a03", dates: []string{"2019-02-10", "2019-02-11", "2019-02-12", "2019-02-13"}},
	{key: "a04", dates: []string{"2019-03-05", "2019-03-06"}},
	{key: "a05", dates: []string{"2019-04-01", "2019-04-30", "2019-05-01"}},
	{key: "a06", dates: []string{"2019-05-20", "2019-05-21", "2019-05-22", "2019-05-23", "2019-05-24"}},
	{key: "a07", dates: []string{"", ""}},
	{key: "a08", dates: []string{"2019-03-01", "2019-03-02", "2019-03-03"}},
	{key: "a09", dates: []string{"2019-02-20", "2019-02-21", "2019-02-22"}},
}

// batchB adds documents in an existing month (2019-05) and a new one.
var batchB = []synthDoc{
	{key: "b00", dates: []string{"2019-05-02", "2019-05-03"}},
	{key: "b01", dates: []string{"2020-02-29", "2020-02-28", "2020-02-27"}},
	{key: "b02", dates: []string{"2020-02-01"}},
}

// recoded re-codes a03 (its events move from 2019-02 to 2019-04) and a07
// (undated, now with other codes).
var recoded = []synthDoc{
	{key: "a03", dates: []string{"2019-04-10", "2019-04-11"}, variant: 1},
	{key: "a07", dates: []string{"", "", ""}, variant: 1},
}

func mustRun(t *testing.T, db *store.DB, opt Options) Summary {
	t.Helper()
	sum, err := Run(context.Background(), db, opt)
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	return sum
}

func TestExportIncrementalRoundTrip(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		dir := filepath.Join(t.TempDir(), "ds")
		opt := Options{Dir: dir, By: Month}
		undated := Month.undated()

		storeDocs(t, db, "dict-1", batchA...)
		s1 := mustRun(t, db, opt)
		checkDataset(t, db, dir, Month, false)
		state1 := files(t, dir)
		wantParts := storePartitions(t, db, Month, false)
		if len(wantParts) < 5 {
			t.Fatalf("the synthetic corpus has only partitions %v", wantParts)
		}
		if got := partitionsOf(state1); !reflect.DeepEqual(got, wantParts) {
			t.Errorf("first export: partitions %v, want %v", got, wantParts)
		}
		if !s1.Full || s1.Documents != len(batchA) || s1.Files != len(state1) || !reflect.DeepEqual(s1.NewPartitions, wantParts) {
			t.Errorf("first export: summary %+v, want a full export of %d documents into %d files, all partitions new", s1, len(batchA), len(state1))
		}

		// New documents: new part files only; the old files are untouched.
		storeDocs(t, db, "dict-1", batchB...)
		s2 := mustRun(t, db, opt)
		checkDataset(t, db, dir, Month, false)
		state2 := files(t, dir)
		for rel, st := range state1 {
			if st2, ok := state2[rel]; !ok || st2 != st {
				t.Errorf("second export: %s was rewritten or removed", rel)
			}
		}
		if got, want := len(state2)-len(state1), 2; got != want {
			t.Errorf("second export: %d new files, want %d", got, want)
		}
		if !reflect.DeepEqual(s2.NewPartitions, []string{"year=2020/month=02"}) ||
			!reflect.DeepEqual(s2.AppendedPartitions, []string{"year=2019/month=05"}) ||
			len(s2.RewrittenPartitions) != 0 || s2.Full || s2.Documents != len(batchB) {
			t.Errorf("second export: summary %+v, want 2020-02 new, 2019-05 appended, nothing rewritten", s2)
		}

		// Re-coded documents: the partitions of their old events are
		// rewritten, the others keep their files.
		storeDocs(t, db, "dict-2", recoded...)
		s3 := mustRun(t, db, opt)
		checkDataset(t, db, dir, Month, false)
		state3 := files(t, dir)
		rewritten := map[string]bool{"year=2019/month=02": true, undated: true}
		for rel, st := range state2 {
			part := filepath.ToSlash(filepath.Dir(rel))
			st3, kept := state3[rel]
			switch {
			case rewritten[part] && kept:
				t.Errorf("third export: %s of a rewritten partition is still there", rel)
			case !rewritten[part] && (!kept || st3 != st):
				t.Errorf("third export: %s was rewritten or removed", rel)
			}
		}
		if want := []string{"year=2019/month=02", undated}; !reflect.DeepEqual(s3.RewrittenPartitions, want) {
			t.Errorf("third export: rewritten %v, want %v", s3.RewrittenPartitions, want)
		}
		if want := []string{"year=2019/month=04"}; !reflect.DeepEqual(s3.AppendedPartitions, want) {
			t.Errorf("third export: appended %v, want %v", s3.AppendedPartitions, want)
		}
		if s3.Documents != len(recoded) {
			t.Errorf("third export: %d documents taken in, want %d", s3.Documents, len(recoded))
		}

		// Nothing changed: nothing is written.
		s4 := mustRun(t, db, opt)
		if !s4.UpToDate || s4.Files != 0 || s4.TotalFiles != len(state3) {
			t.Errorf("fourth export: summary %+v, want up to date with %d files", s4, len(state3))
		}
		if state4 := files(t, dir); !reflect.DeepEqual(state4, state3) {
			t.Errorf("fourth export changed files")
		}

		// --full rewrites every file under a new id.
		opt.Full = true
		s5 := mustRun(t, db, opt)
		checkDataset(t, db, dir, Month, false)
		state5 := files(t, dir)
		for rel := range state3 {
			if _, ok := state5[rel]; ok {
				t.Errorf("full export: %s kept", rel)
			}
		}
		if !s5.Full || s5.ExportID == s1.ExportID || s5.FilesRemoved != len(state3) || s5.Generation != 4 {
			t.Errorf("full export: summary %+v, want a new id, %d files removed, generation 4", s5, len(state3))
		}
		// The dropped export's rows are gone; the new one continues.
		if _, _, err := db.Export(context.Background(), s1.ExportID); !errors.Is(err, store.ErrNoExport) {
			t.Errorf("old export after --full: got %v, want ErrNoExport", err)
		}
		opt.Full = false
		storeDocs(t, db, "dict-2", synthDoc{key: "c00", dates: []string{"2021-01-01", "2021-01-02"}})
		s6 := mustRun(t, db, opt)
		checkDataset(t, db, dir, Month, false)
		if s6.Documents != 1 || !reflect.DeepEqual(s6.NewPartitions, []string{"year=2021/month=01"}) {
			t.Errorf("export after --full: summary %+v, want one new document in year=2021/month=01", s6)
		}
	})
}

func TestExportPartitionings(t *testing.T) {
	for _, by := range []By{Year, Day} {
		for _, all := range []bool{false, true} {
			t.Run(string(by)+map[bool]string{true: "-all", false: ""}[all], func(t *testing.T) {
				db := storetest.SQLite(t)
				storeDocs(t, db, "dict-1", batchA...)
				dir := filepath.Join(t.TempDir(), "ds")
				mustRun(t, db, Options{Dir: dir, By: by, All: all})
				storeDocs(t, db, "dict-1", batchB...)
				storeDocs(t, db, "dict-2", recoded...)
				mustRun(t, db, Options{Dir: dir, By: by, All: all})
				checkDataset(t, db, dir, by, all)
			})
		}
	}
}

func TestExportRefusals(t *testing.T) {
	ctx := context.Background()
	db := storetest.SQLite(t)
	storeDocs(t, db, "dict-1", batchA...)
	exported := filepath.Join(t.TempDir(), "ds")
	mustRun(t, db, Options{Dir: exported, By: Month})
	other := storetest.SQLite(t)
	storeDocs(t, other, "dict-1", batchB...)
	nonEmpty := t.TempDir()
	if err := os.WriteFile(filepath.Join(nonEmpty, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		db      *store.DB
		opt     Options
		wantErr string
	}{
		{"bad partitioning", db, Options{Dir: t.TempDir(), By: "week"}, "want year, month or day"},
		{"non-empty directory", db, Options{Dir: nonEmpty, By: Month}, "not empty and has no " + ManifestName},
		{"other partitioning", db, Options{Dir: exported, By: Year}, "partitioned by month"},
		{"other event set", db, Options{Dir: exported, By: Month, All: true}, "use the same --all"},
		{"other store", other, Options{Dir: exported, By: Month}, "no record of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(ctx, tt.db, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
	if got, err := os.ReadFile(filepath.Join(nonEmpty, "notes.txt")); err != nil || string(got) != "mine" {
		t.Errorf("the non-empty directory's file: got %q, %v", got, err)
	}
	// --full takes over a directory exported from another store.
	sum, err := Run(ctx, other, Options{Dir: exported, By: Month, Full: true})
	if err != nil {
		t.Fatal(err)
	}
	checkDataset(t, other, exported, Month, false)
	if sum.FilesRemoved == 0 {
		t.Errorf("--full over another store's export removed no files")
	}
}

func TestExportCrashLeftovers(t *testing.T) {
	db := storetest.SQLite(t)
	storeDocs(t, db, "dict-1", batchA...)
	dir := filepath.Join(t.TempDir(), "ds")
	mustRun(t, db, Options{Dir: dir, By: Month})
	// What a run that died before its commit leaves: a renamed part file
	// the store does not know and a temporary file.
	orphan := filepath.Join(dir, "year=2019", "month=01", "part-00009-deadbeef.parquet")
	tmp := filepath.Join(dir, "year=2019", "month=01", "_tmp-part-00009-0badf00d.parquet-123.tmp")
	for _, p := range []string{orphan, tmp} {
		if err := os.WriteFile(p, []byte("PAR1 half"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	storeDocs(t, db, "dict-1", batchB...)
	sum := mustRun(t, db, Options{Dir: dir, By: Month})
	if want := []string{"year=2019/month=01/_tmp-part-00009-0badf00d.parquet-123.tmp", "year=2019/month=01/part-00009-deadbeef.parquet"}; !reflect.DeepEqual(sum.Orphans, want) {
		t.Errorf("orphans %v, want %v", sum.Orphans, want)
	}
	checkDataset(t, db, dir, Month, false)

	// A listed file deleted by hand: the next export refuses to go on.
	var victim string
	for rel := range files(t, dir) {
		victim = rel
		break
	}
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(victim))); err != nil {
		t.Fatal(err)
	}
	storeDocs(t, db, "dict-1", synthDoc{key: "c00", dates: []string{"2021-01-01", "2021-01-02"}})
	if _, err := Run(context.Background(), db, Options{Dir: dir, By: Month}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("after deleting %s: got error %v, want one about missing files", victim, err)
	}
	mustRun(t, db, Options{Dir: dir, By: Month, Full: true})
	checkDataset(t, db, dir, Month, false)
}

// TestCopiedDirectory: a copy of an export shares its id; after one of the
// two is updated, exporting into the other is refused, and --full makes
// it an export of its own.
func TestExportCopiedDirectory(t *testing.T) {
	db := storetest.SQLite(t)
	storeDocs(t, db, "dict-1", batchA...)
	dir := filepath.Join(t.TempDir(), "ds")
	first := mustRun(t, db, Options{Dir: dir, By: Month})
	cp := filepath.Join(t.TempDir(), "copy")
	if err := os.CopyFS(cp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	storeDocs(t, db, "dict-1", batchB...)
	mustRun(t, db, Options{Dir: dir, By: Month})
	if _, err := Run(context.Background(), db, Options{Dir: cp, By: Month}); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("export into the stale copy: got error %v, want one about missing files", err)
	}
	own := mustRun(t, db, Options{Dir: cp, By: Month, Full: true})
	if own.ExportID == first.ExportID {
		t.Errorf("--full on the copy kept the export id %s", own.ExportID)
	}
	checkDataset(t, db, cp, Month, false)
	// The original is a separate export again: its bookkeeping was
	// dropped with the copy's --full, so it must be rewritten too.
	if _, err := Run(context.Background(), db, Options{Dir: dir, By: Month}); err == nil {
		t.Errorf("export into the original after the copy took over: got no error")
	}
}

// TestConcurrentRuns: a second run on a locked directory is refused, and
// the store refuses a commit from a run that started from an older
// generation (two runs on machines that share the store, not the lock).
func TestExportConcurrentRuns(t *testing.T) {
	ctx := context.Background()
	db := storetest.SQLite(t)
	storeDocs(t, db, "dict-1", batchA...)
	dir := filepath.Join(t.TempDir(), "ds")
	first := mustRun(t, db, Options{Dir: dir, By: Month})

	unlock, err := lockDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	storeDocs(t, db, "dict-1", batchB...)
	if _, err := Run(ctx, db, Options{Dir: dir, By: Month}); err == nil || !strings.Contains(err.Error(), "another export") {
		t.Errorf("run on a locked directory: got error %v, want one about another export", err)
	}
	unlock()
	mustRun(t, db, Options{Dir: dir, By: Month})
	checkDataset(t, db, dir, Month, false)

	x, _, err := db.Export(ctx, first.ExportID)
	if err != nil {
		t.Fatal(err)
	}
	stale := x
	stale.Generation = x.Generation // as if it had started from generation x.Generation-1
	if err := db.CommitExport(ctx, store.ExportCommit{Export: stale}); !errors.Is(err, store.ErrExportConflict) {
		t.Errorf("commit from an older generation: got %v, want ErrExportConflict", err)
	}
	next := x
	next.Generation++
	if err := db.CommitExport(ctx, store.ExportCommit{Export: next}); err != nil {
		t.Errorf("commit of the next generation: %v", err)
	}
}
