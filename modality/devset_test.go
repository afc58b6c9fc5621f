package modality_test

import (
	"testing"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/devset"
	"github.com/twintrack/twintrack/dict"
	"github.com/twintrack/twintrack/dictionaries"
	"github.com/twintrack/twintrack/modality"
)

// TestDevset measures the modality pass on the project's development set:
// the built-in dictionaries code every sentence, then the events are scored
// with and without the pass. The set marks negated, future and hypothetical
// statements as having no counted event, so the pass must raise precision
// (flagging non-events) without lowering recall much (flagging real
// events). The floors are what the pass reached when measured.
func TestDevset(t *testing.T) {
	gold, err := devset.Default()
	if err != nil {
		t.Fatal(err)
	}
	d, err := dict.LoadProject(dictionaries.FS, dictionaries.Project)
	if err != nil {
		// The dictionaries' own tests report this; here it only means the
		// pass cannot be measured.
		t.Skipf("built-in dictionaries do not load: %v", err)
	}
	c := coder.New(d)
	var plain, flagged []twintrack.Event
	for _, s := range gold {
		evs, err := c.CodeDocument(&twintrack.Document{ID: s.ID, Date: s.Date, Text: s.Text})
		if err != nil {
			t.Fatalf("%s: %v", s.ID, err)
		}
		for _, ev := range evs {
			ev.Negated, ev.Modality = false, "" // measure this pass alone
			plain = append(plain, ev)
			modality.Annotate(&ev)
			flagged = append(flagged, ev)
		}
	}
	before, after := devset.Score(gold, plain), devset.Score(gold, flagged)
	t.Logf("without the modality pass:\n%v", before)
	t.Logf("with the modality pass:\n%v", after)
	removedFP := before.Exact.FP - after.Exact.FP
	lostTP := before.Exact.TP - after.Exact.TP
	t.Logf("flagged %d events: %d were false positives, %d were gold events", after.Uncounted, removedFP, lostTP)
	if after.Exact.Precision < before.Exact.Precision || after.Exact.F1 < before.Exact.F1 {
		t.Errorf("exact precision %.3f -> %.3f, F1 %.3f -> %.3f: the pass must not lower them",
			before.Exact.Precision, after.Exact.Precision, before.Exact.F1, after.Exact.F1)
	}
	if removedFP < 2*lostTP {
		t.Errorf("flagged %d false positives and %d gold events: want at least twice as many false positives", removedFP, lostTP)
	}
}
