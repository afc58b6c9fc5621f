package corpus

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/twintrack/twintrack"
)

// Sample is the sample corpus in JSON Lines, one twintrack.Document per
// line (id, date, url, source, title, text).
//
//go:embed sample.jsonl
var Sample []byte

// SampleName is the file name of Sample, used in error positions.
const SampleName = "sample.jsonl"

// Documents decodes Sample. An error names the line that could not be
// read; documents before it are returned.
func Documents() ([]twintrack.Document, error) {
	var docs []twintrack.Document
	sc := bufio.NewScanner(bytes.NewReader(Sample))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var d twintrack.Document
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return docs, fmt.Errorf("%s:%d:1: %v", SampleName, line, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return docs, fmt.Errorf("%s:%d:1: %v", SampleName, line+1, err)
	}
	return docs, nil
}
