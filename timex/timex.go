package timex

import (
	"time"

	"github.com/twintrack/twintrack"
)

// Precision says how exactly a Date is known.
type Precision string

// The precisions of a Date, finest first. The values are what the event
// record's date_precision field holds.
const (
	Day   Precision = "day"
	Week  Precision = "week"
	Month Precision = "month"
	Year  Precision = "year"
)

// Date is a time expression of a sentence resolved against the report date.
type Date struct {
	// Time is the start of the period the expression names (midnight UTC),
	// or the report date when Future is set.
	Time time.Time
	// Precision is the length of the period starting at Time.
	Precision Precision
	// Span locates the expression in the sentence (byte offsets).
	Span twintrack.Span
	// Future reports that the expression points after the report date; Time
	// is then the report date.
	Future bool
}

// ISO returns the date as YYYY-MM-DD.
func (d Date) ISO() string { return d.Time.Format("2006-01-02") }

// Resolve finds the time expression that dates the event of sentence and
// resolves it against the report date. It prefers the first expression that
// does not point to the future, then the first that does. It returns false
// when the sentence has no usable expression. A zero report date resolves
// only expressions that carry their own year.
func Resolve(sentence string, report time.Time) (Date, bool) {
	all := All(sentence, report)
	for _, d := range all {
		if !d.Future {
			return d, true
		}
	}
	if len(all) > 0 {
		return all[0], true
	}
	return Date{}, false
}

// All returns every usable time expression of sentence, in order, resolved
// against the report date.
func All(sentence string, report time.Time) []Date {
	if !report.IsZero() {
		report = day(report.Year(), report.Month(), report.Day())
	}
	r := resolver{toks: tokenize(sentence), report: report}
	var out []Date
	for i := 0; i < len(r.toks); {
		d, n, ok := r.match(i)
		if !ok {
			i++
			continue
		}
		if !d.Future && !report.IsZero() && d.Time.After(report) {
			d.Future = true
		}
		if d.Future {
			d.Time, d.Precision = report, Day
		}
		if !d.Time.IsZero() {
			out = append(out, d)
		}
		i += n
	}
	return out
}

// Annotate sets the event's EventDate and DatePrecision from the time
// expression of its sentence that belongs to its verb (see nearest),
// resolved against its DocDate (when DocDate is empty, only expressions that
// carry their own year resolve). It leaves the event alone, and returns
// false, when DocDate is neither empty nor a YYYY-MM-DD date, when the coder already moved
// EventDate away from DocDate (TABARI-style time shifting), or when the
// sentence has no usable expression. A future expression sets the report
// date with day precision.
func Annotate(ev *twintrack.Event) bool {
	var report time.Time // unknown: only expressions with their own year resolve
	if ev.DocDate != "" {
		var err error
		if report, err = time.Parse("2006-01-02", ev.DocDate); err != nil {
			return false
		}
	}
	if ev.EventDate != "" && ev.EventDate != ev.DocDate {
		return false
	}
	all := All(ev.SentenceText, report)
	if len(all) == 0 {
		return false
	}
	best := all[0]
	if verb := ev.Spans.Verb; !verb.IsZero() {
		best = nearest(all, verb.Start-ev.Spans.Sentence.Start)
	}
	ev.EventDate = best.ISO()
	ev.DatePrecision = string(best.Precision)
	return true
}

// nearest picks the expression that most likely dates the verb at byte
// offset verb: English puts a verb's time adverbial after it ("met Hun Sen
// on Monday"), so the nearest expression after the verb wins, else the
// nearest before it ("On Monday, Abe met ...").
func nearest(all []Date, verb int) Date {
	best := all[0]
	for _, d := range all {
		if d.Span.Start >= verb {
			return d
		}
		best = d
	}
	return best
}

// day returns midnight UTC of a date.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// weekStart returns the Monday of t's week.
func weekStart(t time.Time) time.Time {
	off := (int(t.Weekday()) + 6) % 7 // Monday 0 ... Sunday 6
	return t.AddDate(0, 0, -off)
}
