package cameo

import (
	"errors"
	"strings"
	"testing"
)

const testHeader = "code\troot\tquad_class\tgoldstein\tgoldstein_from\tplover\tplover_mode\tplover_context\tname\n"

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, input string
		valid       int
		want        []string // error strings, in order
	}{
		{"good", testHeader + "010\t01\t1\t0.0\tgdelt\t\t\t\tsay\n", 1, nil},
		{"comments and CRLF", "# x\r\n\r\n" + strings.ReplaceAll(testHeader, "\n", "\r\n") + "043\t04\t1\t2.8\tgdelt\tCONSULT\tvisit\t\thost\r\n", 1, nil},
		{"no header", "", 0, []string{"t.tsv:1:1: no header line"}},
		{"bad header", "code\tname\n010\t01\n", 0, []string{`t.tsv:1:1: header is "code\tname", want the columns code,root,quad_class,goldstein,goldstein_from,plover,plover_mode,plover_context,name`}},
		{"short line", testHeader + "010\t01\n", 0, []string{"t.tsv:2:1: 2 fields, want 9"}},
		{"bad code", testHeader + "1x\t1x\t1\t0\tg\t\t\t\tn\n", 0, []string{`t.tsv:2:1: code "1x" is not 2-4 digits`}},
		{"root mismatch", testHeader + "010\t02\t1\t0\tg\t\t\t\tn\n", 0, []string{"t.tsv:2:5: root \"02\" does not match code 010"}},
		{"bad goldstein, later line fine", testHeader + "010\t01\t1\tten\tg\t\t\t\tn\n011\t01\t1\t1\tg\t\t\t\tn\n", 1,
			[]string{`t.tsv:2:10: goldstein "ten" is not a number in [-10, 10]`}},
		{"goldstein out of range", testHeader + "010\t01\t1\t11\tg\t\t\t\tn\n", 0, []string{`t.tsv:2:10: goldstein "11" is not a number in [-10, 10]`}},
		{"goldstein NaN", testHeader + "010\t01\t1\tNaN\tg\t\t\t\tn\n", 0, []string{`t.tsv:2:10: goldstein "NaN" is not a number in [-10, 10]`}},
		{"bad quad", testHeader + "010\t01\t7\t1\tg\t\t\t\tn\n", 0, []string{`t.tsv:2:8: quad_class "7" is not 0-4`}},
		{"duplicate", testHeader + "010\t01\t1\t1\tg\t\t\t\tn\n010\t01\t1\t1\tg\t\t\t\tn\n", 1, []string{"t.tsv:3:1: code 010 listed twice"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(strings.NewReader(tt.input), "t.tsv")
			if len(got) != tt.valid {
				t.Errorf("got %d valid records, want %d", len(got), tt.valid)
			}
			var list ErrorList
			if err != nil && !errors.As(err, &list) {
				t.Fatalf("got error of type %T, want ErrorList", err)
			}
			if len(list) != len(tt.want) {
				t.Fatalf("got errors %v, want %q", list, tt.want)
			}
			for i := range list {
				if list[i].Error() != tt.want[i] {
					t.Errorf("error %d got %q, want %q", i, list[i].Error(), tt.want[i])
				}
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add(testHeader + "010\t01\t1\t0.0\tgdelt\t\t\t\tsay\n")
	f.Add(codesTSV[:2000])
	f.Add("#\n" + testHeader + "99\t99\t0\t-10\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := Parse(strings.NewReader(in), "f")
		seen := map[string]bool{}
		for _, info := range got {
			if info.Root != Root(info.Code) || info.Root == "" {
				t.Errorf("record %+v: root not the code's first two digits", info)
			}
			if !(info.Goldstein >= -10 && info.Goldstein <= 10) {
				t.Errorf("record %+v: goldstein out of range", info)
			}
			if seen[info.Code] {
				t.Errorf("code %s returned twice", info.Code)
			}
			seen[info.Code] = true
		}
		if list, ok := err.(ErrorList); ok && len(list) > maxErrors {
			t.Errorf("got %d errors, want at most %d", len(list), maxErrors)
		}
	})
}
