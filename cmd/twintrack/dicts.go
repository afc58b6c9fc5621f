package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/twintrack/twintrack/coder"
	"github.com/twintrack/twintrack/dict"
)

// codingSet is a loaded dictionary set and the coder over it, shared by
// code, ingest and serve so that the same input and dictionaries give the
// same events (and event ids) whichever command codes them.
type codingSet struct {
	dict  *dict.Dict
	coder *coder.Coder
	desc  string // "built-in" or the --dict paths, for the store's coding runs
}

// loadCodingSet loads the dictionaries named by --dict (the built-in ones
// when there are none) and reports their problems on stderr as warnings:
// what did load is still used. The built-in dictionaries code documents in
// news mode; any other set codes them as TABARI does (see coder/news.go).
func loadCodingSet(dicts []string, stderr io.Writer) (*codingSet, error) {
	d, err := dict.Open(dicts...)
	if d == nil {
		return nil, err
	}
	if err != nil {
		reportDictErrors(stderr, err)
	}
	c := coder.New(d)
	desc := "built-in"
	if len(dicts) > 0 {
		c.DocumentMode = coder.Compat
		desc = strings.Join(dicts, ", ")
	}
	return &codingSet{dict: d, coder: c, desc: desc}, nil
}

// reportDictErrors prints dictionary errors as warnings: the dictionaries
// that did load are still used.
func reportDictErrors(w io.Writer, err error) {
	var el *dict.ErrorList
	if errors.As(err, &el) {
		for i, e := range el.Errs {
			if i == 10 {
				fmt.Fprintf(w, "twintrack: ... %d more dictionary errors\n", el.Len()-10)
				break
			}
			fmt.Fprintln(w, "twintrack: warning:", e)
		}
		return
	}
	fmt.Fprintln(w, "twintrack: warning:", err)
}
