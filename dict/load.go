package dict

import (
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/twintrack/twintrack/dictionaries"
)

// File kinds.
const (
	kindOptions = "options"
	kindActors  = "actors"
	kindAgents  = "agents"
	kindVerbs   = "verbs"
)

// kindOf guesses a dictionary file's kind from its name.
func kindOf(name string) string {
	base := strings.ToLower(path.Base(filepath.ToSlash(name)))
	for _, k := range []string{kindOptions, kindActors, kindAgents, kindVerbs} {
		if strings.HasSuffix(base, "."+k) || strings.Contains(base, k) {
			return k
		}
	}
	return petrKindOf(name)
}

// LoadProject reads a .project file from fsys and every dictionary it
// names (formats.md 1), paths relative to the project's directory. The
// options file is read first, then the dictionaries in order of appearance.
// The returned Dict is usable even when the error (an *ErrorList) is not
// nil, unless the project file itself could not be read.
func LoadProject(fsys fs.FS, name string) (*Dict, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("load project: %w", err)
	}
	p := ParseProject(name, string(data))
	files := p.DictFiles()
	l := newLoader()
	l.hashFile(name, data)
	dir := path.Dir(name)
	for _, f := range files {
		l.loadFS(fsys, path.Join(dir, f.Name), f.Kind)
	}
	return l.finish()
}

// LoadFS reads the named dictionary files from fsys, in order; each file's
// kind (options, actors, agents, verbs) comes from its name. Options files
// are applied before the dictionaries, whatever their position.
func LoadFS(fsys fs.FS, names ...string) (*Dict, error) {
	l := newLoader()
	for _, n := range sortOptionsFirst(names) {
		l.loadFS(fsys, n, kindOf(n))
	}
	return l.finish()
}

func sortOptionsFirst(names []string) []string {
	out := append([]string(nil), names...)
	sort.SliceStable(out, func(i, j int) bool {
		return kindOf(out[i]) == kindOptions && kindOf(out[j]) != kindOptions
	})
	return out
}

// Load reads dictionaries from the operating system: each path is a
// .project file, a directory (every dictionary file in it, by name), or a
// single dictionary file. Later paths extend earlier ones.
func Load(paths ...string) (*Dict, error) {
	type item struct {
		fsys       fs.FS
		name, kind string
		layer      int
	}
	var items []item
	l := newLoader()
	for layer, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("load dictionaries: %w", err)
		}
		switch {
		case st.IsDir():
			ents, err := os.ReadDir(p)
			if err != nil {
				return nil, fmt.Errorf("load dictionaries: %w", err)
			}
			fsys := os.DirFS(p)
			for _, e := range ents {
				k := kindOf(e.Name())
				if k == "" && !e.IsDir() && strings.HasSuffix(strings.ToLower(e.Name()), ".txt") {
					k = sniffKind(fsys, e.Name()) // e.g. CAMEO.2.0.txt
				}
				if k != "" && !e.IsDir() && !strings.HasSuffix(e.Name(), ".project") {
					items = append(items, item{fsys, e.Name(), k, layer})
				}
			}
		case strings.HasSuffix(strings.ToLower(p), ".project"):
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, fmt.Errorf("load project: %w", err)
			}
			l.hashFile(p, data)
			fsys := os.DirFS(filepath.Dir(p))
			for _, f := range ParseProject(p, string(data)).DictFiles() {
				items = append(items, item{fsys, filepath.ToSlash(f.Name), f.Kind, layer})
			}
		default:
			k := kindOf(p)
			if k == "" {
				k = sniffKind(os.DirFS(filepath.Dir(p)), filepath.Base(p))
			}
			if k == "" {
				return nil, fmt.Errorf("load dictionaries: %s: cannot tell the kind of file from its name or content (want .options, .actors, .agents or .verbs, or a PETRARCH file)", p)
			}
			items = append(items, item{os.DirFS(filepath.Dir(p)), filepath.Base(p), k, layer})
		}
	}
	sort.SliceStable(items, func(i, j int) bool {
		return items[i].kind == kindOptions && items[j].kind != kindOptions
	})
	for _, it := range items {
		l.layer = it.layer
		l.loadFS(it.fsys, it.name, it.kind)
	}
	return l.finish()
}

// Project is the content of a .project file.
type Project struct {
	Name    string
	Options string   // options file
	Actors  []string // actor files, in order
	Agents  []string
	Verbs   []string
	Texts   []string // text files to code
	order   []ProjectFile
}

// ProjectFile is a dictionary named by a project, with its kind.
type ProjectFile struct {
	Name, Kind string
}

// ParseProject reads the tags of a .project file (formats.md 1). Only the
// first two letters of a tag count; unknown tags are ignored.
func ParseProject(name, src string) *Project {
	p := &Project{Name: name}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		if !strings.HasPrefix(line, "<") || len(line) < 3 {
			continue
		}
		gt := strings.IndexByte(line, '>')
		if gt < 0 {
			continue
		}
		tag := strings.ToLower(line[1:gt])
		val := line[gt+1:]
		if lt := strings.IndexByte(val, '<'); lt >= 0 {
			val = val[:lt]
		}
		val = strings.TrimSpace(val)
		if len(tag) < 2 || val == "" {
			continue
		}
		switch tag[:2] {
		case "ac":
			p.Actors = append(p.Actors, val)
			p.order = append(p.order, ProjectFile{val, kindActors})
		case "ag":
			p.Agents = append(p.Agents, val)
			p.order = append(p.order, ProjectFile{val, kindAgents})
		case "ve":
			p.Verbs = append(p.Verbs, val)
			p.order = append(p.order, ProjectFile{val, kindVerbs})
		case "op":
			p.Options = val
		case "te":
			if f := strings.Fields(val); len(f) > 0 {
				p.Texts = append(p.Texts, f[0])
			}
		}
	}
	return p
}

// DictFiles returns the files to load: the options file first, then the
// dictionaries in order of appearance.
func (p *Project) DictFiles() []ProjectFile {
	var out []ProjectFile
	if p.Options != "" {
		out = append(out, ProjectFile{p.Options, kindOptions})
	}
	return append(out, p.order...)
}

func (l *loader) hashFile(name string, data []byte) {
	fmt.Fprintf(l.hash, "%s\x00%d\x00", path.Base(filepath.ToSlash(name)), len(data))
	l.hash.Write(data)
}

func (l *loader) loadFS(fsys fs.FS, name, kind string) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		l.errs.Add(name, 0, 0, "%v", err)
		return
	}
	l.hashFile(name, data)
	l.d.Files = append(l.d.Files, name)
	src := string(data)
	kind = refineKind(name, kind, src)
	l.hasPetr = l.hasPetr || strings.HasPrefix(kind, "petrarch")
	switch kind {
	case kindOptions:
		l.readOptions(name, src)
		l.hasOptions = true
	case kindActors:
		l.readActors(name, src)
	case kindAgents:
		l.readAgents(name, src)
	case kindVerbs:
		l.readVerbs(name, src)
	case kindPetrActors:
		l.readPetrActors(name, src)
	case kindPetrAgents:
		l.readPetrAgents(name, src)
	case kindPetrVerbs:
		l.readPetrVerbs(name, src, false)
	case kindPetr2Verbs:
		l.readPetrVerbs(name, src, true)
	case kindDiscards:
		l.readDiscards(name, src)
	case kindIssues:
		l.readIssues(name, src)
	default:
		l.errs.Add(name, 0, 0, "unknown dictionary kind for %q", name)
	}
}

func (l *loader) finish() (*Dict, error) {
	d := l.d
	d.Hash = hex.EncodeToString(l.hash.Sum(nil))
	d.labels = d.Options.Labels
	d.trie = buildTrie(d.literals)
	d.byLit = make([][]*Root, len(d.literals))
	for _, r := range d.Roots {
		if len(r.Elems) > 0 && r.Elems[0].Kind == Word {
			id := r.Elems[0].Lit
			d.byLit[id] = append(d.byLit[id], r)
		}
	}
	for _, v := range l.verbs {
		sort.SliceStable(v.Patterns, func(i, j int) bool { return v.Patterns[i].Len > v.Patterns[j].Len })
	}
	for _, s := range d.Synsets {
		sort.SliceStable(s.Members, func(i, j int) bool { return s.Members[i].Len > s.Members[j].Len })
	}
	if l.hasPetr && !l.hasOptions {
		d.Options.MinWords = 0 // PETRARCH codes sentences of any length
	}
	d.setAnyOf(l.verbs)
	d.buildPetrIndex()
	l.errs.Sort()
	return d, l.errs.Err()
}

// Builtin loads twintrack's built-in dictionaries (package dictionaries).
func Builtin() (*Dict, error) {
	return LoadProject(dictionaries.FS, dictionaries.Project)
}

// Open loads the dictionaries at paths (see Load), or the built-in ones
// when paths is empty. This is what the --dict flags of the commands use.
func Open(paths ...string) (*Dict, error) {
	if len(paths) == 0 {
		return Builtin()
	}
	return Load(paths...)
}
