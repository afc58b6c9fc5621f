package coder

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/twintrack/twintrack"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenDoc is our own news-style text exercising agents, synonyms,
// patterns, paired codes, compounds, pronouns, curly quotes and CRLF.
const goldenDoc = "Japan criticized Cambodia on Monday for failing to hold fair elections.\r\n" +
	"The Tokyo foreign minister hosted \u201cSam Rainsy\u201d at the embassy in Phnom Penh.\r\n" +
	"Hun Sen met Japan officials after the vote, and he criticized the opposition.\n\n" +
	"Japan and Cambodia criticized the old regime in a joint statement issued today.\n"

func TestGolden(t *testing.T) {
	c := testCoder(t)
	c.Explain = true
	evs, err := c.CodeDocument(&twintrack.Document{ID: "golden", Date: "2019-06-01", Text: goldenDoc})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range evs {
		if err := enc.Encode(&evs[i]); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join("testdata", "golden.jsonl")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("events differ from %s (run go test -run TestGolden -update after checking the change):\ngot:\n%s\nwant:\n%s", path, buf.Bytes(), want)
	}
}
