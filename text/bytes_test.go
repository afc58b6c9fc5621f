package text

import "testing"

func TestLowerASCII(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii", "Hun SEN", "hun sen"},
		{"non-ASCII kept", "ÉTAT Ünited", "État Ünited"},
		{"invalid UTF-8 kept", "A\xffB", "a\xffb"},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LowerASCII(tc.in); got != tc.want || len(got) != len(tc.in) {
				t.Errorf("LowerASCII(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestRuneLen(t *testing.T) {
	tests := []struct {
		name string
		s    string
		i    int
		want int
	}{
		{"ascii", "ab", 1, 1},
		{"two bytes", "é", 0, 2},
		{"three bytes", "x\u2019", 1, 3},
		{"four bytes", "😀", 0, 4},
		{"continuation byte alone", "\x80", 0, 1},
		{"truncated", "\xe2\x80", 0, 1},
		{"bad continuation", "\xe2x\x99", 0, 1},
		{"invalid lead", "\xff\x80", 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := RuneLen(tc.s, tc.i); got != tc.want {
				t.Errorf("RuneLen(%q, %d) = %d, want %d", tc.s, tc.i, got, tc.want)
			}
		})
	}
}
