package export

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/parquet"
	"github.com/twintrack/twintrack/store"
)

// partFile is one Parquet file being written under a temporary name.
type partFile struct {
	part   string // partition path
	rel    string // final path, relative to the directory, slash-separated
	tmp    string // temporary file name
	f      *os.File
	w      *parquet.Writer
	events int64
}

// sink writes the events of one export run into part files: one open file
// for the current dated partition (events arrive in date order) and one for
// the undated partition, which invalid dates can reach at any point.
type sink struct {
	dir      string
	gen      int
	cur      *partFile
	undated  *partFile
	written  []store.ExportFile
	events   int64
	progress func(events int64)
}

// write adds ev to the part file of partition part.
func (s *sink) write(part string, dated bool, ev *twintrack.Event) error {
	pf := s.cur
	if !dated {
		pf = s.undated
	}
	if pf == nil || pf.part != part {
		if pf != nil {
			if err := s.finish(pf); err != nil {
				return err
			}
		}
		var err error
		if pf, err = s.open(part); err != nil {
			return err
		}
		if dated {
			s.cur = pf
		} else {
			s.undated = pf
		}
	}
	if err := pf.w.Write(ev); err != nil {
		return fmt.Errorf("%s: %w", pf.tmp, err)
	}
	pf.events++
	s.events++
	if s.progress != nil && s.events%progressEvery == 0 {
		s.progress(s.events)
	}
	return nil
}

// progressEvery is how often, in events, the progress callback is called.
const progressEvery = 10000

// open starts a new part file in partition part.
func (s *sink) open(part string) (*partFile, error) {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		return nil, err
	}
	name := fmt.Sprintf("part-%05d-%s.parquet", s.gen, hex.EncodeToString(b[:]))
	dir := filepath.Join(s.dir, filepath.FromSlash(part))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.CreateTemp(dir, "_tmp-"+name+"-*.tmp")
	if err != nil {
		return nil, err
	}
	return &partFile{part: part, rel: path.Join(part, name), tmp: f.Name(), f: f, w: parquet.New(f)}, nil
}

// finish writes the file's footer and renames it into place. The file is
// complete when a reader can see it; it is made durable by sync, before
// the run commits.
func (s *sink) finish(pf *partFile) error {
	err := pf.w.Close()
	if cerr := pf.f.Close(); err == nil {
		err = cerr
	}
	final := filepath.Join(s.dir, filepath.FromSlash(pf.rel))
	if err == nil {
		err = os.Rename(pf.tmp, final)
	}
	if err != nil {
		os.Remove(pf.tmp)
		return fmt.Errorf("%s: %w", final, err)
	}
	st, err := os.Stat(final)
	if err != nil {
		return err
	}
	s.written = append(s.written, store.ExportFile{Path: pf.rel, Partition: pf.part, Events: pf.events,
		Bytes: st.Size(), Generation: s.gen})
	return nil
}

// close finishes the open files.
func (s *sink) close() error {
	for _, pf := range []*partFile{s.cur, s.undated} {
		if pf != nil {
			if err := s.finish(pf); err != nil {
				return err
			}
		}
	}
	s.cur, s.undated = nil, nil
	return nil
}

// syncWorkers is how many files sync flushes at once: the file system
// commits concurrent flushes together, so a run of hundreds of small files
// waits for a few journal commits rather than one per file.
const syncWorkers = 16

// sync makes the written files and their directory entries durable.
func (s *sink) sync() error {
	paths := map[string]bool{}
	for _, f := range s.written {
		p := filepath.Join(s.dir, filepath.FromSlash(f.Path))
		paths[p] = true
		for d := filepath.Dir(p); len(d) > len(s.dir); d = filepath.Dir(d) {
			paths[d] = true
		}
	}
	paths[s.dir] = true
	work := make(chan string)
	errs := make(chan error, len(paths))
	var wg sync.WaitGroup
	for i := 0; i < syncWorkers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				errs <- syncPath(p)
			}
		}()
	}
	for p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

// syncPath flushes one file or directory to disk.
func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", p, err)
	}
	return nil
}

// abort removes the temporary files of the open part files and the files
// written so far, after a failed run that commits nothing.
func (s *sink) abort() {
	for _, pf := range []*partFile{s.cur, s.undated} {
		if pf != nil {
			pf.f.Close()
			os.Remove(pf.tmp)
		}
	}
	for _, f := range s.written {
		os.Remove(filepath.Join(s.dir, filepath.FromSlash(f.Path)))
	}
	s.cur, s.undated, s.written = nil, nil, nil
}
