package cameo

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The table format (codes.tsv): UTF-8 text, one record per line, fields
// separated by single tabs. Lines starting with '#' and empty lines are
// comments. The first other line names the columns and must be exactly
//
//	code root quad_class goldstein goldstein_from plover plover_mode plover_context name
//
// (tab-separated). Every following line has those nine fields: code is 2-4
// ASCII digits, root its first two, quad_class an integer 0-4, goldstein a
// decimal number in [-10, 10], the rest free text without tabs. Codes are
// unique.

var columns = []string{"code", "root", "quad_class", "goldstein", "goldstein_from",
	"plover", "plover_mode", "plover_context", "name"}

// ParseError is a problem at a position of a table file.
type ParseError struct {
	File      string
	Line, Col int
	Msg       string
}

// Error formats the error as "file:line:col: message".
func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ErrorList is every problem found in a table, in file order.
type ErrorList []*ParseError

// Error returns the first error and how many more there are.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// maxErrors caps the errors collected from one file.
const maxErrors = 20

// Parse reads a code table in the format above. name is used in error
// positions. It returns the valid records and, when some lines are bad, an
// ErrorList (capped at 20) describing each as file:line:col.
func Parse(r io.Reader, name string) ([]Info, error) {
	var (
		out    []Info
		errs   ErrorList
		seen   = map[string]bool{}
		header bool
	)
	fail := func(line, col int, format string, a ...any) {
		if len(errs) < maxErrors {
			errs = append(errs, &ParseError{name, line, col, fmt.Sprintf(format, a...)})
		}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			header = true
			if strings.Join(f, "\t") != strings.Join(columns, "\t") {
				fail(ln, 1, "header is %q, want the columns %s", line, strings.Join(columns, ","))
				return nil, errs
			}
			continue
		}
		if len(f) != len(columns) {
			fail(ln, 1, "%d fields, want %d", len(f), len(columns))
			continue
		}
		col := func(i int) int { // 1-based byte column of field i
			c := 1
			for _, s := range f[:i] {
				c += len(s) + 1
			}
			return c
		}
		in := Info{Code: f[0], Root: f[1], Plover: f[5], PloverMode: f[6], PloverContext: f[7], Name: f[8]}
		if len(in.Code) < 2 || len(in.Code) > 4 || strings.Trim(in.Code, "0123456789") != "" {
			fail(ln, col(0), "code %q is not 2-4 digits", in.Code)
			continue
		}
		if in.Root != in.Code[:2] {
			fail(ln, col(1), "root %q does not match code %s", in.Root, in.Code)
			continue
		}
		q, err := strconv.Atoi(f[2])
		if err != nil || q < 0 || q > 4 {
			fail(ln, col(2), "quad_class %q is not 0-4", f[2])
			continue
		}
		in.QuadClass = q
		g, err := strconv.ParseFloat(f[3], 64)
		if err != nil || !(g >= -10 && g <= 10) { // also rejects NaN
			fail(ln, col(3), "goldstein %q is not a number in [-10, 10]", f[3])
			continue
		}
		in.Goldstein = g
		if seen[in.Code] {
			fail(ln, col(0), "code %s listed twice", in.Code)
			continue
		}
		seen[in.Code] = true
		out = append(out, in)
	}
	if err := sc.Err(); err != nil {
		fail(ln+1, 1, "%v", err)
	}
	if !header && len(errs) == 0 {
		fail(ln+1, 1, "no header line")
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}
