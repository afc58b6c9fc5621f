package dict

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a dictionary file: the file name and a 1-based line.
type Pos struct {
	File string
	Line int
}

// String formats the position as file:line.
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Error is a problem found while reading a file, located by line and
// 1-based column (0 when the whole line is meant).
type Error struct {
	File string
	Line int
	Col  int
	Msg  string
}

// Error formats the error as file:line:col: message.
func (e *Error) Error() string {
	if e.Col > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// MaxErrors is the number of errors an ErrorList keeps; further errors are
// counted but not stored.
const MaxErrors = 100

// ErrorList collects errors while reading, in the manner of go/scanner's
// ErrorList: reading continues after an error, and the list is reported
// as a whole.
type ErrorList struct {
	Errs    []*Error
	Dropped int // errors beyond MaxErrors
}

// Add records an error at file:line:col.
func (l *ErrorList) Add(file string, line, col int, format string, args ...any) {
	if len(l.Errs) >= MaxErrors {
		l.Dropped++
		return
	}
	l.Errs = append(l.Errs, &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Len returns the number of errors, including dropped ones.
func (l *ErrorList) Len() int { return len(l.Errs) + l.Dropped }

// Sort orders the stored errors by file, line and column.
func (l *ErrorList) Sort() {
	sort.SliceStable(l.Errs, func(i, j int) bool {
		a, b := l.Errs[i], l.Errs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Error lists the errors one per line.
func (l *ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	if l.Dropped > 0 {
		fmt.Fprintf(&b, "\n(and %d more errors)", l.Dropped)
	}
	return b.String()
}

// Err returns the list as an error, or nil when it is empty.
func (l *ErrorList) Err() error {
	if l.Len() == 0 {
		return nil
	}
	return l
}
