package cameo

import (
	"strings"

	"github.com/twintrack/twintrack"
)

// Root returns the two-digit root of a CAMEO code ("0431" -> "04"), or ""
// when the code does not start with two digits.
func Root(code string) string {
	if len(code) < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9' {
		return ""
	}
	return code[:2]
}

// QuadClass returns the GDELT QuadClass of a root: 1 verbal cooperation
// (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14),
// 4 material conflict (15-20); 0 when the root is unknown.
func QuadClass(root string) int {
	if len(root) != 2 {
		return 0
	}
	n := int(root[0]-'0')*10 + int(root[1]-'0')
	switch {
	case n >= 1 && n <= 5:
		return 1
	case n >= 6 && n <= 9:
		return 2
	case n >= 10 && n <= 14:
		return 3
	case n >= 15 && n <= 20:
		return 4
	}
	return 0
}

// Annotate fills the event's Root, QuadClass, Goldstein and Plover fields
// from its Code.
func Annotate(ev *twintrack.Event) {
	code := strings.TrimSpace(ev.Code)
	ev.Root = Root(code)
	ev.QuadClass = QuadClass(ev.Root)
}
