package ingest_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/text"
)

// fakeCoder is a tiny stand-in for package coder: in each sentence it
// finds the first verb of its table and the nearest known actor names
// before and after it. It is deterministic, safe for concurrent use, and
// optionally slow (delay per document), which the kill test needs.
type fakeCoder struct {
	delay time.Duration
	hash  string
}

var fakeActors = map[string]string{
	"Japan": "JPN", "Tokyo": "JPNGOV", "Cambodia": "KHM", "Rainsy": "KHMOPP", "Sokha": "KHMOPP",
	"China": "CHN", "Beijing": "CHNGOV", "Vietnam": "VNM", "Thailand": "THA", "France": "FRA",
	"Russia": "RUS", "India": "IND",
}

var fakeVerbs = map[string]string{
	"visited": "042", "visit": "042", "hosted": "043", "criticized": "111", "attacked": "190",
	"praised": "051", "aided": "070", "threatened": "130",
}

type word struct {
	s    string
	span twintrack.Span
}

func words(doc string, sp twintrack.Span) []word {
	var out []word
	start := -1
	for i := sp.Start; i <= sp.End; i++ {
		letter := i < sp.End && (doc[i] >= 'A' && doc[i] <= 'Z' || doc[i] >= 'a' && doc[i] <= 'z')
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			out = append(out, word{doc[start:i], twintrack.Span{Start: start, End: i}})
			start = -1
		}
	}
	return out
}

func (c *fakeCoder) CodeDocument(doc *twintrack.Document) ([]twintrack.Event, error) {
	if c.delay > 0 {
		time.Sleep(c.delay)
	}
	if strings.Contains(doc.Text, "PANIC") {
		panic("the fake coder has a bug")
	}
	if strings.Contains(doc.Text, "UNCODABLE") {
		return nil, errors.New("the fake coder refuses this text")
	}
	var out []twintrack.Event
	for i, sp := range text.Sentences(doc.Text) {
		ws := words(doc.Text, sp)
		for k, w := range ws {
			code, ok := fakeVerbs[w.s]
			if !ok {
				continue
			}
			var src, tgt *word
			for j := k - 1; j >= 0 && src == nil; j-- {
				if _, ok := fakeActors[ws[j].s]; ok {
					src = &ws[j]
				}
			}
			for j := k + 1; j < len(ws) && tgt == nil; j++ {
				if _, ok := fakeActors[ws[j].s]; ok {
					tgt = &ws[j]
				}
			}
			if src == nil || tgt == nil {
				break
			}
			s, t := fakeActors[src.s], fakeActors[tgt.s]
			ev := twintrack.Event{
				DocID: doc.ID, Sentence: i, DocDate: doc.Date, EventDate: doc.Date,
				Source: s, Target: t, SourceCountry: s[:3], TargetCountry: t[:3],
				SourceRoles: roles(s), TargetRoles: roles(t), Code: code,
				SourceText: src.s, TargetText: tgt.s, VerbText: w.s,
				Spans:        twintrack.EventSpans{Sentence: sp, Source: src.span, Target: tgt.span, Verb: w.span},
				SentenceText: doc.Text[sp.Start:sp.End], URL: doc.URL, DocSource: doc.Source, DictHash: c.hash,
			}
			cameo.Annotate(&ev)
			ev.EventID = ev.StableID()
			out = append(out, ev)
			break
		}
	}
	return out, nil
}

func roles(code string) []string {
	r := []string{}
	for i := 3; i+3 <= len(code); i += 3 {
		r = append(r, code[i:i+3])
	}
	return r
}

// sentences the corpus generator draws from; %s are actor names.
var templates = []string{
	"%s visited %s on Monday.",
	"%s hosted %s for talks in the capital.",
	"%s criticized %s over the border dispute.",
	"%s praised %s for its help after the floods.",
	"%s aided %s with rice and medicine.",
	"%s did not visit %s during the crisis.",
	"%s threatened %s with sanctions.",
	"The talks between %s and %s lasted three hours.",
	"Officials said the weather in %s and %s was mild.",
}

var names = []string{"Japan", "Tokyo", "Cambodia", "Rainsy", "Sokha", "China", "Beijing", "Vietnam", "Thailand", "France", "Russia", "India"}

// corpus writes n JSON Lines documents of per sentences each, drawn
// deterministically from seed.
func corpus(n, per int, seed uint64) string {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		var tb strings.Builder
		for j := 0; j < per; j++ {
			if j > 0 {
				tb.WriteByte(' ')
			}
			a, c := names[r.IntN(len(names))], names[r.IntN(len(names))]
			fmt.Fprintf(&tb, templates[r.IntN(len(templates))], a, c)
		}
		d := map[string]string{
			"id": fmt.Sprintf("doc-%06d", i), "date": day.AddDate(0, 0, i%12000).Format("2006-01-02"),
			"url": fmt.Sprintf("https://example.org/%d", i), "source": "Example Wire", "text": tb.String(),
		}
		line, _ := json.Marshal(d)
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.String()
}
