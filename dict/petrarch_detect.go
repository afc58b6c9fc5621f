package dict

import (
	"io/fs"
	"path"
	"path/filepath"
	"strings"
)

// PETRARCH file kinds, next to the TABARI ones of load.go.
const (
	kindPetrActors = "petrarch actors"
	kindPetrAgents = "petrarch agents"
	kindPetrVerbs  = "petrarch verbs"
	kindPetr2Verbs = "petrarch-2 verbs"
	kindDiscards   = "discards"
	kindIssues     = "issues"
)

// petrKindOf guesses a kind from a file name that kindOf does not
// recognise: discards and issue files, and PETRARCH verb pattern files
// ("CAMEO.verbpatterns.150430.txt").
func petrKindOf(name string) string {
	base := strings.ToLower(path.Base(filepath.ToSlash(name)))
	switch {
	case strings.Contains(base, "discard"):
		return kindDiscards
	case strings.Contains(base, "issue"):
		return kindIssues
	case strings.Contains(base, "verb"):
		return kindVerbs
	}
	return ""
}

// refineKind decides between the TABARI and PETRARCH readers once the
// content is known. A file is read as PETRARCH when its name ends in
// ".txt" or its content uses PETRARCH syntax: "<!--" comments, "--- NAME
// [code] ---" verb blocks, "!MARK! =" substitutions, "{...}" plurals
// before an agent code, or "#" comments after a phrase. A file whose kind
// the name does not tell is recognised by its content: "<ISSUE" blocks,
// PETRARCH-2 verb patterns ("####### VERB PATTERNS", "~ ..." transformation
// lines), or PETRARCH-1 verb blocks.
func refineKind(name, kind, src string) string {
	head := src
	if len(head) > 1<<16 {
		head = head[:1<<16]
	}
	p2 := strings.Contains(src, "VERB PATTERNS ###") || strings.Contains(src, "\n~ ")
	blocks := hasBlockHeader(head)
	petr := strings.HasSuffix(strings.ToLower(name), ".txt") || strings.Contains(head, "<!--") || blocks ||
		strings.Contains(head, "! = ") || strings.Contains(head, "} [") || hasInlineHash(head)
	switch kind {
	case kindActors:
		if petr {
			return kindPetrActors
		}
	case kindAgents:
		if petr {
			return kindPetrAgents
		}
	case kindVerbs:
		switch {
		case p2:
			return kindPetr2Verbs
		case petr:
			return kindPetrVerbs
		}
	case "":
		switch {
		case strings.Contains(head, "<ISSUE"):
			return kindIssues
		case p2 && blocks:
			return kindPetr2Verbs
		case blocks:
			return kindPetrVerbs
		}
	}
	return kind
}

// hasBlockHeader reports whether src has a "--- NAME [code] ---" line.
func hasBlockHeader(src string) bool {
	for i := 0; ; {
		j := strings.Index(src[i:], "\n---")
		if j < 0 {
			return strings.HasPrefix(src, "---") && strings.Contains(firstLine(src), "[")
		}
		i += j + 1
		if l := firstLine(src[i:]); strings.Contains(l, "[") && strings.HasSuffix(strings.TrimSpace(l), "---") && len(strings.TrimSpace(l)) > 6 {
			return true
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// hasInlineHash reports whether a line has a "#" comment after a phrase
// (TABARI allows "#" only at the start of a line).
func hasInlineHash(src string) bool {
	for _, l := range strings.Split(src, "\n") {
		t := strings.TrimSpace(l)
		if t == "" || t[0] == '#' || t[0] == '/' {
			continue
		}
		if i := strings.Index(stripSemicolon(t), " #"); i > 0 {
			return true
		}
	}
	return false
}

func stripSemicolon(s string) string {
	if i := strings.IndexByte(s, ';'); i >= 0 {
		return s[:i]
	}
	return s
}

// sniffKind reads a file whose name does not tell its kind and returns
// the kind its content shows, or "".
func sniffKind(fsys fs.FS, name string) string {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return ""
	}
	return refineKind(name, "", string(data))
}
