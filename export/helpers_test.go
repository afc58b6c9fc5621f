package export

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/parquet"
	"github.com/twintrack/twintrack/store"
)

// synthDoc is a synthetic document: one event per date, coded by the run
// of dictionary hash dict; variant changes the codes, as new
// dictionaries would.
type synthDoc struct {
	key     string
	dates   []string
	variant int
}

var synthCodes = []struct {
	code, root string
	quad       int
	goldstein  float64
}{
	{"042", "04", 1, 1.9}, {"043", "04", 1, 2.8}, {"057", "05", 1, 8}, {"070", "07", 2, 7},
	{"112", "11", 3, -2}, {"130", "13", 3, -4.4}, {"190", "19", 4, -10}, {"036", "03", 1, 4},
}

var synthDyads = [][2]string{{"JPNGOV", "KHMGOV"}, {"JPNGOV", "KHMOPP"}, {"JPN", "KHMGOV"}, {"KHMGOV", "JPNGOV"}, {"USAGOV", "KHMOPP"}}

// events returns the document's events.
func (d synthDoc) events() []twintrack.Event {
	var out []twintrack.Event
	for i, date := range d.dates {
		n := len(d.key) + i*3 + d.variant*5
		c := synthCodes[n%len(synthCodes)]
		dy := synthDyads[(n+i)%len(synthDyads)]
		ev := twintrack.Event{
			DocID: d.key, Sentence: i, DocDate: d.dates[0], EventDate: date, DatePrecision: "day",
			Source: dy[0], Target: dy[1], SourceCountry: dy[0][:3], TargetCountry: dy[1][:3],
			Code: c.code, Root: c.root, QuadClass: c.quad, Goldstein: c.goldstein, Plover: "CONSULT",
			Negated: n%7 == 3, SourceText: "Japan", TargetText: "Cambodia", VerbText: "met",
			SentenceText: fmt.Sprintf("Sentence %d of %s, variant %d, with “quotes”.", i, d.key, d.variant),
			Spans: twintrack.EventSpans{
				Sentence: twintrack.Span{Start: i * 100, End: i*100 + 60},
				Source:   twintrack.Span{Start: i * 100, End: i*100 + 5},
				Target:   twintrack.Span{Start: i*100 + 10, End: i*100 + 18},
				Verb:     twintrack.Span{Start: i*100 + 6, End: i*100 + 9},
			},
		}
		if n%11 == 5 {
			ev.Modality = "hypothetical"
		}
		if date == "" {
			ev.DatePrecision = ""
		}
		out = append(out, ev)
	}
	return out
}

// storeDocs codes docs into db with the run of dictionary hash dict.
func storeDocs(t *testing.T, db *store.DB, dict string, docs ...synthDoc) {
	t.Helper()
	storeDocsB(t, db, dict, docs)
}

// storeDocsB is storeDocs for tests and benchmarks.
func storeDocsB(t testing.TB, db *store.DB, dict string, docs []synthDoc) {
	t.Helper()
	ctx := context.Background()
	r, err := db.StartRun(ctx, store.RunInfo{DictHash: dict, Dictionaries: "synthetic", Coder: "test"})
	if err != nil {
		t.Fatal(err)
	}
	batch := make([]store.CodedDocument, len(docs))
	for i, d := range docs {
		date := ""
		if len(d.dates) > 0 {
			date = d.dates[0]
		}
		batch[i] = store.CodedDocument{Doc: twintrack.Document{ID: d.key, Date: date, Text: "synthetic " + d.key},
			Sentences: len(d.dates), Events: d.events()}
	}
	res, err := db.Write(ctx, r.ID, batch)
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != len(docs) {
		t.Fatalf("stored %d documents, want %d", res.Documents, len(docs))
	}
}

// fileState is what a test remembers of a file to tell whether it was
// rewritten.
type fileState struct {
	sum   string
	mtime time.Time
}

// files returns the Parquet files under dir by relative path.
func files(t *testing.T, dir string) map[string]fileState {
	t.Helper()
	out := map[string]fileState{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(d.Name(), "_tmp-") {
			t.Errorf("temporary file %s left behind", rel)
		}
		if !strings.HasSuffix(rel, ".parquet") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		out[rel] = fileState{hex.EncodeToString(h[:]), info.ModTime()}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkDataset reads every file of the data set back with the Parquet
// reader and checks it against the store: the same current events (each
// once, with the same fields), each in the partition of its date, and a
// manifest that lists exactly the files on disk.
func checkDataset(t *testing.T, db *store.DB, dir string, by By, all bool) {
	t.Helper()
	m, err := ReadManifest(dir)
	if err != nil || m == nil {
		t.Fatalf("manifest: %v, %v", m, err)
	}
	onDisk := files(t, dir)
	listed := map[string]bool{}
	var total int64
	for _, f := range m.Files {
		listed[f.Path] = true
		total += f.Events
		if _, ok := onDisk[f.Path]; !ok {
			t.Errorf("manifest lists %s, which is not on disk", f.Path)
		}
	}
	got := map[string]twintrack.Event{}
	for rel := range onDisk {
		if !listed[rel] {
			t.Errorf("%s is on disk but not in the manifest", rel)
		}
		evs, err := parquet.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			t.Errorf("%s: empty file", rel)
		}
		for _, ev := range evs {
			if part, _ := by.partitionOf(ev.EventDate); part != filepath.ToSlash(filepath.Dir(rel)) {
				t.Errorf("%s: event %s dated %q belongs in %s", rel, ev.EventID, ev.EventDate, part)
			}
			if _, dup := got[ev.EventID]; dup {
				t.Errorf("%s: event %s exported twice", rel, ev.EventID)
			}
			got[ev.EventID] = ev
		}
	}
	if total != int64(len(got)) {
		t.Errorf("manifest counts %d events, files hold %d", total, len(got))
	}
	want := map[string]twintrack.Event{}
	for ev, err := range db.Events(context.Background(), store.Filter{All: all}) {
		if err != nil {
			t.Fatal(err)
		}
		want[ev.EventID] = ev
	}
	if len(got) != len(want) {
		t.Errorf("data set holds %d events, store has %d current ones", len(got), len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Errorf("event %s (%s %s) missing from the data set", id, w.DocID, w.EventDate)
			continue
		}
		if gr, wr := parquet.FromEvent(&g), parquet.FromEvent(&w); !reflect.DeepEqual(gr, wr) {
			t.Errorf("event %s:\n got %+v\nwant %+v", id, gr, wr)
		}
	}
	for id, g := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("event %s (%s %s) in the data set is not a current event of the store", id, g.DocID, g.EventDate)
		}
	}
}

// partitionsOf returns the sorted partitions (directories) of files.
func partitionsOf(fs map[string]fileState) []string {
	set := map[string]bool{}
	for rel := range fs {
		set[filepath.ToSlash(filepath.Dir(rel))] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// storePartitions returns the sorted partitions of the store's current
// events.
func storePartitions(t *testing.T, db *store.DB, by By, all bool) []string {
	t.Helper()
	set := map[string]bool{}
	for ev, err := range db.Events(context.Background(), store.Filter{All: all}) {
		if err != nil {
			t.Fatal(err)
		}
		p, _ := by.partitionOf(ev.EventDate)
		set[p] = true
	}
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
