package timex

import (
	"time"

	"github.com/twintrack/twintrack"
)

// resolver matches time expressions in a tokenized sentence.
type resolver struct {
	toks   []token
	report time.Time // midnight UTC, or zero when unknown
}

// months maps full month names and their usual abbreviations to months.
// Abbreviations count only before a day number ("Jan. 5"), full names only
// when capitalised (so the verb "march" and the modal "may" are not months).
var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

// numberWords are the counts accepted in "two days ago".
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// blockers are words that, just before an expression (or before its "on",
// "in" or "during"), make it something other than the date of the event: a
// bound of a stretch of time ("since 1979", "until Monday"), a deadline ("by
// Friday"), or a determiner of a noun the date modifies ("the 1993 election",
// "its March 12 statement").
var blockers = map[string]bool{
	"since": true, "until": true, "till": true, "by": true, "before": true, "after": true,
	"from": true, "between": true, "through": true, "to": true, "ahead": true, "prior": true,
	"of": true, "the": true, "a": true, "an": true, "its": true, "his": true, "her": true,
	"their": true, "our": true, "my": true, "your": true, "every": true, "each": true,
	"as": true, "following": true, "than": true,
}

// futureCues are words that, in the few words before a year-less
// expression, make it point forward ("will meet on Monday", "talks
// scheduled for March 30"). Nouns such as "plan" are not cues: "proposed a
// peace plan to Hun Sen on Friday" is about last Friday.
var futureCues = map[string]bool{
	"will": true, "shall": true, "would": true, "scheduled": true, "expected": true,
	"due": true, "upcoming": true, "intends": true, "intend": true,
}

// futureWindow is how many tokens before an expression are searched for a
// future cue.
const futureWindow = 6

func (r *resolver) lower(i int) string {
	if i < 0 || i >= len(r.toks) {
		return ""
	}
	return r.toks[i].lower
}

func (r *resolver) isApostrophe(i int) bool {
	w := r.lower(i)
	return w == "'" || w == "\u2019"
}

// starters are the words that can begin an expression (besides numbers):
// month and weekday names, number words and relative words.
var starters = func() map[string]bool {
	m := map[string]bool{"yesterday": true, "today": true, "tonight": true, "tomorrow": true,
		"last": true, "this": true, "earlier": true, "later": true, "next": true}
	for w := range months {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	for w := range numberWords {
		m[w] = true
	}
	return m
}()

// canStart reports whether an expression may begin at token i; it spares
// the matchers most tokens.
func (r *resolver) canStart(i int) bool {
	t := &r.toks[i]
	return t.kind == tokNum || t.kind == tokWord && starters[t.lower]
}

// match tries every expression form at token i. It returns the date, the
// number of tokens consumed and whether something matched.
func (r *resolver) match(i int) (Date, int, bool) {
	if !r.canStart(i) {
		return Date{}, 0, false
	}
	for f := range 7 {
		var d Date
		var n int
		var ok bool
		switch f {
		case 0:
			d, n, ok = r.matchISO(i)
		case 1:
			d, n, ok = r.matchMonthFirst(i)
		case 2:
			d, n, ok = r.matchDayFirst(i)
		case 3:
			d, n, ok = r.matchYear(i)
		case 4:
			d, n, ok = r.matchAgo(i)
		case 5:
			d, n, ok = r.matchRelative(i)
		case 6:
			d, n, ok = r.matchWeekday(i)
		}
		if ok {
			if r.blocked(i, i+n) {
				return Date{}, n, false
			}
			d.Span = twintrack.Span{Start: r.toks[i].s, End: r.toks[i+n-1].e}
			return d, n, true
		}
	}
	return Date{}, 0, false
}

// prep returns the preposition ("on", "in", "during") just before token i,
// looking past "early", "mid", "mid-" and "late", and the index of that
// preposition; "" and i when there is none.
func (r *resolver) prep(i int) (string, int) {
	j := i - 1
	if r.lower(j) == "-" && r.lower(j-1) == "mid" { // "mid-March"
		j -= 2
	} else if w := r.lower(j); w == "early" || w == "mid" || w == "late" {
		j--
	}
	switch w := r.lower(j); w {
	case "on", "in", "during":
		return w, j
	}
	return "", i
}

// blocked reports whether the expression in tokens [i, end) is used as a
// bound, a deadline or a modifier rather than as the event's date.
func (r *resolver) blocked(i, end int) bool {
	_, j := r.prep(i)
	before := j - 1
	if blockers[r.lower(before)] {
		return true
	}
	// A possessive before ("Japan's 1993 ...") or after ("Monday's talks"),
	// or a range after ("in 1993-97", "March 12-14").
	if r.lower(before) == "s" && r.isApostrophe(before-1) {
		return true
	}
	if r.isApostrophe(end) && r.lower(end+1) == "s" {
		return true
	}
	if w := r.lower(end); (w == "-" || w == "\u2013") && end+1 < len(r.toks) && r.toks[end+1].kind == tokNum {
		return true
	}
	return false
}

// futureBefore reports whether a future cue precedes token i closely.
func (r *resolver) futureBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-futureWindow; j-- {
		if futureCues[r.lower(j)] {
			return true
		}
	}
	return false
}

// month returns the month named by token i and the number of tokens it
// takes (an abbreviation may be followed by a period). needDay says whether
// a day number must follow for the name to count.
func (r *resolver) month(i int) (m time.Month, n int, needDay bool, ok bool) {
	if i >= len(r.toks) || r.toks[i].kind != tokWord {
		return 0, 0, false, false
	}
	t := r.toks[i]
	m, ok = months[t.lower]
	if !ok || t.text[0] < 'A' || t.text[0] > 'Z' {
		return 0, 0, false, false
	}
	n = 1
	if len(t.lower) <= 4 && t.lower != "june" && t.lower != "july" && t.lower != "may" {
		needDay = true
		if r.lower(i+1) == "." {
			n = 2
		}
	}
	return m, n, needDay, true
}

// num returns the value of token i when it is a number of at most maxDigits
// digits.
func (r *resolver) num(i, maxDigits int) (int, bool) {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != tokNum || r.toks[i].ndig > maxDigits {
		return 0, false
	}
	return r.toks[i].num, true
}

// year returns the value of token i when it is a plausible four-digit year.
func (r *resolver) year(i int) (int, bool) {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != tokNum || len(r.toks[i].text) != 4 {
		return 0, false
	}
	y := r.toks[i].num
	return y, y >= 1800 && y <= 2199
}

// validDay returns the date y-m-d when it exists.
func validDay(y int, m time.Month, d int) (time.Time, bool) {
	if d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := day(y, m, d)
	return t, t.Month() == m && t.Day() == d
}

// matchISO matches 2019-03-12.
func (r *resolver) matchISO(i int) (Date, int, bool) {
	y, ok := r.year(i)
	if !ok || r.lower(i+1) != "-" || r.lower(i+3) != "-" {
		return Date{}, 0, false
	}
	m, ok1 := r.num(i+2, 2)
	d, ok2 := r.num(i+4, 2)
	if !ok1 || !ok2 || m < 1 || m > 12 || r.toks[i+2].ndig != 2 || r.toks[i+4].ndig != 2 {
		return Date{}, 0, false
	}
	// The five tokens must touch: "2019 - 03 - 12" is not a date.
	for k := i; k < i+4; k++ {
		if r.toks[k].e != r.toks[k+1].s {
			return Date{}, 0, false
		}
	}
	t, ok := validDay(y, time.Month(m), d)
	if !ok {
		return Date{}, 0, false
	}
	return Date{Time: t, Precision: Day}, 5, true
}
