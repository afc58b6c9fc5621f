// Package dict reads TABARI-format dictionaries — .project, .options,
// .actors, .agents and .verbs files — into an immutable, indexed Dict that
// the coder shares read-only between goroutines.
//
// The languages are specified in ../shared/docs/formats.md, Parts A and B.
// In brief: every non-comment line is a phrase, an optional bracketed code
// and an optional ";" comment. A phrase is a sequence of elements separated
// by connectors (blank, "_", "_ ", "~_", "="), which say whether an element
// may match a longer word (a stem) and whether words may intervene before
// the next element. Actor entries carry date-restricted codes, agent
// entries "~XYZ" or "XYZ~" codes, verb headwords an event code and a list
// of patterns ("- $ * TO + [042]") tried longest first.
//
// The PETRARCH and Phoenix formats (formats.md 6.5, 7.3, 14, 15) are read
// into the same model (petrarch_*.go): actor files with "#" and "<!-- -->"
// comments, tab-indented YYMMDD or YYYYMMDD date lines and accumulating
// codes; agents with "{plurals}" and "!MARK!" substitutions; PETRARCH-1
// verb blocks ("--- NAME [code] ---") with generated verb forms and
// shared patterns; PETRARCH-2 verb dictionaries, whose parse-tree
// patterns are mapped to linear ones and whose transformations are kept;
// discards (Dict.DiscardIn, Dict.StoryDiscard) and issues (Dict.IssuesIn).
// A file's format is told from its name and content (petrarch_detect.go).
// Several paths given to Load are layers: a later layer's entry replaces
// an earlier layer's entry with the same phrase (layering.go).
//
// Loading collects errors instead of stopping at the first: each is
// reported as file:line:col: message in an ErrorList (capped), and every
// entry remembers the file:line it came from, for explanations. The first
// of two identical phrases wins, as in TABARI. Dict.Hash is a content hash
// of the loaded files, used as provenance for coded events.
package dict
