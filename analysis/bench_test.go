package analysis

import (
	"fmt"
	"testing"

	"github.com/twintrack/twintrack"
)

// benchEvents makes n events over 40 years among a few actors.
func benchEvents(n int) []twintrack.Event {
	actors := []string{"JPNGOV", "KHMGOV", "KHMOPP", "KHMOPPPTY", "CHNGOV", "USAGOV", "VNMGOV", "THAGOV"}
	codes := []string{"010", "036", "042", "043", "057", "071", "112", "173", "190"}
	evs := make([]twintrack.Event, n)
	for i := range evs {
		d := date("1985-01-01").AddDate(0, 0, i%14600)
		evs[i] = ev(d.Format("2006-01-02"), actors[i%len(actors)], actors[(i/3+1)%len(actors)], codes[i%len(codes)], 1,
			func(e *twintrack.Event) { e.EventID = fmt.Sprint(i) })
	}
	return evs
}

func BenchmarkDyads(b *testing.B) {
	evs := benchEvents(200_000)
	dyads := []Dyad{{"JPN", "KHM"}, {"CHN", "KHM"}, {"KHMGOV", "KHMOPP"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Dyads(Slice(evs), dyads, Options{By: Month}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(evs))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkTwinTrack(b *testing.B) {
	evs := benchEvents(200_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := TwinTrack(Slice(evs), "JPN", "KHM", TrackOptions{Options: Options{By: Year}, Evidence: 3}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(evs))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkNetwork(b *testing.B) {
	evs := benchEvents(200_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Network(Slice(evs), NetworkOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(evs))*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
