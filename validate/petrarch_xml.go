package validate

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The PETRARCH-1 validation file (formats.md 14) is XML:
//
//	<Validation>
//	<Environment>
//	    <Verbfile>PETR.Validate.verbs.txt</Verbfile>   also Actorfile,
//	    <Include>valid DEMO ACTOR ...</Include>         Agentfile, Discardfile
//	    <Config option="stop_on_error" value="True"></Config>
//	</Environment>
//	<Sentences>
//	<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
//	<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
//	<EventCoding noevents="True"></EventCoding>
//	<EventCoding error="storydiscard"></EventCoding>
//	<Text> ... </Text>
//	<Parse> (ROOT ...) </Parse>
//	</Sentence>
//	<Config option="comma_max" value="0"></Config>   changes an option from here on
//	...
//	</Sentences>
//	</Validation>
//
// Attribute spacing varies ("date = ...") and the older copies call
// "sentence" "valid"; both are accepted. readPetrXML reads the whole file
// into a PetrSuite; malformed XML is reported with its line.

// PetrEnv is the <Environment> of a PETRARCH suite.
type PetrEnv struct {
	Verbs, Actors, Agents, Discards []string
	Include                         []string
}

// PetrConfig is a <Config option="..." value="..."> change.
type PetrConfig struct {
	Option, Value string
	Line          int
}

// Triple is an expected or coded event.
type Triple struct{ Source, Target, Code string }

// String formats the triple as SOURCE TARGET CODE.
func (t Triple) String() string { return t.Source + " " + t.Target + " " + t.Code }

// PetrRecord is one <Sentence> with the <Config> changes that precede it.
type PetrRecord struct {
	ID, Category, Date string
	Valid              bool // sentence="true" (or valid="true")
	Line               int
	Expect             []Triple
	NoEvents           bool
	Error              string // expected error: dateline, bad_input_parse, storydiscard, sentencediscard
	Text, Parse        string
	Configs            []PetrConfig
}

// petrFile is the content of a PETRARCH XML validation file.
type petrFile struct {
	Env     PetrEnv
	Configs []PetrConfig // from <Environment>
	Records []*PetrRecord
}

// readPetrXML reads a PETRARCH validation file.
func readPetrXML(r io.Reader, name string) (*petrFile, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	src := blankComments(string(data))
	lineOf := func(off int64) int { return 1 + strings.Count(src[:min(int(off), len(src))], "\n") }
	dec := xml.NewDecoder(strings.NewReader(src))
	dec.Strict = false
	f := &petrFile{}
	var (
		path    []string
		rec     *PetrRecord
		pending []PetrConfig
		text    strings.Builder
	)
	for {
		off := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return f, fmt.Errorf("%s:%d: %v", name, lineOf(dec.InputOffset()), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			text.Reset()
			switch t.Name.Local {
			case "Sentence":
				rec = &PetrRecord{Line: lineOf(off), Configs: pending}
				pending = nil
				for _, a := range t.Attr {
					v := strings.TrimSpace(a.Value)
					switch strings.ToLower(a.Name.Local) {
					case "date":
						rec.Date = v
					case "id":
						rec.ID = v
					case "category":
						rec.Category = v
					case "sentence", "valid":
						rec.Valid = strings.EqualFold(v, "true")
					}
				}
			case "EventCoding":
				if rec == nil {
					return f, fmt.Errorf("%s:%d: <EventCoding> outside <Sentence>", name, lineOf(off))
				}
				var tr Triple
				isEvent := false
				for _, a := range t.Attr {
					v := strings.TrimSpace(a.Value)
					switch strings.ToLower(a.Name.Local) {
					case "sourcecode":
						tr.Source, isEvent = v, true
					case "targetcode":
						tr.Target, isEvent = v, true
					case "eventcode":
						tr.Code, isEvent = v, true
					case "noevents":
						rec.NoEvents = strings.EqualFold(v, "true")
					case "error":
						rec.Error = v
					}
				}
				if isEvent {
					rec.Expect = append(rec.Expect, tr)
				}
			case "Config":
				c := PetrConfig{Line: lineOf(off)}
				for _, a := range t.Attr {
					switch strings.ToLower(a.Name.Local) {
					case "option":
						c.Option = strings.TrimSpace(a.Value)
					case "value":
						c.Value = strings.TrimSpace(a.Value)
					}
				}
				if len(path) >= 2 && path[len(path)-2] == "Environment" {
					f.Configs = append(f.Configs, c)
				} else {
					pending = append(pending, c)
				}
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			v := strings.TrimSpace(text.String())
			switch t.Name.Local {
			case "Verbfile":
				f.Env.Verbs = append(f.Env.Verbs, v)
			case "Actorfile":
				f.Env.Actors = append(f.Env.Actors, v)
			case "Agentfile":
				f.Env.Agents = append(f.Env.Agents, v)
			case "Discardfile":
				f.Env.Discards = append(f.Env.Discards, v)
			case "Include":
				f.Env.Include = strings.Fields(v)
			case "Text":
				if rec != nil {
					rec.Text = v
				}
			case "Parse":
				if rec != nil {
					rec.Parse = v
				}
			case "Sentence":
				if rec != nil {
					f.Records = append(f.Records, rec)
				}
				rec = nil
			}
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
			text.Reset()
		}
	}
	return f, nil
}

// blankComments replaces every "<!-- ... -->" comment by blanks (keeping
// line breaks, so that lines stay right): PETRARCH's files put "--" and
// other things the XML decoder rejects inside comments.
func blankComments(src string) string {
	if !strings.Contains(src, "<!--") {
		return src
	}
	b := []byte(src)
	for i := 0; ; {
		j := strings.Index(src[i:], "<!--")
		if j < 0 {
			break
		}
		start := i + j
		end := len(src)
		if k := strings.Index(src[start+4:], "-->"); k >= 0 {
			end = start + 4 + k + 3
		}
		for p := start; p < end; p++ {
			if b[p] != '\n' {
				b[p] = ' '
			}
		}
		i = end
	}
	return string(b)
}
