package input

import (
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the forms ParseDate accepts besides those starting with
// an ISO date, tried in order.
var dateLayouts = []string{
	"20060102",
	"2006/01/02", "2006/1/2", "2006.01.02",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 January 2006", "2 Jan 2006", "02 Jan 2006", "January 2, 2006", "Jan 2, 2006",
	"January 2 2006", "Jan 2 2006", "Monday, January 2, 2006", "Mon, Jan 2, 2006",
	"2006-1-2",
}

// ParseDate normalises a date written in a common form to YYYY-MM-DD:
// ISO dates with or without a time ("2013-07-28", "2013-07-28T10:00:00Z",
// "2013-07-28 10:00"), compact "20130728", "2013/07/28", e-mail and HTTP
// dates ("Sun, 28 Jul 2013 10:00:00 +0000"), and written dates such as
// "28 July 2013", "July 28, 2013" or "Jul. 28, 2013". A date with a time
// zone keeps the calendar day it names in that zone. Ambiguous numeric
// forms (07/08/2013) and partial dates are rejected.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' && (len(s) == 10 || s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t.Format("2006-01-02"), nil
		}
		return "", fmt.Errorf("invalid date %q", s)
	}
	norm := strings.Join(strings.Fields(strings.ReplaceAll(s, ".", " ")), " ")
	norm = strings.ReplaceAll(norm, " ,", ",")
	for _, l := range dateLayouts {
		for _, c := range []string{s, norm} {
			if t, err := time.Parse(l, c); err == nil && t.Year() >= 1000 {
				return t.Format("2006-01-02"), nil
			}
		}
	}
	return "", fmt.Errorf("unrecognised date %q (want YYYY-MM-DD or another common form)", s)
}
