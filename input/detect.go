package input

import (
	"bytes"

	"github.com/twintrack/twintrack/records"
)

// Detect names the format of a file from its first bytes (4 KiB are
// plenty), after any gzip layer is removed:
//   - "jsonl" when the first non-blank character is '{';
//   - "petrarch" when it is '<' and the head holds a <Sentence element or
//     an XML declaration;
//   - "tabari" when the first non-blank line is a record header (six or
//     more digits, then a blank and an id);
//   - "text" otherwise.
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
	case records.LooksLikeRecords(string(t)) || hasRecordHeader(t):
		return "tabari"
	}
	return "text"
}

// hasRecordHeader reports whether a line of head after an empty line (a
// record boundary, as after the comment banners of TABARI files) is a
// record header: six or more digits, a blank or '*', and an id.
func hasRecordHeader(head []byte) bool {
	prevEmpty := true
	for len(head) > 0 {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimRight(line, "\r")
		if prevEmpty && isHeader(line) {
			return true
		}
		prevEmpty = len(line) == 0
	}
	return false
}

func isHeader(line []byte) bool {
	n := 0
	for n < len(line) && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	return n >= 6 && n < len(line) && (line[n] == ' ' || line[n] == '\t' || line[n] == '*') &&
		len(bytes.TrimLeft(line[n:], " \t*")) > 0 && len(line) < 120
}
