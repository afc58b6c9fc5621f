// Package records reads TABARI text records (formats.md section 3).
//
// A record file is a sequence of records. Lines are skipped until one
// whose first character is a digit: that is the header, "YYMMDD ID" (or
// "YYYYMMDD ID" in four-digit-year mode). The body is every following
// line up to the next empty line (a line of length zero; a line of blanks
// does not end a record). Body lines are joined, each followed by one blank
// unless it already ends in one. A text longer than 2047 bytes is cut to
// its first 2025 bytes and " [STORY TRUNCATED...] " is appended; the rest
// of the record is skipped. A trailing carriage return is removed from
// every line.
package records
