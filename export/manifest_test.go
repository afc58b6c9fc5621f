package export

import (
	"strings"
	"testing"
)

func TestParseManifest(t *testing.T) {
	good := `{"format": "twintrack-export/1", "export_id": "ab12", "partition_by": "month", "all": false,
"generation": 2, "updated": "2026-11-29T08:00:00Z", "events": 3,
"files": [{"path": "year=2019/month=03/part-00001-9f2c41d0.parquet", "partition": "year=2019/month=03", "events": 3, "bytes": 100}]}`
	tests := []struct {
		name    string
		text    string
		wantErr string // a substring of the error; "" for none
	}{
		{"good", good, ""},
		{"syntax error with position", "{\n  \"format\": \"twintrack-export/1\",\n  \"export_id\" \"x\"\n}", "m.json:3:"},
		{"wrong type with position", "{\"format\": \"twintrack-export/1\",\n\"generation\": \"two\"}", "m.json:2:"},
		{"unknown field", `{"format": "twintrack-export/1", "extra": 1}`, "unknown field"},
		{"empty", "", "empty manifest"},
		{"wrong format", strings.Replace(good, "twintrack-export/1", "other/9", 1), `format "other/9"`},
		{"bad partition", strings.Replace(good, `"month"`, `"week"`, 1), "want year, month or day"},
		{"no id", strings.Replace(good, `"ab12"`, `""`, 1), "bad export_id"},
		{"escaping path", strings.Replace(good, "year=2019/month=03/part", "../../etc/part", 1), "not a relative path"},
		{"absolute path", strings.Replace(good, "year=2019/month=03/part", "/tmp/part", 1), "not a relative path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseManifest("m.json", []byte(tt.text))
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("got error %v, want none", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
			case tt.wantErr == "" && (m.ExportID != "ab12" || m.PartitionBy != Month || len(m.Files) != 1 || m.Files[0].Events != 3):
				t.Errorf("got %+v, want export ab12 by month with one file of 3 events", m)
			}
		})
	}
}

func TestManifestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	m := &Manifest{Format: manifestFormat, ExportID: "cafe", PartitionBy: Day, All: true, Generation: 7,
		Updated: "2026-11-29T08:00:00Z", Events: 5,
		Files: []ManifestFile{{Path: "year=2019/month=03/day=01/part-00007-00000000.parquet", Partition: "year=2019/month=03/day=01", Events: 5, Bytes: 42}}}
	if err := writeManifest(dir, m); err != nil {
		t.Fatal(err)
	}
	got, err := ReadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.ExportID != m.ExportID || got.PartitionBy != m.PartitionBy || !got.All || got.Generation != 7 || len(got.Files) != 1 || got.Files[0] != m.Files[0] {
		t.Errorf("read back %+v, want %+v", got, m)
	}
	if got, err := ReadManifest(t.TempDir()); got != nil || err != nil {
		t.Errorf("empty directory: got %v, %v; want nil, nil", got, err)
	}
}

// FuzzParseManifest checks that no input makes the parser panic, that
// errors carry the file name, and that accepted manifests keep their
// promises (known partitioning, paths inside the directory).
func FuzzParseManifest(f *testing.F) {
	f.Add([]byte(`{"format": "twintrack-export/1", "export_id": "a", "partition_by": "year", "files": [{"path": "year=2019/part-1.parquet"}]}`))
	f.Add([]byte(`{"format": "twintrack-export/1", "export_id": "a", "partition_by": "day", "files": [{"path": "../x"}]}`))
	f.Add([]byte("{\n\"format\": 1}"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseManifest("f.json", b)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.json:") {
				t.Errorf("error %q does not start with the file name", err)
			}
			return
		}
		if _, err := ParseBy(string(m.PartitionBy)); err != nil {
			t.Errorf("accepted partition_by %q", m.PartitionBy)
		}
		for _, f := range m.Files {
			if !localPath(f.Path) {
				t.Errorf("accepted path %q", f.Path)
			}
		}
	})
}
