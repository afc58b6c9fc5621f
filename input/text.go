package input

import (
	"bufio"
	"fmt"
	"io"

	"github.com/twintrack/twintrack"
)

// textSource reads a whole file as one plain-text document whose id is the
// file's stem. A leading UTF-8 byte-order mark is dropped.
type textSource struct {
	br   *bufio.Reader
	id   string
	max  int
	done bool
}

func newText(br *bufio.Reader, id string, max int) *textSource {
	return &textSource{br: br, id: id, max: max}
}

func (s *textSource) next() (twintrack.Document, int, error) {
	if s.done {
		return twintrack.Document{}, 0, io.EOF
	}
	s.done = true
	b, err := io.ReadAll(io.LimitReader(s.br, int64(s.max)+1))
	if err != nil {
		return twintrack.Document{}, 1, fmt.Errorf("read: %w", err)
	}
	if len(b) > s.max {
		return twintrack.Document{}, 1, fmt.Errorf("document longer than %d bytes", s.max)
	}
	if len(b) >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf {
		b = b[3:]
	}
	return twintrack.Document{ID: s.id, Text: string(b)}, 1, nil
}
