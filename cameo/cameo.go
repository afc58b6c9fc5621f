package cameo

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/twintrack/twintrack"
)

//go:generate go run ./internal/gen -shared ../../shared/data -out codes.tsv

//go:embed codes.tsv
var codesTSV string

// Info describes one CAMEO event code.
type Info struct {
	Code          string  `json:"code"`           // "010", "0431", always a string
	Root          string  `json:"root"`           // two-digit root, "01"
	QuadClass     int     `json:"quad_class"`     // 1-4, GDELT convention
	Goldstein     float64 `json:"goldstein"`      // -10..+10
	Plover        string  `json:"plover"`         // PLOVER event type, "" when PLOVER has none
	PloverMode    string  `json:"plover_mode"`    // PLOVER mode, often ""
	PloverContext string  `json:"plover_context"` // PLOVER contexts, ';'-separated
	Name          string  `json:"name"`           // short name
}

var table struct {
	once   sync.Once
	all    []Info
	byCode map[string]int
	err    error
}

func load() {
	table.once.Do(func() {
		all, err := Parse(strings.NewReader(codesTSV), "codes.tsv")
		table.all, table.err = all, err
		table.byCode = make(map[string]int, len(all))
		for i, in := range all {
			table.byCode[in.Code] = i
		}
	})
}

// Err reports a problem with the embedded table. It is nil in every build
// whose tests pass; it exists so that a damaged table is visible rather
// than silently empty.
func Err() error {
	load()
	return table.err
}

// Lookup returns the table entry of code. Surrounding white space is
// ignored.
func Lookup(code string) (Info, bool) {
	load()
	i, ok := table.byCode[strings.TrimSpace(code)]
	if !ok {
		return Info{}, false
	}
	return table.all[i], true
}

// All returns every code of the table in code order. The slice is a copy
// that the caller may modify.
func All() []Info {
	load()
	return append([]Info(nil), table.all...)
}

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
	if len(root) != 2 || Root(root) == "" {
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

// Resolve returns the entry for code, or, when the code itself is not in
// the table (a dictionary's private extension such as "0431" or "1961"),
// the entry of its nearest listed ancestor: the code with its last digits
// removed, down to the root. ok is false when no ancestor is listed.
func Resolve(code string) (info Info, ok bool) {
	load()
	code = strings.TrimSpace(code)
	for n := len(code); n >= 2; n-- {
		if i, found := table.byCode[code[:n]]; found {
			return table.all[i], true
		}
	}
	return Info{}, false
}

// Annotate fills the event's Root, QuadClass, Goldstein and Plover fields
// from its Code. Root and QuadClass always come from the code's first two
// digits. Goldstein and Plover come from the code's table entry, or from
// its nearest listed ancestor (see Resolve) for codes not in the table;
// they are zero and "" when there is none.
func Annotate(ev *twintrack.Event) {
	code := strings.TrimSpace(ev.Code)
	ev.Root = Root(code)
	ev.QuadClass = QuadClass(ev.Root)
	ev.Goldstein, ev.Plover = 0, ""
	if ev.Root == "" {
		return
	}
	if in, ok := Resolve(code); ok {
		ev.Goldstein, ev.Plover = in.Goldstein, in.Plover
	}
}
