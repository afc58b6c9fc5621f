package input

import (
	"bytes"
)

// Detect names the format of a file from its first bytes (4 KiB are
// plenty), after any gzip layer and byte-order mark are removed:
//   - "jsonl" when the first non-blank character is '{';
//   - "petrarch" when it is '<' and the head holds a <Sentence element or
//     an XML declaration;
//   - "tabari" when the first line that is neither blank nor a '#'
//     comment (TABARI's validation file starts with such banners) is a
//     record header, or when two or more lines after blank lines are;
//   - "text" otherwise.
//
// A record header is six or more digits starting with a plausible date
// (YYMMDD: month 01-12, day 01-31), then a blank or '*', then an id, on a
// line shorter than 120 bytes. Requiring the date keeps news text that
// starts with a number ("150000 people marched") plain text.
func Detect(head []byte) string {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimLeft(head, " \t\r\n\f\v")
	switch {
	case len(t) == 0:
		return "text"
	case t[0] == '{':
		return "jsonl"
	case t[0] == '<':
		if bytes.Contains(t, []byte("<Sentence")) || bytes.HasPrefix(t, []byte("<?xml")) {
			return "petrarch"
		}
	case hasRecordHeader(t):
		return "tabari"
	}
	return "text"
}

// hasRecordHeader reports whether head looks like TABARI records: the
// first line that is neither blank nor a '#' comment is a record header,
// or, after other text, at least two lines that follow a blank line are.
func hasRecordHeader(head []byte) bool {
	first, prevEmpty, headers := true, true, 0
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		if len(line) == 0 {
			prevEmpty = true
			continue
		}
		if first && line[0] != '#' {
			if isHeader(line) {
				return true
			}
			first = false
		}
		if prevEmpty && isHeader(line) {
			headers++
		}
		prevEmpty = false
	}
	return headers >= 2
}

func isHeader(line []byte) bool {
	n := 0
	for n < len(line) && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	if n < 6 || n >= len(line) || len(line) >= 120 {
		return false
	}
	if line[n] != ' ' && line[n] != '\t' && line[n] != '*' || len(bytes.TrimLeft(line[n:], " \t*")) == 0 {
		return false
	}
	num := func(b []byte) int { return int(b[0]-'0')*10 + int(b[1]-'0') }
	ok := func(m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= 31 }
	return ok(num(line[2:4]), num(line[4:6])) || n >= 8 && ok(num(line[4:6]), num(line[6:8]))
}
