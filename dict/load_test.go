package dict

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for n, s := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadPaths(t *testing.T) {
	files := map[string]string{
		"t.options": "SET: MINIMUM WORDS = 5\n",
		"t.actors":  testActors,
		"t.verbs":   testVerbs,
		"t.project": "comment line\n<optionsfile> t.options\n<actorsfile> t.actors\n<verbsfile> t.verbs\n<textfile> x.text\n",
	}
	dir := writeFiles(t, files)
	tests := []struct {
		name  string
		paths []string
	}{
		{"project", []string{filepath.Join(dir, "t.project")}},
		{"directory", []string{dir}},
		{"files", []string{filepath.Join(dir, "t.actors"), filepath.Join(dir, "t.verbs"), filepath.Join(dir, "t.options")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Load(tc.paths...)
			if d == nil {
				t.Fatalf("Load: %v", err)
			}
			if d.Options.MinWords != 5 {
				t.Errorf("MinWords = %d, want 5 (options read)", d.Options.MinWords)
			}
			if findRoot(d, "GOLLUM") == nil || findRoot(d, "ABANDON") == nil {
				t.Errorf("GOLLUM or ABANDON missing: actors and verbs not both read")
			}
			if !d.HasTime {
				t.Errorf("HasTime = false, want true")
			}
		})
	}
	if _, err := Load(filepath.Join(dir, "nope.actors")); err == nil {
		t.Errorf("Load of a missing file: got no error")
	}
}

func TestLoadProjectFS(t *testing.T) {
	fsys := fstest.MapFS{
		"d/p.project": {Data: []byte("<ac>a.actors</ac>\n<VERBSFILE> v.verbs\n")},
		"d/a.actors":  {Data: []byte("ARNOR [ARN]\n")},
		"d/v.verbs":   {Data: []byte("MEET [031]\n")},
	}
	d, err := LoadProject(fsys, "d/p.project")
	if err != nil {
		t.Fatal(err)
	}
	if findRoot(d, "ARNOR") == nil || findRoot(d, "MEET") == nil {
		t.Errorf("project files not loaded: %v", d.Files)
	}
	if _, err := LoadProject(fsys, "d/missing.project"); err == nil {
		t.Errorf("missing project: got no error")
	}
}
