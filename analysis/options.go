package analysis

import (
	"strings"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
)

// Options are the settings every analysis shares.
type Options struct {
	// By is the panel period; empty means Month.
	By Period
	// From and To bound the event dates, inclusive (see ParseBound). A
	// zero bound is taken from the data: the first or last counted event.
	From, To time.Time
	// IncludeNegated counts negated events.
	IncludeNegated bool
	// IncludeModal counts future and hypothetical events.
	IncludeModal bool
}

func (o Options) period() Period {
	if o.By == "" {
		return Month
	}
	return o.By
}

// counts reports whether the options count ev at all (its flags).
func (o Options) counts(ev *twintrack.Event) bool {
	return (o.IncludeNegated || !ev.Negated) && (o.IncludeModal || ev.Modality == "")
}

// inRange reports whether t is within the explicit bounds.
func (o Options) inRange(t time.Time) bool {
	return (o.From.IsZero() || !t.Before(o.From)) && (o.To.IsZero() || !t.After(o.To))
}

// EventDate returns the date of ev: its event_date, else its doc_date. It
// returns false when neither is a YYYY-MM-DD date.
func EventDate(ev *twintrack.Event) (time.Time, bool) {
	for _, s := range []string{ev.EventDate, ev.DocDate} {
		if len(s) >= 10 {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// root returns the two-digit CAMEO root of ev, from its Root field or its
// code.
func root(ev *twintrack.Event) string {
	if ev.Root != "" {
		return ev.Root
	}
	return cameo.Root(ev.Code)
}

// quadClass returns the QuadClass of ev, from its field or its root.
func quadClass(ev *twintrack.Event) int {
	if ev.QuadClass >= 1 && ev.QuadClass <= 4 {
		return ev.QuadClass
	}
	return cameo.QuadClass(root(ev))
}

// rootIndex returns root-1 for the roots "01" to "20", or -1.
func rootIndex(r string) int {
	if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
		return -1
	}
	n := int(r[0]-'0')*10 + int(r[1]-'0')
	if n < 1 || n > 20 {
		return -1
	}
	return n - 1
}

// roles returns the role codes of an actor: the given list, or, when it is
// empty, the three-letter chunks after the country part of its code
// ("KHMOPPPTY" gives OPP and PTY).
func roles(given []string, code string) []string {
	if len(given) > 0 || len(code) <= 3 {
		return given
	}
	var out []string
	for i := 3; i+3 <= len(code); i += 3 {
		out = append(out, code[i:i+3])
	}
	return out
}

func hasRole(rs []string, r string) bool {
	for _, x := range rs {
		if strings.EqualFold(x, r) {
			return true
		}
	}
	return false
}
