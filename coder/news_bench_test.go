package coder

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"testing"

	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/dictionaries"
)

var gigaShow = flag.Bool("gigashow", false, "print the GigaWord sentences whose events differ between compat and news mode, with the events (for judging precision by reading; never copy them into the repository)")

// builtinDict loads the built-in dictionaries, or the snapshot in
// $TWINTRACK_DICT_DIR.
func builtinDict(t testing.TB) *dict.Dict {
	t.Helper()
	var fsys fs.FS = dictionaries.FS
	if dir := os.Getenv("TWINTRACK_DICT_DIR"); dir != "" {
		fsys = os.DirFS(dir)
	}
	d, err := dict.LoadProject(fsys, dictionaries.Project)
	if err != nil {
		var list *dict.ErrorList
		if errors.As(err, &list) {
			t.Fatalf("built-in dictionaries: %d errors:\n%v", list.Len(), err)
		}
		t.Fatalf("built-in dictionaries: %v", err)
	}
	return d
}

// TestNewsModeGigaword reports coverage (sentences with at least one
// event) and events of the 76 real GigaWord sentences coded with the
// built-in dictionaries in both modes, as documents are coded. There is
// no gold; precision was judged by reading (see the commit messages). News
// mode drops passive events whose doer it cannot find and the speakers of
// final attributions, so it may cover a few sentences fewer, where the
// dropped events were wrong; the test fails if it covers more than three
// fewer.
func TestNewsModeGigaword(t *testing.T) {
	if testing.Short() {
		t.Skip("codes the GigaWord sample twice")
	}
	c := New(builtinDict(t))
	ss := gigaword(t)
	var cov, evs [2]int
	for i, s := range ss {
		var res [2]Result
		for m, mode := range []Mode{Compat, News} {
			res[m] = c.Code(Input{Text: s.text, Date: s.date, Unicode: true, Mode: mode})
			if len(res[m].Events) > 0 {
				cov[m]++
			}
			evs[m] += len(res[m].Events)
		}
		if *gigaShow && fmt.Sprint(res[0].Events) != fmt.Sprint(res[1].Events) {
			fmt.Printf("%d %s\n    compat: %s\n    news:   %s\n", i, s.text, eventList(res[0].Events), eventList(res[1].Events))
		}
	}
	t.Logf("GigaWord sample, built-in dictionaries: compat %d/%d sentences coded, %d events; news %d/%d, %d events",
		cov[0], len(ss), evs[0], cov[1], len(ss), evs[1])
	if cov[1] < cov[0]-3 {
		t.Errorf("news mode coded %d sentences, want at least compat's %d less 3", cov[1], cov[0])
	}
}

func eventList(evs []Event) string {
	out := ""
	for i, e := range evs {
		if i > 0 {
			out += ", "
		}
		out += e.Source + " " + e.Target + " " + e.Code
	}
	return out
}

// BenchmarkNewsGigaword codes the GigaWord sample with the built-in
// dictionaries in news mode, one goroutine per GOMAXPROCS (run with
// -cpu 1,2 to see the scaling). sentences/cpu-s is steadier than
// sentences/s on a shared machine.
func BenchmarkNewsGigaword(b *testing.B) {
	for _, mode := range []Mode{Compat, News} {
		b.Run(mode.String(), func(b *testing.B) {
			c := New(builtinDict(b))
			ss := gigaword(b)
			b.ResetTimer()
			cpu0 := cpuTime()
			b.RunParallel(func(pb *testing.PB) {
				i := 0
				for pb.Next() {
					s := ss[i%len(ss)]
					c.Code(Input{Text: s.text, Date: s.date, Unicode: true, Mode: mode})
					i++
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
			if cpu := cpuTime() - cpu0; cpu > 0 {
				b.ReportMetric(float64(b.N)/cpu.Seconds(), "sentences/cpu-s")
			}
		})
	}
}
