package records

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func readAll(t testing.TB, src string, yyyy bool) []*Record {
	r := NewReader(strings.NewReader(src), "t.txt")
	r.YYYY = yyyy
	var out []*Record
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		out = append(out, rec)
	}
}

func TestReader(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		yyyy  bool
		ids   []string
		texts []string
		dates []string
	}{
		{"basic", "950103  DEMO-04\nDagolath left\nfor Gondor.\n\n", false,
			[]string{"DEMO-04"}, []string{"Dagolath left for Gondor. "}, []string{"950103"}},
		{"banner skipped", "####\n# x\n\n950101 A\ntext\n\n950102 B\nmore \n", false,
			[]string{"A", "B"}, []string{"text ", "more "}, []string{"950101", "950102"}},
		{"digit body line", "950101 A\nx\n50,000 tonnes\n\n", false,
			[]string{"A"}, []string{"x 50,000 tonnes "}, []string{"950101"}},
		{"blank line of spaces does not end", "950101 A\nx\n   \ny\n\n", false,
			[]string{"A"}, []string{"x    y "}, []string{"950101"}},
		{"crlf", "950101 A\r\nx\r\n\r\n950102 B\r\ny\r\n", false,
			[]string{"A", "B"}, []string{"x ", "y "}, []string{"950101", "950102"}},
		{"seven digits", "9501201  ACTORSYN-01\nx\n", false,
			[]string{"1  ACTORSYN-01"}, []string{"x "}, []string{"950120"}},
		{"yyyy", "186010029 YYYY-03\nx\n", true,
			[]string{"9 YYYY-03"}, []string{"x "}, []string{"18601002"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			recs := readAll(t, tc.src, tc.yyyy)
			if len(recs) != len(tc.ids) {
				t.Fatalf("got %d records, want %d", len(recs), len(tc.ids))
			}
			for i, r := range recs {
				if r.ID != tc.ids[i] || r.Text != tc.texts[i] || r.Date != tc.dates[i] {
					t.Errorf("record %d: got id %q text %q date %q, want %q %q %q",
						i, r.ID, r.Text, r.Date, tc.ids[i], tc.texts[i], tc.dates[i])
				}
				if !r.DateOK {
					t.Errorf("record %d: date %q not valid", i, r.Date)
				}
			}
		})
	}
}

func TestInvalidDate(t *testing.T) {
	recs := readAll(t, "951340 X\ntext\n", false)
	if len(recs) != 1 || recs[0].DateOK {
		t.Fatalf("got %+v, want one record with an invalid date", recs)
	}
}

func TestTruncation(t *testing.T) {
	line := strings.Repeat("word ", 100) // 500 bytes
	src := "950101 LONG\n" + strings.Repeat(line+"\n", 6) + "\n950102 NEXT\nshort\n"
	recs := readAll(t, src, false)
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if !recs[0].Truncated || len(recs[0].Text) != CutText+len(Truncated) || !strings.HasSuffix(recs[0].Text, Truncated) {
		t.Errorf("long record: truncated %v, len %d, want true, %d", recs[0].Truncated, len(recs[0].Text), CutText+len(Truncated))
	}
	if recs[1].ID != "NEXT" {
		t.Errorf("next record id %q, want NEXT", recs[1].ID)
	}
}

func TestLooksLikeRecords(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"950101  DEMO-01\ntext", true},
		{"\n\n  \n20150607 YYYY-01\n", true},
		{"950101*INTRO\n", true},
		{"The 1995 talks.", false},
		{"950101\n", false},
		{"12345 X\n", false},
	}
	for _, tc := range tests {
		if got := LooksLikeRecords(tc.in); got != tc.want {
			t.Errorf("LooksLikeRecords(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestValidateText(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	shared := filepath.Join(filepath.Dir(file), "..", "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skip("../shared is absent; it holds the TABARI data files")
	}
	f, err := os.Open(filepath.Join(shared, "data", "tabari", "Validate.text"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewReader(f, "Validate.text")
	n := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(rec.ID, "FINAL-01") {
			break
		}
		switch rec.ID {
		case "YYYY-Initiate":
			r.YYYY = true
		case "YYYY-Cancel":
			r.YYYY = false
		}
		n++
	}
	if n != 472 {
		t.Errorf("got %d records before FINAL-01, want 472", n)
	}
}

func FuzzReader(f *testing.F) {
	f.Add("950101 A\nx\n\n950102 B\ny\n", false)
	f.Add("20150607 Y\nx\r\n", true)
	f.Fuzz(func(t *testing.T, src string, yyyy bool) {
		for _, r := range readAll(t, src, yyyy) {
			if len(r.Text) > MaxText {
				t.Fatalf("text of %d bytes exceeds the cap", len(r.Text))
			}
			if r.Header == "" || r.Header[0] < '0' || r.Header[0] > '9' {
				t.Fatalf("header %q does not start with a digit", r.Header)
			}
		}
	})
}
