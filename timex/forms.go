package timex

import "time"

// matchMonthFirst matches "March 12, 2019", "March 12 2019", "Jan. 5",
// "March 12", and, after "in" or "during", "January 1979" and "January".
func (r *resolver) matchMonthFirst(i int) (Date, int, bool) {
	m, n, needDay, ok := r.month(i)
	if !ok {
		return Date{}, 0, false
	}
	j := i + n
	if d, ok := r.num(j, 2); ok {
		k := j + 1
		if r.lower(k) == "," {
			k++
		}
		if y, ok := r.year(k); ok {
			t, ok := validDay(y, m, d)
			return Date{Time: t, Precision: Day}, k - i + 1, ok
		}
		date, ok := r.yearlessDay(i, m, d)
		return date, j - i + 1, ok
	}
	if needDay {
		return Date{}, 0, false
	}
	if p, _ := r.prep(i); p != "in" && p != "during" {
		return Date{}, 0, false
	}
	if y, ok := r.year(j); ok {
		return Date{Time: day(y, m, 1), Precision: Month}, j - i + 1, true
	}
	if r.report.IsZero() {
		return Date{}, 0, false
	}
	if r.futureBefore(i) {
		return Date{Future: true}, n, true
	}
	y := r.report.Year()
	if m > r.report.Month() {
		y--
	}
	return Date{Time: day(y, m, 1), Precision: Month}, n, true
}

// matchDayFirst matches "12 March 2019", "12th March" and "12 March".
func (r *resolver) matchDayFirst(i int) (Date, int, bool) {
	d, ok := r.num(i, 2)
	if !ok {
		return Date{}, 0, false
	}
	m, n, _, ok := r.month(i + 1)
	if !ok {
		return Date{}, 0, false
	}
	k := i + 1 + n
	if r.lower(k) == "," {
		k++
	}
	if y, ok := r.year(k); ok {
		t, ok := validDay(y, m, d)
		return Date{Time: t, Precision: Day}, k - i + 1, ok
	}
	date, ok := r.yearlessDay(i, m, d)
	return date, 1 + n, ok
}

// yearlessDay resolves a day and month without a year: the most recent such
// date on or before the report date, or a future date when a future cue
// precedes the expression at token i.
func (r *resolver) yearlessDay(i int, m time.Month, d int) (Date, bool) {
	if _, ok := validDay(2000, m, d); !ok || r.report.IsZero() { // 2000 was a leap year
		return Date{}, false
	}
	if r.futureBefore(i) {
		return Date{Future: true}, true
	}
	for y := r.report.Year(); y > r.report.Year()-8; y-- {
		if t, ok := validDay(y, m, d); ok && !t.After(r.report) {
			return Date{Time: t, Precision: Day}, true
		}
	}
	return Date{}, false
}

// matchYear matches a bare year after "in" or "during" ("in 1987", "in
// early 1987").
func (r *resolver) matchYear(i int) (Date, int, bool) {
	y, ok := r.year(i)
	if !ok {
		return Date{}, 0, false
	}
	if p, _ := r.prep(i); p != "in" && p != "during" {
		return Date{}, 0, false
	}
	return Date{Time: day(y, 1, 1), Precision: Year}, 1, true
}

// units maps the time units of "two days ago" to their precision.
var units = map[string]Precision{
	"day": Day, "days": Day, "week": Week, "weeks": Week,
	"month": Month, "months": Month, "year": Year, "years": Year,
}

// matchAgo matches "two days ago", "a week ago", "3 years ago", and the
// future "in two weeks".
func (r *resolver) matchAgo(i int) (Date, int, bool) {
	if r.report.IsZero() {
		return Date{}, 0, false
	}
	count, ok := numberWords[r.lower(i)]
	if !ok {
		if count, ok = r.num(i, 3); !ok {
			return Date{}, 0, false
		}
	}
	unit, ok := units[r.lower(i+1)]
	if !ok {
		return Date{}, 0, false
	}
	if r.lower(i+2) != "ago" {
		if p, _ := r.prep(i); p == "in" && r.lower(i+2) != "of" {
			return Date{Future: true}, 2, true
		}
		return Date{}, 0, false
	}
	return Date{Time: r.back(unit, count), Precision: unit}, 3, true
}

// back returns the start of the period of the given precision that lies n
// such periods before the report date.
func (r *resolver) back(p Precision, n int) time.Time {
	t := r.report
	switch p {
	case Day:
		return t.AddDate(0, 0, -n)
	case Week:
		return weekStart(t.AddDate(0, 0, -7*n))
	case Month:
		return day(t.Year(), t.Month(), 1).AddDate(0, -n, 0)
	}
	return day(t.Year()-n, 1, 1)
}

// matchRelative matches "yesterday", "today", "tonight", "tomorrow", "last
// night", "last week/month/year", "last Monday", "this week/month/year",
// "this morning", "earlier this week/month/year", "earlier today", "later
// this ...", and "next week/month/year/Monday".
func (r *resolver) matchRelative(i int) (Date, int, bool) {
	if r.report.IsZero() {
		return Date{}, 0, false
	}
	now := Date{Time: r.report, Precision: Day}
	switch r.lower(i) {
	case "yesterday":
		return Date{Time: r.back(Day, 1), Precision: Day}, 1, true
	case "today", "tonight":
		return now, 1, true
	case "tomorrow":
		return Date{Future: true}, 1, true
	case "last":
		next := r.lower(i + 1)
		if next == "night" {
			return Date{Time: r.back(Day, 1), Precision: Day}, 2, true
		}
		if p, ok := units[next]; ok && next != "day" && next[len(next)-1] != 's' {
			return Date{Time: r.back(p, 1), Precision: p}, 2, true
		}
		if wd, ok := r.weekday(i + 1); ok {
			diff := (int(r.report.Weekday()) - int(wd) + 7) % 7
			if diff == 0 {
				diff = 7
			}
			return Date{Time: r.back(Day, diff), Precision: Day}, 2, true
		}
	case "this":
		switch r.lower(i + 1) {
		case "morning", "afternoon", "evening":
			return now, 2, true
		}
		if d, ok := r.current(i + 1); ok {
			return d, 2, true
		}
	case "earlier":
		if r.lower(i+1) == "today" {
			return now, 2, true
		}
		if r.lower(i+1) == "this" {
			if d, ok := r.current(i + 2); ok {
				return d, 3, true
			}
		}
	case "later":
		if r.lower(i+1) == "today" {
			return now, 2, true
		}
		if _, ok := r.current(i + 2); ok && r.lower(i+1) == "this" {
			return Date{Future: true}, 3, true
		}
	case "next":
		if _, ok := r.current(i + 1); ok {
			return Date{Future: true}, 2, true
		}
		if _, ok := r.weekday(i + 1); ok {
			return Date{Future: true}, 2, true
		}
	}
	return Date{}, 0, false
}

// current resolves "week", "month" or "year" at token i to the period that
// contains the report date.
func (r *resolver) current(i int) (Date, bool) {
	t := r.report
	switch r.lower(i) {
	case "week":
		return Date{Time: weekStart(t), Precision: Week}, true
	case "month":
		return Date{Time: day(t.Year(), t.Month(), 1), Precision: Month}, true
	case "year":
		return Date{Time: day(t.Year(), 1, 1), Precision: Year}, true
	}
	return Date{}, false
}

// weekday returns the day named by token i when it is a capitalised
// weekday name.
func (r *resolver) weekday(i int) (time.Weekday, bool) {
	if i < 0 || i >= len(r.toks) || r.toks[i].kind != tokWord {
		return 0, false
	}
	wd, ok := weekdays[r.toks[i].lower]
	return wd, ok && r.toks[i].text[0] >= 'A' && r.toks[i].text[0] <= 'Z'
}

// matchWeekday matches "Monday", "on Monday" and "Monday night": the most
// recent such day on or before the report date. A story dated Monday that
// says "on Monday" means that day (wire style); "last Monday" (matched by
// matchRelative) is strictly before it.
func (r *resolver) matchWeekday(i int) (Date, int, bool) {
	wd, ok := r.weekday(i)
	if !ok || r.report.IsZero() {
		return Date{}, 0, false
	}
	n := 1
	switch r.lower(i + 1) {
	case "night", "morning", "afternoon", "evening":
		n = 2
	}
	if r.futureBefore(i) {
		return Date{Future: true}, n, true
	}
	diff := (int(r.report.Weekday()) - int(wd) + 7) % 7
	return Date{Time: r.back(Day, diff), Precision: Day}, n, true
}
