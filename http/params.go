package httpserver

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Pagination limits of the API: a request without limit gets
// DefaultLimit events, and no request gets more than MaxLimit.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// paramError is a bad query parameter; the server answers 400 with it.
type paramError struct {
	name, value, msg string
}

func (e *paramError) Error() string {
	return fmt.Sprintf("parameter %s=%q: %s", e.name, e.value, e.msg)
}

func (e *paramError) Unwrap() error { return ErrInvalid }

// params reads query parameters and remembers the first bad one, so that
// a handler can read all it needs and check once.
type params struct {
	v   url.Values
	err error
}

func (p *params) fail(name, value, msg string) {
	if p.err == nil {
		p.err = &paramError{name, value, msg}
	}
}

// str returns a trimmed parameter, rejecting control characters and
// values longer than 200 bytes.
func (p *params) str(name string) string {
	s := strings.TrimSpace(p.v.Get(name))
	if len(s) > 200 {
		p.fail(name, s[:20]+"...", "longer than 200 bytes")
		return ""
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f {
			p.fail(name, s, "contains a control character")
			return ""
		}
	}
	return s
}

// code returns an actor code, role or country: upper-cased, letters and
// digits only.
func (p *params) code(name string) string {
	s := strings.ToUpper(p.str(name))
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			p.fail(name, s, "want letters and digits only, like JPN or JPNGOV")
			return ""
		}
	}
	return s
}

// cameo returns a CAMEO code or code prefix: one to four digits.
func (p *params) cameo(name string) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	if len(s) > 4 || strings.Trim(s, "0123456789") != "" {
		p.fail(name, s, "want a CAMEO code of 1 to 4 digits, like 04 or 043")
		return ""
	}
	return s
}

// int returns a non-negative integer parameter, def when absent.
func (p *params) int(name string, def, max int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		p.fail(name, s, "want a non-negative integer")
		return def
	}
	if max > 0 && n > max {
		p.fail(name, s, fmt.Sprintf("at most %d", max))
		return def
	}
	return n
}

// quads returns a comma-separated list of QuadClasses ("1,2").
func (p *params) quads(name string) []int {
	s := p.str(name)
	if s == "" {
		return nil
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 4 {
			p.fail(name, s, "want QuadClasses 1 to 4, comma-separated")
			return nil
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// bool returns a boolean parameter ("1", "true", "yes", "on").
func (p *params) bool(name string) bool {
	switch strings.ToLower(p.str(name)) {
	case "":
		return false
	case "1", "true", "yes", "on":
		return true
	case "0", "false", "no", "off":
		return false
	}
	p.fail(name, p.v.Get(name), "want true or false")
	return false
}

// date returns a date bound: the first day of a year, month or day for a
// lower bound, the last for an upper bound.
func (p *params) date(name string, upper bool) string {
	s := p.str(name)
	if s == "" {
		return ""
	}
	d, err := parseDateBound(s, upper)
	if err != nil {
		p.fail(name, s, err.Error())
		return ""
	}
	return d
}

// parseDateBound reads YYYY, YYYY-MM or YYYY-MM-DD and returns the first
// (or, when upper is set, the last) day it covers as YYYY-MM-DD.
func parseDateBound(s string, upper bool) (string, error) {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return "", fmt.Errorf("want a date as YYYY, YYYY-MM or YYYY-MM-DD")
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return "", fmt.Errorf("want a date as YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if upper {
		switch len(s) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return t.Format("2006-01-02"), nil
}

// period returns the "by" parameter: day, week, month or year.
func (p *params) period(name, def string) string {
	s := strings.ToLower(p.str(name))
	switch s {
	case "":
		return def
	case "day", "week", "month", "year":
		return s
	}
	p.fail(name, s, "want day, week, month or year")
	return def
}

// eventQuery reads the event filters shared by the events page and API.
func eventQuery(v url.Values) (Query, error) {
	p := &params{v: v}
	q := Query{
		Actor:       p.code("actor"),
		Source:      p.code("source"),
		Target:      p.code("target"),
		Country:     p.code("country"),
		Role:        p.code("role"),
		SourceRole:  p.code("source_role"),
		TargetRole:  p.code("target_role"),
		Code:        p.cameo("code"),
		QuadClasses: p.quads("quad"),
		From:        p.date("from", false),
		To:          p.date("to", true),
		Text:        p.str("text"),
		All:         p.bool("all"),
		Limit:       p.int("limit", DefaultLimit, MaxLimit),
		Offset:      p.int("offset", 0, 0),
	}
	if q.Limit == 0 {
		q.Limit = DefaultLimit
	}
	if p.err == nil && q.From != "" && q.To != "" && q.From > q.To {
		p.fail("to", v.Get("to"), "before from="+v.Get("from"))
	}
	return q, p.err
}
