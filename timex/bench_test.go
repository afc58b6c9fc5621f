package timex

import "testing"

// BenchmarkResolve measures one typical news sentence with one expression.
func BenchmarkResolve(b *testing.B) {
	s := "Japanese Prime Minister Shinzo Abe met Cambodian Prime Minister Hun Sen in Tokyo on Monday, officials said."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if _, ok := Resolve(s, report); !ok {
			b.Fatal("no date")
		}
	}
}

// BenchmarkResolveNone measures a sentence without a time expression, the
// common case.
func BenchmarkResolveNone(b *testing.B) {
	s := "The Japanese foreign minister urged the government and the opposition to resume talks."
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Resolve(s, report)
	}
}
