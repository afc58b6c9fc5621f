package dict_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/input"
)

// petrarchData returns ../shared/data/petrarch, or skips the test when
// ../shared is absent.
func petrarchData(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..", "shared")
	if _, err := os.Stat(root); err != nil {
		t.Skip("../shared is absent; it holds the PETRARCH data files")
	}
	return filepath.Join(root, "data", "petrarch")
}

// phoenixSet is the Phoenix dictionary set of the speed target: three
// actor files, agents, discards, issues and the PETRARCH-1 verb patterns.
func phoenixSet(t testing.TB) []string {
	d := petrarchData(t)
	var out []string
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt",
		"Phoenix.IssueCoding.txt", "CAMEO.verbpatterns.150430.txt"} {
		out = append(out, filepath.Join(d, f))
	}
	return out
}

func loadPhoenix(t testing.TB) *dict.Dict {
	// Each file is its own layer, as with repeated --dict flags.
	d, err := dict.Load(phoenixSet(t)...)
	if d == nil {
		t.Fatalf("load: %v", err)
	}
	return d
}

type sample struct {
	date dict.Day
	text string
}

// gigaword reads the 76 sentences of the PETRARCH GigaWord sample with the
// input package's PETRARCH reader.
func gigaword(t testing.TB) []sample {
	r, err := input.Open(filepath.Join(petrarchData(t), "GigaWord.sample.PETR.xml"), input.Options{Format: "petrarch"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	docs, errs := r.All()
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var out []sample
	for _, doc := range docs {
		day, ok := dict.ParseDigits(strings.ReplaceAll(doc.Date, "-", ""))
		if !ok {
			t.Fatalf("%s: bad date %q", doc.ID, doc.Date)
		}
		out = append(out, sample{day, doc.Text})
	}
	if len(out) != 76 {
		t.Fatalf("read %d sentences, want 76", len(out))
	}
	return out
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestPhoenixGigaword codes the sample with the Phoenix set: a sanity
// check that the set codes real news (the speed is in the benchmarks).
func TestPhoenixGigaword(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the Phoenix dictionaries")
	}
	d := loadPhoenix(t)
	c := coder.New(d)
	coded, events, issues, discarded := 0, 0, 0, 0
	for _, s := range gigaword(t) {
		if d.DiscardIn(s.text) != nil {
			discarded++
		}
		res := c.Code(coder.Input{Text: s.text, Date: s.date, Unicode: true})
		if len(res.Events) > 0 {
			coded++
		}
		events += len(res.Events)
		issues += len(d.IssuesIn(s.text))
	}
	t.Logf("%d of 76 sentences coded, %d events, %d issue mentions, %d discarded", coded, events, issues, discarded)
	if coded < 20 {
		t.Errorf("only %d of 76 sentences coded with the Phoenix set, want at least 20", coded)
	}
}

func BenchmarkLoadPhoenix(b *testing.B) {
	paths := phoenixSet(b)
	for b.Loop() {
		if d, _ := dict.Load(paths...); d == nil {
			b.Fatal("load failed")
		}
	}
}

// benchCode codes the sample round-robin (the coder checks the discard
// phrases itself); with full set, issue coding is included too, as in
// Coder.Events for documents.
func benchCode(b *testing.B, full bool) {
	d := loadPhoenix(b)
	c := coder.New(d)
	ss := gigaword(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		s := ss[n%len(ss)]
		n++
		c.Code(coder.Input{Text: s.text, Date: s.date, Unicode: true})
		if full {
			d.IssuesIn(s.text)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "sentences/cpu-s")
	}
}

func BenchmarkCodePhoenix(b *testing.B)     { benchCode(b, false) }
func BenchmarkCodePhoenixFull(b *testing.B) { benchCode(b, true) }
