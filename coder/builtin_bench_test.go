package coder

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/twintrack/twintrack/dict"
)

// The benchmarks of this file code the GigaWord sample one sentence after
// another, like BenchmarkCodeGigaword (the TABARI set, in bench_test.go),
// with the built-in dictionaries and with the full Phoenix set, so that
// the three can be compared (issue 4: "speed with the built-in set: at
// least the figure the engine reaches with the TABARI set"). Run
//
//	go test ./coder -run '^$' -bench 'CodeGigaword(Builtin|Phoenix)?$' -cpu 1 -count 6
//
// and compare with benchstat. Compat is the mode and input of the TABARI
// benchmark (same work per sentence but for the dictionaries); News is
// the mode documents are coded in with the built-in set.
//
// Measured 2026-11-29 on the shared 2-core machine (load average 7, so
// wall-clock figures scatter 3x): CPU time per sentence, from
// perf stat -e task-clock on the test binary with -test.benchtime
// 152000x less 2x, median of 6 runs: TABARI set 17.5 µs, built-in compat
// 10.5 µs (0.60 of TABARI), built-in news 12.5 µs (0.71), Phoenix compat
// 24.4 µs (1.39), Phoenix news 23.6 µs (1.35).

// phoenixDict loads the full Phoenix set of ../shared/data/petrarch, each
// file its own layer as with repeated --dict flags. Its few malformed
// lines are reported and skipped.
func phoenixDict(t testing.TB) *dict.Dict {
	t.Helper()
	dir := filepath.Join(sharedData(t), "petrarch")
	var paths []string
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
		"Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt", "Phoenix.discards.txt",
		"Phoenix.IssueCoding.txt", "CAMEO.verbpatterns.150430.txt"} {
		paths = append(paths, filepath.Join(dir, f))
	}
	d, err := dict.Load(paths...)
	if d == nil {
		t.Fatalf("Phoenix set: %v", err)
	}
	var list *dict.ErrorList
	if err != nil && !errors.As(err, &list) {
		t.Fatalf("Phoenix set: %v", err)
	}
	return d
}

// benchSequential codes the sample in order, one sentence per iteration,
// and reports sentences per wall second and per CPU second.
func benchSequential(b *testing.B, d *dict.Dict, mode Mode, unicode bool) {
	c := New(d)
	ss := gigaword(b)
	b.ResetTimer()
	cpu0 := cpuTime()
	n := 0
	for b.Loop() {
		s := ss[n%len(ss)]
		c.Code(Input{Text: s.text, Date: s.date, Mode: mode, Unicode: unicode})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(n)/cpu.Seconds(), "sentences/cpu-s")
	}
}

// BenchmarkCodeGigawordBuiltin codes the sample with the built-in
// dictionaries: compat as the TABARI benchmark codes, news as documents
// are coded.
func BenchmarkCodeGigawordBuiltin(b *testing.B) {
	d := builtinDict(b)
	b.Run("compat", func(b *testing.B) { benchSequential(b, d, Compat, false) })
	b.Run("news", func(b *testing.B) { benchSequential(b, d, News, true) })
}

// BenchmarkCodeGigawordPhoenix codes the sample with the full Phoenix set.
func BenchmarkCodeGigawordPhoenix(b *testing.B) {
	d := phoenixDict(b)
	b.Run("compat", func(b *testing.B) { benchSequential(b, d, Compat, false) })
	b.Run("news", func(b *testing.B) { benchSequential(b, d, News, true) })
}
