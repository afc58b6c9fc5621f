package input

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/twintrack/twintrack"
)

// petrarchSource reads PETRARCH XML record files:
//
//	<Sentences>
//	<Sentence date="20080804" id="AFP0808020625_4" source="AFP" sentence="True">
//	<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
//	<Text> the sentence </Text>
//	<Parse> (ROOT (S (NP (NNP Arnor)) ...)) </Parse>
//	</Sentence>
//	...
//	</Sentences>
//
// Each <Sentence> element becomes a document: id, date (YYYYMMDD) and
// source from its attributes, text from <Text> (trimmed), or, when <Text>
// is missing or blank, the leaf words of the <Parse> tree. Comments and
// everything outside <Sentence> elements are ignored.
//
// The file is not parsed as one XML tree: it is cut into <Sentence>
// elements by a small scanner, and each element is decoded on its own, so
// that a malformed record is reported (at its line) and skipped while the
// records after it are still read, and memory stays bounded by the largest
// record.
type petrarchSource struct {
	br       *bufio.Reader
	max      int
	line     int // current line, 1-based
	in       bool
	start    int // line where the open element starts
	buf      []byte
	overflow bool
	eof      bool
}

func newPetrarch(br *bufio.Reader, max int) *petrarchSource {
	return &petrarchSource{br: br, max: max, line: 1}
}

var (
	sentenceOpen  = []byte("Sentence")
	sentenceClose = []byte("</Sentence>")
)

func (s *petrarchSource) next() (twintrack.Document, int, error) {
	for {
		if s.eof {
			return twintrack.Document{}, s.line, io.EOF
		}
		c, err := s.br.ReadByte()
		if err != nil {
			s.eof = true
			if s.in {
				s.in = false
				return twintrack.Document{}, s.start, &Error{Line: s.start, Msg: "<Sentence> not closed before the end of the file"}
			}
			if !errors.Is(err, io.EOF) {
				return twintrack.Document{}, s.line, &Error{Line: s.line, Msg: "read: " + err.Error(), Err: err}
			}
			continue
		}
		if s.in {
			s.add(c)
		}
		switch c {
		case '\n':
			s.line++
		case '>':
			if s.in && bytes.HasSuffix(s.buf, sentenceClose) {
				s.in = false
				if s.overflow {
					return twintrack.Document{}, s.start, &Error{Line: s.start, Msg: fmt.Sprintf("record longer than %d bytes", s.max)}
				}
				doc, err := decodeSentence(s.buf, s.start)
				return doc, s.start, err
			}
		case '<':
			p, _ := s.br.Peek(len(sentenceOpen) + 1)
			if bytes.HasPrefix(p, []byte("!--")) {
				if err := s.skipComment(); err != nil {
					return twintrack.Document{}, s.line, err
				}
				continue
			}
			if len(p) == len(sentenceOpen)+1 && bytes.HasPrefix(p, sentenceOpen) && isNameEnd(p[len(p)-1]) {
				var err error
				if s.in {
					err = &Error{Line: s.start, Msg: "<Sentence> not closed before the next one"}
				}
				s.in, s.start, s.overflow = true, s.line, false
				s.buf = append(s.buf[:0], '<')
				if err != nil {
					return twintrack.Document{}, s.start, err
				}
			}
		}
	}
}

// add appends c to the open element. Past max bytes the element is marked
// too long and only its last bytes are kept, enough to see its end tag.
func (s *petrarchSource) add(c byte) {
	if keep := len(sentenceClose) - 1; len(s.buf) >= s.max && len(s.buf) > keep {
		s.overflow = true
		s.buf = append(s.buf[:0], s.buf[len(s.buf)-keep:]...)
	}
	s.buf = append(s.buf, c)
}

func isNameEnd(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/'
}

// skipComment consumes "!--" ... "-->", counting lines. Inside a
// <Sentence> element the comment is kept in the element's bytes (the XML
// decoder skips it) but is not searched for element boundaries.
func (s *petrarchSource) skipComment() error {
	start := s.line
	dashes := 0
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			s.eof = true
			if s.in {
				s.in = false // the open element is lost with the comment
			}
			return &Error{Line: start, Msg: "comment not closed before the end of the file"}
		}
		if s.in {
			s.add(c)
		}
		switch {
		case c == '\n':
			s.line++
			dashes = 0
		case c == '-':
			dashes++
		case c == '>' && dashes >= 2:
			return nil
		default:
			dashes = 0
		}
	}
}

// decodeSentence decodes one <Sentence> element that starts at line.
func decodeSentence(b []byte, line int) (twintrack.Document, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Entity = xml.HTMLEntity
	var (
		doc         twintrack.Document
		text, parse strings.Builder
		hasText     bool
		path        []string
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			e := &Error{Line: line, Msg: "xml: " + err.Error(), Err: err}
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				e.Line, e.Msg = line+se.Line-1, "xml: "+se.Msg
			}
			return twintrack.Document{}, e
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			if len(path) == 1 {
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "id":
						doc.ID = a.Value
					case "source":
						doc.Source = a.Value
					case "date":
						if strings.TrimSpace(a.Value) == "" {
							continue
						}
						date, err := ParseDate(a.Value)
						if err != nil {
							return twintrack.Document{}, &Error{Line: line, Msg: err.Error()}
						}
						doc.Date = date
					}
				}
			}
		case xml.EndElement:
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		case xml.CharData:
			if len(path) == 2 && path[1] == "Text" {
				text.Write(t)
				hasText = true
			} else if len(path) >= 2 && path[1] == "Parse" {
				parse.Write(t)
			}
		}
	}
	doc.Text = strings.TrimSpace(text.String())
	if !hasText || doc.Text == "" {
		doc.Text = ParseLeaves(parse.String())
	}
	return doc, nil
}

// ParseLeaves returns the words of a Penn Treebank tree such as
// "(S (NP (NNP Arnor)) (VP (VBZ is)) (. .))" joined into text: "Arnor is."
// Bracket tokens (-LRB-, -RSB-, ...) become brackets and “ ” quotes;
// punctuation attaches to the word before it.
func ParseLeaves(tree string) string {
	var (
		out   strings.Builder
		prev  [2]string // the two tokens before the current one
		glued bool      // the last word written was an opening bracket
	)
	for tok := range treeTokens(tree) {
		if tok != "(" && tok != ")" && prev[1] != "(" && prev[1] != ")" && prev[1] != "" && prev[0] == "(" {
			w := leafWord(tok)
			if out.Len() > 0 && !glued && !attachesLeft(w) {
				out.WriteByte(' ')
			}
			out.WriteString(w)
			glued = w == "(" || w == "[" || w == "{"
		}
		prev[0], prev[1] = prev[1], tok
	}
	return out.String()
}

// treeTokens yields "(", ")" and the atoms of a bracketed tree.
func treeTokens(tree string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(tree); {
			switch c := tree[i]; {
			case c == '(' || c == ')':
				if !yield(tree[i : i+1]) {
					return
				}
				i++
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				i++
			default:
				j := i
				for j < len(tree) && !strings.ContainsRune("() \t\n\r", rune(tree[j])) {
					j++
				}
				if !yield(tree[i:j]) {
					return
				}
				i = j
			}
		}
	}
}

func leafWord(w string) string {
	switch w {
	case "-LRB-":
		return "("
	case "-RRB-":
		return ")"
	case "-LSB-":
		return "["
	case "-RSB-":
		return "]"
	case "-LCB-":
		return "{"
	case "-RCB-":
		return "}"
	case "``", "''":
		return `"`
	}
	return w
}

func attachesLeft(w string) bool {
	switch w {
	case ",", ".", ":", ";", "?", "!", ")", "]", "}", "%", "'s", "'S", "n't", "'", "'re", "'ll", "'ve", "'d", "'m":
		return true
	}
	return false
}
