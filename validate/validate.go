package validate

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Outcome is the judgement of one record.
type Outcome struct {
	Index    int    // 0-based position in the suite
	ID       string // record id
	Pass     bool
	Expected string // the expectation blocks, as written
	Got      string // the coded events, or the problem
	Reason   string // why the record failed
}

// Summary is the result of a run.
type Summary struct {
	Passed, Failed int
	Outcomes       []Outcome
}

// Suite is a validation suite.
type Suite interface {
	// Run codes and judges every record, calling report (if not nil) for
	// each outcome as it is decided.
	Run(report func(Outcome)) (*Summary, error)
}

// Open returns the suite in a file: a TABARI .project file or a PETRARCH
// XML records file.
func Open(path string) (Suite, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".project":
		return OpenTabari(path)
	case ".xml":
		return OpenPetrarch(path)
	}
	return nil, fmt.Errorf("validate %s: unknown suite type (want a TABARI .project or PETRARCH .xml file)", path)
}

// Print writes one line per failing outcome and the closing line
// "N passed, M failed".
func Print(w io.Writer, s *Summary) {
	for _, o := range s.Outcomes {
		if !o.Pass {
			PrintFailure(w, o)
		}
	}
	fmt.Fprintf(w, "%d passed, %d failed\n", s.Passed, s.Failed)
}

// PrintFailure writes a failing outcome on one line.
func PrintFailure(w io.Writer, o Outcome) {
	fmt.Fprintf(w, "FAIL %3d %-16s expected %s; got %s (%s)\n", o.Index, o.ID, o.Expected, o.Got, o.Reason)
}
