package dict

import (
	"fmt"
	"strings"
)

// Coding modes (SET: CODE ...).
const (
	ByClause = iota
	BySentence
	CodeAll
)

// Complexity holds the COMPLEX: settings (formats.md 2.2); zero means off.
type Complexity struct {
	Verbs, Actors, Pronouns, Conj, Comma, LateVerb int
	NoActPrior, NoActAfter, NoVerb, NoSource       bool
	NoTarget, NoEvent, Explain                     bool
}

// Options are the run-time switches of an .options file. They can be
// changed between records with Apply (validation files do so).
type Options struct {
	CodeMode      int
	YYYY          bool
	TimeSet       bool // Time was set explicitly; otherwise time shifting follows Dict.HasTime
	Time          bool
	Label         bool
	FBIS          bool
	DupWarn       bool
	ConvertAgents bool
	MinWords      int
	Complex       Complexity

	CommaMin, CommaMax, CommaEMin, CommaEMax, CommaBMin, CommaBMax int

	DefaultSource, DefaultTarget string
	Prior, After                 bool

	ForwardFormat string // the FORWARD: id format, "" when none
	Forwarding    bool   // pronoun forwarding is on
	ForwardDoc    bool

	NonEvents int // 0 false, 1 true, 2 only

	Labels map[string]string // LABEL: entries added by Apply
}

// DefaultOptions returns TABARI's defaults.
func DefaultOptions() Options {
	return Options{
		Label: true, DupWarn: true, MinWords: 8,
		CommaMin: 2, CommaMax: 10, CommaEMin: 2, CommaEMax: 10, CommaBMin: 128, CommaBMax: 0,
	}
}

// TimeShifting reports whether time shifting is on for a dictionary whose
// verbs have (or lack) a <TIME> section.
func (o *Options) TimeShifting(hasTime bool) bool {
	if o.TimeSet {
		return o.Time
	}
	return hasTime
}

// Apply executes one options command ("SET: CODE ALL", "COMMA: OFF", ...).
// Unknown commands and malformed arguments are reported; the options keep
// whatever could be applied.
func (o *Options) Apply(line string) error {
	line = strings.TrimLeft(line, " \t")
	colon := strings.IndexByte(line, ':')
	if colon < 0 {
		return fmt.Errorf("options command without ':': %q", line)
	}
	cmd := strings.ToUpper(line[:colon])
	arg := line[colon+1:]
	up := strings.ToUpper(arg)
	switch {
	case cmd == "":
		return fmt.Errorf("empty options command")
	case cmd[0] == 'C' && len(cmd) >= 4 && cmd[3] == 'P':
		o.Complex = parseComplex(up)
	case cmd[0] == 'C' && len(cmd) >= 4 && cmd[3] == 'M':
		o.applyComma(up)
	case cmd[0] == 'D':
		o.applyDefault(up)
	case cmd[0] == 'F':
		o.applyForward(up)
	case cmd[0] == 'L':
		eq := strings.IndexByte(arg, '=')
		if eq < 0 {
			return fmt.Errorf("LABEL: without '='")
		}
		code := strings.TrimSpace(arg[:eq])
		if o.Labels == nil {
			o.Labels = map[string]string{}
		}
		if _, ok := o.Labels[code]; !ok {
			o.Labels[code] = strings.TrimSpace(arg[eq+1:])
		}
	case cmd[0] == 'N':
		switch {
		case strings.Contains(up, "ONLY"):
			o.NonEvents = 2
		case strings.Contains(up, "T"):
			o.NonEvents = 1
		default:
			o.NonEvents = 0
		}
	case cmd[0] == 'O':
		// Output switches do not change what is coded.
	case cmd[0] == 'S':
		return o.applySet(up)
	default:
		return fmt.Errorf("unknown options command %q", cmd)
	}
	return nil
}

func boolArg(s string) (bool, error) {
	eq := strings.IndexByte(s, '=')
	if eq < 0 {
		return true, fmt.Errorf("missing '=' in %q", strings.TrimSpace(s))
	}
	for _, c := range s[eq+1:] {
		switch c {
		case 'T':
			return true, nil
		case 'F':
			return false, nil
		}
	}
	return true, fmt.Errorf("no TRUE or FALSE in %q", strings.TrimSpace(s))
}

// firstInt returns the first run of digits in s, and false if none.
func firstInt(s string) (int, bool) {
	i := 0
	for i < len(s) && (s[i] < '0' || s[i] > '9') {
		i++
	}
	if i == len(s) {
		return 0, false
	}
	n := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' && n < 1e6 {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, true
}

func (o *Options) applySet(up string) error {
	after := func(kw string) string { return up[strings.Index(up, kw)+len(kw):] }
	var err error
	switch {
	case strings.Contains(up, "CODE"):
		switch rest := after("CODE"); {
		case strings.Contains(rest, "SEN"):
			o.CodeMode = BySentence
		case strings.Contains(rest, "ALL"):
			o.CodeMode = CodeAll
		default:
			o.CodeMode = ByClause
		}
	case strings.Contains(up, "HAIKU"):
	case strings.Contains(up, "YYYY"):
		o.YYYY, err = boolArg(after("YYYY"))
	case strings.Contains(up, "TIME"):
		o.Time, err = boolArg(after("TIME"))
		o.TimeSet = true
	case strings.Contains(up, "LABEL"):
		o.Label, err = boolArg(after("LABEL"))
	case strings.Contains(up, "MATCH"):
		return fmt.Errorf("SET: MATCH is obsolete; use OUTPUT: MATCH")
	case strings.Contains(up, "FBIS"):
		o.FBIS, err = boolArg(after("FBIS"))
	case strings.Contains(up, "DUP "):
		o.DupWarn, err = boolArg(after("DUP "))
	case strings.Contains(up, "SKIP "):
	case strings.Contains(up, "CONV"):
		o.ConvertAgents, err = boolArg(after("CONV"))
	case strings.Contains(up, "MINIM"):
		n, ok := firstInt(after("MINIM"))
		if !ok {
			return fmt.Errorf("SET: MINIMUM WORDS without a number")
		}
		o.MinWords = n
	case strings.Contains(up, "USAGE"):
	default:
		return fmt.Errorf("unknown SET: switch %q", strings.TrimSpace(up))
	}
	return err
}

func parseComplex(up string) Complexity {
	num := func(kw string) int {
		i := strings.Index(up, kw)
		if i < 0 {
			return 0
		}
		n, _ := firstInt(up[i+len(kw):])
		return n
	}
	has := func(kw string) bool { return strings.Contains(up, kw) }
	return Complexity{
		Verbs: num("VERBS"), Actors: num("ACTORS"), Pronouns: num("PRONOUNS"), Conj: num("CONJ"),
		Comma: num("COMMA"), LateVerb: num("LATEVERB"),
		NoActPrior: has("ACTPRIOR"), NoActAfter: has("ACTAFTER"), NoVerb: has("NOVERB"),
		NoSource: has("NOSOURCE"), NoTarget: has("NOTARGET"), NoEvent: has("NOEVENT"),
		Explain: has("EXPLAIN"),
	}
}

func (o *Options) applyComma(up string) {
	if strings.Contains(up, "OFF") {
		o.CommaMin, o.CommaEMin, o.CommaBMin = 128, 128, 128
		o.CommaMax, o.CommaEMax, o.CommaBMax = 0, 0, 0
		return
	}
	set := func(kw string, v *int) {
		if i := strings.Index(up, kw); i >= 0 {
			if n, ok := firstInt(up[i+len(kw):]); ok {
				*v = n
			}
		}
	}
	// A leading blank keeps " MIN" from matching inside "EMIN" and "BMIN".
	set(" MIN", &o.CommaMin)
	set(" MAX", &o.CommaMax)
	set("EMIN", &o.CommaEMin)
	set("EMAX", &o.CommaEMax)
	set("BMIN", &o.CommaBMin)
	set("BMAX", &o.CommaBMax)
}

func (o *Options) applyDefault(up string) {
	if strings.Contains(up, "OFF") {
		o.DefaultSource, o.DefaultTarget, o.Prior, o.After = "", "", false, false
	}
	code := func(kw string) string {
		i := strings.Index(up, kw)
		if i < 0 {
			return ""
		}
		rest := up[i+len(kw):]
		lb := strings.IndexByte(rest, '[')
		if lb < 0 || lb > 15 {
			return ""
		}
		rb := strings.IndexByte(rest[lb:], ']')
		if rb < 0 {
			return ""
		}
		return strings.TrimSpace(rest[lb+1 : lb+rb])
	}
	if c := code("SOURCE"); c != "" {
		o.DefaultSource = c
	}
	if strings.Contains(up, "PRIOR") {
		o.Prior = true
	}
	if c := code("TARGET"); c != "" {
		o.DefaultTarget = c
	}
	if strings.Contains(up, "AFTER") {
		o.After = true
	}
}

func (o *Options) applyForward(up string) {
	f := strings.Fields(up)
	if len(f) == 0 {
		return
	}
	o.ForwardFormat = f[0]
	o.Forwarding = strings.Contains(f[0], "S") && !strings.Contains(up, "OFF")
	o.ForwardDoc = strings.Contains(up, "DOC")
}

// Clone returns a copy whose Labels map is not shared with o.
func (o Options) Clone() Options {
	if o.Labels != nil {
		m := make(map[string]string, len(o.Labels))
		for k, v := range o.Labels {
			m[k] = v
		}
		o.Labels = m
	}
	return o
}
