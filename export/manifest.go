package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// ManifestName is the name of the manifest in an export's directory.
const ManifestName = "_twintrack_export.json"

// manifestFormat names the manifest's format and version.
const manifestFormat = "twintrack-export/1"

// Manifest is the JSON document _twintrack_export.json: which export of
// which store the directory holds, how it is partitioned, and its files.
// The store is the record the next export trusts; the manifest lets a
// person or a program see what the directory holds without the store.
//
//	{
//	  "format": "twintrack-export/1",
//	  "export_id": "5f0c2a9e1b7d4c3a",
//	  "partition_by": "month",
//	  "all": false,
//	  "generation": 2,
//	  "updated": "2026-11-29T08:00:00Z",
//	  "events": 1234,
//	  "files": [{"path": "year=2019/month=03/part-00001-9f2c41d0.parquet",
//	             "partition": "year=2019/month=03", "events": 17, "bytes": 9120}]
//	}
type Manifest struct {
	Format      string         `json:"format"`
	ExportID    string         `json:"export_id"`
	PartitionBy By             `json:"partition_by"`
	All         bool           `json:"all"`
	Generation  int            `json:"generation"`
	Updated     string         `json:"updated"`
	Events      int64          `json:"events"`
	Files       []ManifestFile `json:"files"`
}

// ManifestFile is one Parquet file of an export.
type ManifestFile struct {
	Path      string `json:"path"` // relative to the directory, slash-separated
	Partition string `json:"partition"`
	Events    int64  `json:"events"`
	Bytes     int64  `json:"bytes"`
}

// ReadManifest reads the manifest of dir. It returns (nil, nil) when dir
// has none; errors name the file and, for bad JSON, the line and column.
func ReadManifest(dir string) (*Manifest, error) {
	name := filepath.Join(dir, ManifestName)
	b, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseManifest(name, b)
}

// ParseManifest decodes a manifest; name is used in error messages
// ("name:line:col: message").
func ParseManifest(name string, b []byte) (*Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", position(name, b, dec.InputOffset(), err), cause(err))
	}
	var problems []string
	if m.Format != manifestFormat {
		problems = append(problems, fmt.Sprintf("format %q, want %q", m.Format, manifestFormat))
	}
	if m.ExportID == "" || strings.ContainsAny(m.ExportID, "/\\") {
		problems = append(problems, fmt.Sprintf("bad export_id %q", m.ExportID))
	}
	if _, err := ParseBy(string(m.PartitionBy)); err != nil {
		problems = append(problems, err.Error())
	}
	for i, f := range m.Files {
		if !localPath(f.Path) {
			problems = append(problems, fmt.Sprintf("files[%d]: path %q is not a relative path inside the directory", i, f.Path))
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%s:1:1: %s", name, strings.Join(problems, "; "))
	}
	return &m, nil
}

// localPath reports whether p is a slash-separated relative path that stays
// inside the directory.
func localPath(p string) bool {
	return p != "" && filepath.IsLocal(filepath.FromSlash(p)) && !strings.Contains(p, "\\")
}

// position turns the offset of a JSON error into "name:line:col".
func position(name string, b []byte, fallback int64, err error) string {
	off := fallback
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	off = max(0, min(off, int64(len(b))))
	line, col := 1, 1
	for _, c := range b[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%s:%d:%d", name, line, col)
}

// cause returns err, or a clearer error for an empty file.
func cause(err error) error {
	if errors.Is(err, io.EOF) {
		return errors.New("empty manifest")
	}
	return err
}

// writeManifest writes m to dir atomically (a temporary file renamed).
func writeManifest(dir string, m *Manifest) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, ManifestName), append(b, '\n'))
}

// writeAtomic writes b to a temporary file beside name, syncs it and
// renames it to name.
func writeAtomic(name string, b []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "_tmp-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
