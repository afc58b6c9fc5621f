package text

// LowerASCII returns s with ASCII letters in lower case and every other
// byte unchanged, so that byte offsets into s are offsets into the result.
// It allocates once.
func LowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// RuneLen returns the length of the UTF-8 sequence starting at s[i] (a
// lead byte followed by the continuation bytes it announces), or 1 when
// there is none, so that a tokenizer can step over any input.
func RuneLen(s string, i int) int {
	c := s[i]
	n := 1
	switch {
	case c >= 0xF0 && c < 0xF8:
		n = 4
	case c >= 0xE0:
		n = 3
	case c >= 0xC0:
		n = 2
	}
	if n == 1 || i+n > len(s) {
		return 1
	}
	for k := 1; k < n; k++ {
		if s[i+k]&0xC0 != 0x80 {
			return 1
		}
	}
	return n
}
