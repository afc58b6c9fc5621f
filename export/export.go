package export

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/twintrack/twintrack/store"
)

// Options say what to export where.
type Options struct {
	// Dir is the data set's directory; it is created when missing. A
	// directory that has no manifest must be empty.
	Dir string
	// By is the partition granularity. A later export of the same
	// directory must use the same one, unless Full is set.
	By By
	// All includes negated, hypothetical and future events (the data set
	// has the negated and modality columns to tell them apart). By
	// default, as 'twintrack events', they are left out. Fixed per
	// directory, like By.
	All bool
	// Full rewrites the whole data set under a new export id.
	Full bool
	// Progress, if not nil, is called with the number of events written
	// so far, every few thousand events.
	Progress func(events int64)
}

// Summary says what an export run did and what the directory now holds.
type Summary struct {
	ExportID   string
	Generation int  // export runs committed into this directory, this one included
	Full       bool // everything was (re)written
	UpToDate   bool // nothing had changed: nothing was written
	// Documents counts the documents taken in: new, or re-coded since the
	// last export.
	Documents int
	// Files, Events and Bytes are what this run wrote.
	Files  int
	Events int64
	Bytes  int64
	// The partitions this run wrote to, by what they were before: new
	// ones, existing ones that got another part file, and rewritten ones
	// (their old files replaced; a rewritten partition with no current
	// events left is removed).
	NewPartitions       []string
	AppendedPartitions  []string
	RewrittenPartitions []string
	// FilesRemoved counts the replaced files removed; Orphans lists the
	// files a crashed earlier run had left, removed before this one.
	FilesRemoved int
	Orphans      []string
	// TotalFiles, TotalEvents and TotalBytes describe the whole data set
	// after the run.
	TotalFiles  int
	TotalEvents int64
	TotalBytes  int64
}

// run is one export run's state.
type run struct {
	db    *store.DB
	opt   Options
	x     store.Export       // the export as it will be committed
	drop  string             // an export id the commit deletes (Full)
	old   []store.ExportFile // the live files before the run
	full  bool               // every document is written anew
	sum   Summary
	sink  *sink
	parts map[string][]string // pending document -> partitions written
}

// Run exports the current events of db into opt.Dir; see the package
// documentation for the layout and the incremental semantics.
func Run(ctx context.Context, db *store.DB, opt Options) (Summary, error) {
	if _, err := ParseBy(string(opt.By)); err != nil {
		return Summary{}, err
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return Summary{}, err
	}
	unlock, err := lockDir(opt.Dir)
	if err != nil {
		return Summary{}, err
	}
	defer unlock()
	m, err := ReadManifest(opt.Dir)
	if err != nil {
		return Summary{}, err
	}
	r := &run{db: db, opt: opt, parts: map[string][]string{}}
	if err := r.prepare(ctx, m); err != nil {
		return Summary{}, err
	}
	if err := r.cleanup(); err != nil {
		return r.sum, err
	}
	if err := r.export(ctx); err != nil {
		return r.sum, err
	}
	return r.sum, nil
}

// prepare finds the export the directory holds, or starts a new one.
func (r *run) prepare(ctx context.Context, m *Manifest) error {
	fresh := store.Export{ID: newID(), Dir: r.opt.Dir, PartitionBy: string(r.opt.By), All: r.opt.All, Generation: 1}
	if m == nil {
		entries, err := os.ReadDir(r.opt.Dir)
		if err != nil {
			return err
		}
		if len(entries) > 1 || (len(entries) == 1 && entries[0].Name() != LockName) {
			return fmt.Errorf("%s: not empty and has no %s: export into a new or empty directory", r.opt.Dir, ManifestName)
		}
		r.x, r.full = fresh, true
		return nil
	}
	x, files, err := r.db.Export(ctx, m.ExportID)
	switch {
	case errors.Is(err, store.ErrNoExport):
		if !r.opt.Full {
			return fmt.Errorf("%s: holds export %s, which this store has no record of (exported from another store?); --full rewrites it",
				filepath.Join(r.opt.Dir, ManifestName), m.ExportID)
		}
		for _, f := range m.Files {
			r.old = append(r.old, store.ExportFile{Path: f.Path, Partition: f.Partition, Events: f.Events, Bytes: f.Bytes})
		}
		fresh.Generation = m.Generation + 1
		r.x, r.full = fresh, true
		return nil
	case err != nil:
		return err
	}
	r.old = files
	if r.opt.Full {
		fresh.Generation = x.Generation + 1
		r.x, r.full, r.drop = fresh, true, x.ID
		return nil
	}
	if x.PartitionBy != string(r.opt.By) {
		return fmt.Errorf("%s: partitioned by %s, not %s: use --partition %s, or --full to rewrite it",
			r.opt.Dir, x.PartitionBy, r.opt.By, x.PartitionBy)
	}
	if x.All != r.opt.All {
		return fmt.Errorf("%s: exported %s negated, hypothetical and future events: use the same --all, or --full to rewrite it",
			r.opt.Dir, map[bool]string{true: "with", false: "without"}[x.All])
	}
	x.Dir = r.opt.Dir
	x.Generation++
	r.x = x
	return nil
}

// cleanup removes what a crashed run left (temporary files, part files
// the store does not list) and checks that every listed file is there.
func (r *run) cleanup() error {
	live := map[string]bool{}
	for _, f := range r.old {
		live[f.Path] = true
	}
	err := filepath.WalkDir(r.opt.Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(r.opt.Dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		name := d.Name()
		ours := strings.HasPrefix(name, "_tmp-") ||
			(strings.Contains(rel, "/") && strings.HasPrefix(name, "part-") && strings.HasSuffix(name, ".parquet"))
		if !ours || live[rel] {
			return nil
		}
		if err := os.Remove(p); err != nil {
			return err
		}
		r.sum.Orphans = append(r.sum.Orphans, rel)
		return nil
	})
	if err != nil {
		return fmt.Errorf("clean up %s: %w", r.opt.Dir, err)
	}
	if r.full {
		return nil
	}
	var missing []string
	for _, f := range r.old {
		if _, err := os.Stat(filepath.Join(r.opt.Dir, filepath.FromSlash(f.Path))); err != nil {
			missing = append(missing, f.Path)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: %d exported files are missing (first %s): --full rewrites the data set",
			r.opt.Dir, len(missing), missing[0])
	}
	return nil
}

// newID returns a random export id.
func newID() string {
	var b [8]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}

// sorted returns the keys of a set, sorted.
func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// now is the time the manifest records.
func now() string { return time.Now().UTC().Format(time.RFC3339) }
