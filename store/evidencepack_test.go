package store

import (
	"strconv"
	"testing"
)

// packForTest packs e as the SQLite expression packedEvidence does.
func packForTest(e TrackEvidence, end string) string {
	field := func(s string) string { return strconv.Itoa(len(s)) + ":" + s }
	return e.Start + "|" + end + "|" + strconv.Itoa(int(e.Side)) + "|" + field(e.EventID) + field(e.DocID) +
		field(strconv.Itoa(e.Sentence)) + field(e.EventDate) + field(e.Source) + field(e.Target) + field(e.Code) +
		field(e.SentenceText)
}

func TestUnpackEvidence(t *testing.T) {
	good := TrackEvidence{Start: "1991-01-01", Side: SideOpp, EventID: "ab12", DocID: "d:1|2:3", Sentence: 12,
		EventDate: "1991-05-05", Source: "JPN", Target: "KHMOPP", Code: "042", SentenceText: "3:abc|é\x1f\n"}
	packed := packForTest(good, "1992-01-01")
	got, err := unpackEvidence(packed)
	if err != nil || got != good {
		t.Fatalf("round trip: got %+v, %v; want %+v", got, err, good)
	}
	for _, tc := range []struct{ name, s string }{
		{"empty", ""},
		{"no side", "1991-01-01|1992-01-01|"},
		{"short field", packed[:len(packed)-1]},
		{"trailing", packed + "x"},
		{"length too long", "1991-01-01|1992-01-01|1|99:ab"},
		{"negative length", "1991-01-01|1992-01-01|1|-1:ab"},
		{"no colon", "1991-01-01|1992-01-01|1|4ab12"},
		{"sentence not a number", packForTest(good, "1992-01-01")[:24] + "1:a1:b1:x10:1991-05-051:a1:b1:c1:d"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := unpackEvidence(tc.s); err == nil {
				t.Errorf("unpackEvidence(%q): no error", tc.s)
			}
		})
	}
}

func FuzzUnpackEvidence(f *testing.F) {
	f.Add("1991-01-01", uint8(1), "id", "doc", 3, "1991-02-02", "JPN", "KHMGOV", "042", "text")
	f.Add("2000-01-01", uint8(2), "", "a:b|c", 0, "", "", "", "", "1:x")
	f.Fuzz(func(t *testing.T, start string, side uint8, id, doc string, sentence int, date, src, tgt, code, text string) {
		// Whatever the bytes, unpacking never panics.
		unpackEvidence(start + id + doc + text)
		if len(start) != 10 || side > 9 || sentence < 0 {
			return
		}
		e := TrackEvidence{Start: start, Side: TrackSide(side), EventID: id, DocID: doc, Sentence: sentence,
			EventDate: date, Source: src, Target: tgt, Code: code, SentenceText: text}
		got, err := unpackEvidence(packForTest(e, "2000-01-01"))
		if err != nil || got != e {
			t.Fatalf("round trip: got %+v, %v; want %+v", got, err, e)
		}
	})
}
