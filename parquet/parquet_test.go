package parquet

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/output"
)

func sampleEvents() []twintrack.Event {
	return []twintrack.Event{
		{
			EventID: "e1", DocID: "d1", Sentence: 2, DocDate: "2013-07-28", EventDate: "2013-07-27", DatePrecision: "day",
			Source: "JPNGOV", Target: "KHMOPP", SourceCountry: "JPN", TargetCountry: "KHM",
			SourceRoles: []string{"GOV", "FRM"}, TargetRoles: []string{"OPP"},
			Code: "043", Root: "04", QuadClass: 1, Goldstein: 2.8, Plover: "CONSULT", Issues: []string{"DEMOCRACY"},
			SourceText: "Japan", TargetText: "Cambodia’s opposition", VerbText: "hosted",
			Spans: twintrack.EventSpans{
				Sentence: twintrack.Span{Start: 10, End: 70}, Source: twintrack.Span{Start: 10, End: 15},
				Target: twintrack.Span{Start: 23, End: 47}, Verb: twintrack.Span{Start: 16, End: 22},
			},
			SentenceText: "Japan hosted Cambodia’s opposition in Tōkyō.", URL: "https://example.org/1",
			DocSource: "Example", DictHash: "abc",
		},
		{
			EventID: "e2", DocID: "d2", DocDate: "2014-01-02", EventDate: "2014-01-02", Source: "KHMGOV", Target: "KHMOPP",
			SourceCountry: "KHM", TargetCountry: "KHM", Code: "190", Root: "19", QuadClass: 4, Goldstein: -10,
			Plover: "ASSAULT", Negated: true, Modality: "hypothetical",
			Spans: twintrack.EventSpans{Sentence: twintrack.Span{Start: 0, End: 120000}},
		},
		{EventID: "e3", DocID: "d3", Code: "0431", Root: "04", QuadClass: 1, Goldstein: 2.8},
	}
}

func writeFile(t *testing.T, evs []twintrack.Event) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := output.NewWith(f, "parquet", output.Formats{"parquet": NewWriter})
	if err != nil {
		t.Fatal(err)
	}
	for i := range evs {
		if err := w.Write(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestRoundTrip(t *testing.T) {
	evs := sampleEvents()
	got, err := ReadFile(writeFile(t, evs))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, evs) {
		t.Errorf("read back\n got %+v\nwant %+v", got, evs)
	}
}

// TestFooterIndependently checks the file with the test's own decoder of
// the Parquet footer: schema names, physical and logical types, row count,
// compression, and the values through the column statistics.
func TestFooterIndependently(t *testing.T) {
	evs := sampleEvents()
	raw, err := os.ReadFile(writeFile(t, evs))
	if err != nil {
		t.Fatal(err)
	}
	md, err := readFooter(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got := md.int(3); got != int64(len(evs)) {
		t.Errorf("num_rows got %d, want %d", got, len(evs))
	}
	if got := md.str(6); !strings.HasPrefix(got, "twintrack") {
		t.Errorf("created_by got %q, want twintrack...", got)
	}
	kv := map[string]string{}
	for _, p := range md.list(5) {
		kv[p.str(1)] = p.str(2)
	}
	if kv["twintrack.schema"] != "event/1" {
		t.Errorf("key-value metadata got %v, want twintrack.schema=event/1", kv)
	}

	// Schema: a flattened tree; every element after the root is a field.
	const (
		tBoolean, tInt32, tInt64, tDouble, tByteArray = 0, 1, 2, 5, 6
		required, repeated                            = 0, 2
		convUTF8, convList                            = 0, 3
	)
	schema := md.list(2)
	byName := map[string]tstruct{}
	for _, el := range schema[1:] {
		byName[el.str(4)] = el
	}
	leaf := func(name string, typ int64) {
		t.Helper()
		el, ok := byName[name]
		if !ok {
			t.Errorf("column %s missing", name)
			return
		}
		if !el.has(1) || el.int(1) != typ {
			t.Errorf("column %s: physical type got %v, want %d", name, el[1], typ)
		}
		if typ == tByteArray && !(el.has(6) && el.int(6) == convUTF8 || el.sub(10).has(1)) {
			t.Errorf("column %s: byte array without the UTF8/STRING annotation", name)
		}
	}
	for _, n := range []string{"event_id", "doc_id", "doc_date", "event_date", "code", "root", "plover", "source", "target", "sentence_text"} {
		leaf(n, tByteArray)
		if byName[n].int(3) != required {
			t.Errorf("column %s: repetition got %d, want required", n, byName[n].int(3))
		}
	}
	for _, n := range []string{"sentence", "quad_class"} {
		leaf(n, tInt32)
	}
	for _, n := range []string{"sentence_start", "sentence_end", "source_start", "source_end", "target_start", "target_end", "verb_start", "verb_end"} {
		leaf(n, tInt64)
	}
	leaf("goldstein", tDouble)
	leaf("negated", tBoolean)
	for _, n := range []string{"source_roles", "target_roles", "issues"} {
		el := byName[n]
		if el.int(5) != 1 || !(el.has(6) && el.int(6) == convList || el.sub(10).has(3)) {
			t.Errorf("column %s: got %v, want a LIST group of one child", n, el)
		}
	}
	if el := byName["element"]; el.int(1) != tByteArray || byName["list"].int(3) != repeated {
		t.Errorf("list element got %v under %v, want repeated list of byte arrays", el, byName["list"])
	}

	// Column chunks: codec and statistics (min and max values).
	groups := md.list(4)
	if len(groups) != 1 || groups[0].int(3) != int64(len(evs)) {
		t.Fatalf("got %d row groups, want 1 with %d rows", len(groups), len(evs))
	}
	stats := map[string]tstruct{}
	for _, cc := range groups[0].list(1) {
		meta := cc.sub(3)
		var path []string
		for _, p := range meta[3].([]any) {
			path = append(path, string(p.([]byte)))
		}
		name := strings.Join(path, ".")
		if meta.int(4) != 6 {
			t.Errorf("column %s: codec got %d, want 6 (ZSTD)", name, meta.int(4))
		}
		stats[name] = meta.sub(12)
	}
	if len(stats) != 35 {
		t.Errorf("got %d column chunks, want 35", len(stats))
	}
	minMax := func(col string) (min, max []byte) {
		s := stats[col]
		min, max = s.bytes(6), s.bytes(5)
		if min == nil && max == nil {
			min, max = s.bytes(2), s.bytes(1)
		}
		return min, max
	}
	f64 := func(b []byte) float64 {
		if len(b) != 8 {
			return math.NaN()
		}
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	i32 := func(b []byte) int64 {
		if len(b) != 4 {
			return -1
		}
		return int64(int32(binary.LittleEndian.Uint32(b)))
	}
	i64 := func(b []byte) int64 {
		if len(b) != 8 {
			return -1
		}
		return int64(binary.LittleEndian.Uint64(b))
	}
	if lo, hi := minMax("goldstein"); f64(lo) != -10 || f64(hi) != 2.8 {
		t.Errorf("goldstein min/max got %v/%v, want -10/2.8", f64(lo), f64(hi))
	}
	if lo, hi := minMax("quad_class"); i32(lo) != 1 || i32(hi) != 4 {
		t.Errorf("quad_class min/max got %d/%d, want 1/4", i32(lo), i32(hi))
	}
	if _, hi := minMax("sentence_end"); i64(hi) != 120000 {
		t.Errorf("sentence_end max got %d, want 120000", i64(hi))
	}
	if lo, hi := minMax("code"); string(lo) != "043" || string(hi) != "190" {
		t.Errorf("code min/max got %q/%q, want \"043\"/\"190\" (strings, leading zero kept)", lo, hi)
	}
	if lo, hi := minMax("source_roles.list.element"); string(lo) != "FRM" || string(hi) != "GOV" {
		t.Errorf("source_roles element min/max got %q/%q, want FRM/GOV", lo, hi)
	}
	if s := stats["source_roles.list.element"]; !s.has(3) || s.int(3) != 2 {
		t.Errorf("source_roles element null count got %v, want 2 (two events without roles)", s[3])
	}
}

func TestInvalidUTF8IsReplaced(t *testing.T) {
	roles := []string{"GOV", "X\xff"}
	ev := twintrack.Event{EventID: "e", Code: "010", SourceText: "Tok\xffyo", SourceRoles: roles}
	got, err := ReadFile(writeFile(t, []twintrack.Event{ev}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].SourceText != "Tok\uFFFDyo" || got[0].SourceRoles[1] != "X\uFFFD" {
		t.Errorf("got %+v, want invalid bytes replaced by U+FFFD", got)
	}
	if roles[1] != "X\xff" {
		t.Errorf("the caller's roles were changed to %q", roles)
	}
}

func TestEmptyFile(t *testing.T) {
	path := writeFile(t, nil)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	md, err := readFooter(raw)
	if err != nil {
		t.Fatal(err)
	}
	if md.int(3) != 0 || len(md.list(2)) < 30 {
		t.Errorf("empty file: got %d rows and %d schema elements, want 0 rows and the full schema", md.int(3), len(md.list(2)))
	}
	evs, err := ReadFile(path)
	if err != nil || len(evs) != 0 {
		t.Errorf("ReadFile(empty) got %d events, %v", len(evs), err)
	}
}

func TestManyRowGroups(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 150,000 events")
	}
	var buf bytes.Buffer
	w := New(&buf)
	ev := sampleEvents()[0]
	const n = 2*rowGroup + 1000
	for i := 0; i < n; i++ {
		ev.Sentence = i
		if err := w.Write(&ev); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	md, err := readFooter(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	groups := md.list(4)
	var rows int64
	for _, g := range groups {
		rows += g.int(3)
		if g.int(3) > rowGroup {
			t.Errorf("row group of %d rows, want at most %d", g.int(3), rowGroup)
		}
	}
	if md.int(3) != n || rows != n || len(groups) < 3 {
		t.Errorf("got %d rows in %d groups (sum %d), want %d in 3+", md.int(3), len(groups), rows, n)
	}
}

func FuzzReadFooter(f *testing.F) {
	f.Add([]byte("PAR1\x00\x00\x00\x00PAR1"))
	f.Add([]byte("PAR1\x15\x02\x19\x2c\x00\x05\x00\x00\x00PAR1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		readFooter(b) // must not panic or loop
	})
}

func BenchmarkWrite(b *testing.B) {
	ev := sampleEvents()[0]
	for b.Loop() {
		w := New(&bytes.Buffer{})
		for i := 0; i < 10000; i++ {
			if err := w.Write(&ev); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
