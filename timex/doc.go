// Package timex resolves the time expressions of a sentence against the
// report (publication) date into the date an event happened, with a
// precision: day, week, month or year.
//
// News rarely reports things on the day they happen. "Japan's foreign
// minister met opposition leader Sam Rainsy in Tokyo on Monday" in a story
// dated Thursday 12 March 2015 happened on Monday 9 March; "in January 1979"
// in a story from 1991 dates the event to that month. Resolve finds such
// expressions and turns them into a Date.
//
// The package is deliberately conservative: an expression counts only when it
// plausibly says when the event of the sentence happened. It ignores
//
//   - expressions bounding a stretch of time rather than dating a happening:
//     "since 1979", "until March", "by Monday", "before 1993", "after
//     the vote on Monday", "from 1993 to 1997", "between", "through";
//   - dates used as modifiers of a noun: "the 1993 election", "the March 12
//     agreement", "Monday's talks" (these name another happening, which may
//     or may not be the coded one); a bare year counts only after "in"
//     ("in 1987"), and a month with a year only after "in" or "during";
//   - vague expressions: "recently", "in the 1980s", "earlier", "soon".
//
// Expressions that point after the report date ("next week", "tomorrow",
// "on March 30" read as this year's when the story is from March 12 and the
// sentence says "will") are returned with Future set and the report date as
// their time: an event that has not happened yet keeps the report date, and
// the modality package, not this one, decides whether it is counted.
//
// Spans are byte offsets into the sentence string given to Resolve; they
// cover the time words themselves, without a leading "on", "in" or "during"
// ("on March 12" has the span of "March 12"; "two days ago" is whole).
//
// All times are dates at midnight UTC. A Date of week precision starts on
// the Monday of its week, one of month precision on the first of the month,
// one of year precision on 1 January.
package timex
