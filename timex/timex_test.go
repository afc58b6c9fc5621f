package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/twintrack/twintrack"
)

// report is a Thursday.
var report = day(2015, time.March, 12)

func TestResolve(t *testing.T) {
	tests := []struct {
		name     string
		sentence string
		report   time.Time
		want     string // YYYY-MM-DD; "" when nothing resolves
		prec     Precision
		text     string // the expression's text
		future   bool
	}{
		{"on month day", "Hun Sen met Abe on March 9 in Tokyo.", report, "2015-03-09", Day, "March 9", false},
		{"month day after report is last year", "Japan pledged aid on March 30.", report, "2014-03-30", Day, "March 30", false},
		{"month day future cue", "The two leaders will meet on March 30.", report, "2015-03-12", Day, "March 30", true},
		{"month day comma year", "Japan recognised the government on March 12, 2019.", report, "2015-03-12", Day, "March 12, 2019", true},
		{"month day year past", "Japan recognised the government on May 2, 1993.", report, "1993-05-02", Day, "May 2, 1993", false},
		{"month day year no comma", "Talks opened June 14 1998 in Phnom Penh.", report, "1998-06-14", Day, "June 14 1998", false},
		{"day month", "Sam Rainsy visited Tokyo on 12 March.", report, "2015-03-12", Day, "12 March", false},
		{"day month year", "Sam Rainsy visited Tokyo on 3 February 2009.", report, "2009-02-03", Day, "3 February 2009", false},
		{"ordinal day month", "Sam Rainsy visited Tokyo on the 3rd February 2009.", report, "", "", "", false},
		{"ordinal day", "The envoy arrived on March 3rd.", report, "2015-03-03", Day, "March 3rd", false},
		{"abbreviated month", "The envoy arrived on Feb. 3.", report, "2015-02-03", Day, "Feb. 3", false},
		{"abbreviation needs day", "The envoy arrived in Feb.", report, "", "", "", false},
		{"iso date", "The envoy arrived on 2014-11-30.", report, "2014-11-30", Day, "2014-11-30", false},
		{"invalid iso date", "Code 2014-02-30 was used.", report, "", "", "", false},
		{"invalid day", "Talks began on February 30.", report, "", "", "", false},
		{"in month year", "Vietnam invaded Cambodia in January 1979.", report, "1979-01-01", Month, "January 1979", false},
		{"in month", "Japan sent an envoy in January.", report, "2015-01-01", Month, "January", false},
		{"in later month is last year", "Japan sent an envoy in November.", report, "2014-11-01", Month, "November", false},
		{"in early month year", "Japan sent an envoy in early May 1996.", report, "1996-05-01", Month, "May 1996", false},
		{"bare month year is a modifier", "The January 1979 invasion ended the regime.", report, "", "", "", false},
		{"in mid-month year", "Japan sent an envoy in mid-May 1996.", report, "1996-05-01", Month, "May 1996", false},
		{"in mid-year", "Japan sent an envoy in mid-1996.", report, "1996-01-01", Year, "1996", false},
		{"in year", "Japan resumed aid in 1992.", report, "1992-01-01", Year, "1992", false},
		{"during year", "Japan resumed aid during 1992.", report, "1992-01-01", Year, "1992", false},
		{"in late year", "Japan resumed aid in late 1992.", report, "1992-01-01", Year, "1992", false},
		{"year without in", "The 1993 election was held under UN supervision.", report, "", "", "", false},
		{"since year", "Japan has aided Cambodia since 1992.", report, "", "", "", false},
		{"since in", "Aid has flowed since in 1992 talks began.", report, "", "", "", false},
		{"until month", "Japan suspended aid until March 2016.", report, "", "", "", false},
		{"year range", "Japan aided the coalition in 1993-97.", report, "", "", "", false},
		{"future year", "Elections are held in 2018.", report, "2015-03-12", Day, "2018", true},
		{"the year's possessive", "In 1998's election the CPP won.", report, "", "", "", false},
		{"yesterday", "Japan condemned the attack yesterday.", report, "2015-03-11", Day, "yesterday", false},
		{"today", "Japan condemned the attack today.", report, "2015-03-12", Day, "today", false},
		{"last night", "Troops fired on protesters last night.", report, "2015-03-11", Day, "last night", false},
		{"this morning", "Troops fired on protesters this morning.", report, "2015-03-12", Day, "this morning", false},
		{"tomorrow is future", "Abe will visit Phnom Penh tomorrow.", report, "2015-03-12", Day, "tomorrow", true},
		{"last week", "Abe met Hun Sen last week.", report, "2015-03-02", Week, "last week", false},
		{"last month", "Abe met Hun Sen last month.", report, "2015-02-01", Month, "last month", false},
		{"last year", "Abe met Hun Sen last year.", report, "2014-01-01", Year, "last year", false},
		{"since last year", "Aid has been frozen since last year.", report, "", "", "", false},
		{"last year's", "Last year's talks failed.", report, "", "", "", false},
		{"this week", "Abe met Hun Sen this week.", report, "2015-03-09", Week, "this week", false},
		{"earlier this month", "Abe met Hun Sen earlier this month.", report, "2015-03-01", Month, "earlier this month", false},
		{"earlier this year", "Abe met Hun Sen earlier this year.", report, "2015-01-01", Year, "earlier this year", false},
		{"later this month", "Abe will meet Hun Sen later this month.", report, "2015-03-12", Day, "later this month", true},
		{"next week", "Abe will meet Hun Sen next week.", report, "2015-03-12", Day, "next week", true},
		{"next Monday", "Abe meets Hun Sen next Monday.", report, "2015-03-12", Day, "next Monday", true},
		{"two days ago", "Abe met Hun Sen two days ago.", report, "2015-03-10", Day, "two days ago", false},
		{"digits days ago", "Abe met Hun Sen 10 days ago.", report, "2015-03-02", Day, "10 days ago", false},
		{"a week ago", "Abe met Hun Sen a week ago.", report, "2015-03-02", Week, "a week ago", false},
		{"three months ago", "Abe met Hun Sen three months ago.", report, "2014-12-01", Month, "three months ago", false},
		{"two years ago", "Abe met Hun Sen two years ago.", report, "2013-01-01", Year, "two years ago", false},
		{"in two weeks", "Abe meets Hun Sen in two weeks.", report, "2015-03-12", Day, "two weeks", true},
		{"in two years of talks", "Nothing changed in two years of talks.", report, "", "", "", false},
		{"on Monday", "Abe met Hun Sen on Monday.", report, "2015-03-09", Day, "Monday", false},
		{"bare weekday", "Abe said Wednesday that aid would continue.", report, "2015-03-11", Day, "Wednesday", false},
		{"weekday same as report", "Abe met Hun Sen on Thursday.", report, "2015-03-12", Day, "Thursday", false},
		{"last weekday same as report", "Abe met Hun Sen last Thursday.", report, "2015-03-05", Day, "last Thursday", false},
		{"weekday night", "Troops fired on Friday night.", report, "2015-03-06", Day, "Friday night", false},
		{"noun plan is no future cue", "Japan proposed a peace plan to Hun Sen on Friday.", report, "2015-03-06", Day, "Friday", false},
		{"scheduled is a future cue", "Talks are scheduled for Friday.", report, "2015-03-12", Day, "Friday", true},
		{"weekday future", "Abe will meet Hun Sen on Friday.", report, "2015-03-12", Day, "Friday", true},
		{"by weekday is a deadline", "Japan must answer by Friday.", report, "", "", "", false},
		{"weekday possessive", "Monday's talks were cordial.", report, "", "", "", false},
		{"lower-case weekday", "the monday talks.", report, "", "", "", false},
		{"may is a modal", "Japan may send aid.", report, "", "", "", false},
		{"march is a verb", "Protesters will march to the palace.", report, "", "", "", false},
		{"the March 12 statement", "Japan repeated the March 12 statement.", report, "", "", "", false},
		{"prefers past over future", "Japan, which will host talks next week, sent aid on Monday.", report, "2015-03-09", Day, "Monday", false},
		{"no report: full date", "Japan recognised the government on May 2, 1993.", time.Time{}, "1993-05-02", Day, "May 2, 1993", false},
		{"no report: relative", "Abe met Hun Sen yesterday.", time.Time{}, "", "", "", false},
		{"no expression", "Japan urged restraint.", report, "", "", "", false},
		{"curly apostrophe possessive", "Monday\u2019s talks were cordial.", report, "", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, ok := Resolve(tc.sentence, tc.report)
			if tc.want == "" {
				if ok {
					t.Fatalf("Resolve(%q) = %s %s %q, want nothing", tc.sentence, d.ISO(), d.Precision, tc.sentence[d.Span.Start:d.Span.End])
				}
				return
			}
			if !ok {
				t.Fatalf("Resolve(%q) found nothing, want %s", tc.sentence, tc.want)
			}
			got := d.Span.Text(tc.sentence)
			if d.ISO() != tc.want || d.Precision != tc.prec || got != tc.text || d.Future != tc.future {
				t.Errorf("Resolve(%q) = %s %s %q future=%v, want %s %s %q future=%v",
					tc.sentence, d.ISO(), d.Precision, got, d.Future, tc.want, tc.prec, tc.text, tc.future)
			}
		})
	}
}

func TestAll(t *testing.T) {
	s := "Japan, which will host talks next week, sent aid on Monday and in January 1979."
	all := All(s, report)
	var got []string
	for _, d := range all {
		got = append(got, d.Span.Text(s)+"="+d.ISO())
	}
	want := "next week=2015-03-12 Monday=2015-03-09 January 1979=1979-01-01"
	if strings.Join(got, " ") != want {
		t.Errorf("All = %q, want %q", strings.Join(got, " "), want)
	}
}

func TestAnnotate(t *testing.T) {
	doc := "Officials said on Monday that Abe met Sam Rainsy in January 1979."
	verb := strings.Index(doc, "met")
	tests := []struct {
		name      string
		ev        twintrack.Event
		wantOK    bool
		wantDate  string
		wantPrec  string
		verbStart int
	}{
		{"nearest to verb", twintrack.Event{DocDate: "2015-03-12", EventDate: "2015-03-12"}, true, "1979-01-01", "month", verb},
		{"nearest before the verb when none after", twintrack.Event{DocDate: "2015-03-12"}, true, "1979-01-01", "month", strings.Index(doc, "1979") + 5},
		{"first after the verb", twintrack.Event{DocDate: "2015-03-12"}, true, "2015-03-09", "day", strings.Index(doc, "said")},
		{"no verb span takes first", twintrack.Event{DocDate: "2015-03-12"}, true, "2015-03-09", "day", -1},
		{"coder shifted date kept", twintrack.Event{DocDate: "2015-03-12", EventDate: "2015-03-10"}, false, "2015-03-10", "", verb},
		{"bad doc date", twintrack.Event{DocDate: "12/03/2015"}, false, "", "", verb},
		{"no doc date: absolute date only", twintrack.Event{}, true, "1979-01-01", "month", -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ev := tc.ev
			ev.SentenceText = doc
			ev.Spans.Sentence = twintrack.Span{Start: 100, End: 100 + len(doc)}
			if tc.verbStart >= 0 {
				ev.Spans.Verb = twintrack.Span{Start: 100 + tc.verbStart, End: 100 + tc.verbStart + 3}
			}
			ok := Annotate(&ev)
			if ok != tc.wantOK || ev.EventDate != tc.wantDate || ev.DatePrecision != tc.wantPrec {
				t.Errorf("Annotate = %v %q %q, want %v %q %q", ok, ev.EventDate, ev.DatePrecision, tc.wantOK, tc.wantDate, tc.wantPrec)
			}
		})
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"Abe met Hun Sen on March 9, 2015 in Tokyo.", "in January 1979", "two days ago",
		"since last year", "Monday\u2019s talks", "2014-11-30", "Feb. 29", "\xff\xfe 12 March",
		"last Thursday", "earlier this month", "in 99999999999999999999 days",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range All(s, report) {
			if d.Span.Start < 0 || d.Span.End > len(s) || d.Span.Start >= d.Span.End {
				t.Fatalf("span %v out of bounds for %q", d.Span, s)
			}
			if d.Time.IsZero() || d.Time.After(report) {
				t.Fatalf("time %v for %q: zero or after the report date", d.Time, s)
			}
			switch d.Precision {
			case Day, Week, Month, Year:
			default:
				t.Fatalf("precision %q for %q", d.Precision, s)
			}
		}
	})
}

// TestConcurrent calls Resolve from several goroutines (run with -race):
// the ingest pipeline annotates events on all cores.
func TestConcurrent(t *testing.T) {
	s := "Abe met Hun Sen on Monday and in January 1979."
	want, _ := Resolve(s, report)
	done := make(chan Date)
	for range 8 {
		go func() {
			var d Date
			for range 200 {
				d, _ = Resolve(s, report)
			}
			done <- d
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent Resolve = %+v, want %+v", got, want)
		}
	}
}
