package coder

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/twintrack/twintrack/dict"
)

// realDicts are the production TABARI dictionaries the benchmarks use.
func realDicts(t testing.TB) []string {
	d := sharedData(t)
	return []string{
		filepath.Join(d, "tabari", "CAMEO.09b5.options"),
		filepath.Join(d, "tabari", "CAMEO.091003.master.verbs"),
		filepath.Join(d, "tabari-dictionaries", "CountryInfo.120116.actors"),
		filepath.Join(d, "tabari-dictionaries", "Internatnl.120521.actors"),
		filepath.Join(d, "tabari-dictionaries", "PSU.120522.agents"),
	}
}

func loadReal(t testing.TB) *dict.Dict {
	d, err := dict.Load(realDicts(t)...)
	if d == nil {
		t.Fatalf("load: %v", err)
	}
	// The third-party files have a few malformed lines; they are reported
	// and skipped, which is what the benchmark wants.
	return d
}

type sample struct {
	date dict.Day
	text string
}

// gigaword reads the 76 sentences of the PETRARCH GigaWord sample with the
// input package's PETRARCH reader (the <Text>, or the leaf words of the
// <Parse> tree when there is no text).
func gigaword(t testing.TB) []sample {
	return readGigaword(t, filepath.Join(sharedData(t), "petrarch", "GigaWord.sample.PETR.xml"))
}

func TestGigawordCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the full dictionaries")
	}
	c := New(loadReal(t))
	events, coded := 0, 0
	for _, s := range gigaword(t) {
		res := c.Code(Input{Text: s.text, Date: s.date})
		if len(res.Events) > 0 {
			coded++
		}
		events += len(res.Events)
	}
	t.Logf("%d of 76 sentences coded, %d events", coded, events)
	if coded < 20 {
		t.Errorf("only %d of 76 sentences coded with the full dictionaries, want at least 20", coded)
	}
}

func BenchmarkLoadDictionaries(b *testing.B) {
	paths := realDicts(b)
	cpu0 := cpuTime()
	for b.Loop() {
		if d, _ := dict.Load(paths...); d == nil {
			b.Fatal("load failed")
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(cpu.Seconds()*1000/float64(b.N), "cpu-ms/op")
	}
}

// cpuTime returns the process's user+system CPU time. On a shared machine
// sentences per CPU-second is steadier than per wall-second.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func BenchmarkCodeGigaword(b *testing.B) {
	c := New(loadReal(b))
	ss := gigaword(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		s := ss[n%len(ss)]
		c.Code(Input{Text: s.text, Date: s.date})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "sentences/cpu-s")
	}
}

func BenchmarkCodeGigawordParallel(b *testing.B) {
	c := New(loadReal(b))
	ss := gigaword(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			s := ss[i%len(ss)]
			c.Code(Input{Text: s.text, Date: s.date})
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// TestWriteRecords writes the GigaWord sample repeated to 76,000 TABARI
// records into $TWINTRACK_RECORDS_OUT, for measuring the code command's
// peak memory (/usr/bin/time -v twintrack code --dict ... FILE). It does
// nothing unless the variable is set; the file is not part of the
// repository.
func TestWriteRecords(t *testing.T) {
	out := os.Getenv("TWINTRACK_RECORDS_OUT")
	if out == "" {
		t.Skip("set TWINTRACK_RECORDS_OUT=/tmp/file to write the records")
	}
	ss := gigaword(t)
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		for j, s := range ss {
			y, m, d := s.date.Date()
			fmt.Fprintf(&b, "%02d%02d%02d GIGA-%04d-%02d\n%s\n\n", y%100, m, d, i, j, s.text)
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
