package devset_test

import (
	"fmt"
	"strings"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/devset"
)

// ExampleScore scores two coded events against a one-sentence gold set: the
// visit is right, the reverse event has the wrong code but the right root.
func ExampleScore() {
	gold, err := devset.Read(strings.NewReader(
		`{"id":"s1","date":"1999-01-13","text":"Obuchi visited Phnom Penh.","events":[{"source":"JPNGOV","target":"KHM","code":"042"},{"source":"KHM","target":"JPNGOV","code":"043"}]}`),
		"example.jsonl")
	if err != nil {
		fmt.Println(err)
		return
	}
	got := []twintrack.Event{
		{DocID: "s1", Source: "JPNGOV", Target: "KHM", Code: "042"},
		{DocID: "s1", Source: "KHM", Target: "JPNGOV", Code: "040"},
	}
	r := devset.Score(gold, got)
	fmt.Println("exact", r.Exact)
	fmt.Println("root ", r.Root)
	// Output:
	// exact P=0.500 R=0.500 F1=0.500 (tp/fp/fn 1/1/1)
	// root  P=1.000 R=1.000 F1=1.000 (tp/fp/fn 2/0/0)
}
