package export

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/twintrack/twintrack/store"
)

// export writes the new and rewritten partitions, commits the run in the
// store, removes the replaced files and writes the manifest.
func (r *run) export(ctx context.Context) error {
	pending, err := r.db.PendingExportDocs(ctx, r.x.ID)
	if err != nil {
		return err
	}
	r.sum.ExportID, r.sum.Full, r.sum.Documents = r.x.ID, r.full, len(pending)
	if !r.full && len(pending) == 0 {
		r.sum.UpToDate = true
		r.sum.Generation = r.x.Generation - 1
		r.totals(r.old)
		return nil
	}
	exported := map[string]int64{}
	if !r.full {
		if exported, err = r.db.ExportedDocs(ctx, r.x.ID); err != nil {
			return err
		}
	}
	// target is the coding run the data set is to hold of each document;
	// events of other runs (or of documents stored after this point) are
	// left for the next export.
	target := exported
	isPending := make(map[string]bool, len(pending))
	rewrite := map[string]bool{}
	for _, pd := range pending {
		target[pd.Key] = pd.LastRun
		isPending[pd.Key] = true
		if !r.full {
			for _, p := range pd.Exported.Partitions {
				rewrite[p] = true
			}
		}
	}
	r.sink = &sink{dir: r.opt.Dir, gen: r.x.Generation, progress: r.opt.Progress}
	keep := func(ev *store.ExportedEvent) bool {
		run, ok := target[ev.DocKey]
		return ok && run == ev.RunID
	}
	err = r.write(ctx, rewrite, isPending, keep)
	if err == nil {
		err = r.sink.close()
	}
	if err == nil {
		err = r.sink.sync()
	}
	if err != nil {
		r.sink.abort()
		return err
	}
	return r.commit(ctx, pending, rewrite)
}

// write runs the two passes: every current event of the partitions to
// rewrite, then the events of the pending documents in other partitions.
func (r *run) write(ctx context.Context, rewrite, isPending map[string]bool, keep func(*store.ExportedEvent) bool) error {
	by := r.opt.By
	if err := r.rewrite(ctx, rewrite, isPending, keep); err != nil {
		return err
	}
	q := store.ExportQuery{All: r.opt.All}
	if !r.full {
		q.ExportID = r.x.ID
	}
	for ev, err := range r.db.ExportEvents(ctx, q) {
		if err != nil {
			return err
		}
		if !isPending[ev.DocKey] || !keep(&ev) {
			continue
		}
		part, dated := by.partitionOf(ev.EventDate)
		if rewrite[part] {
			continue // written by the first pass
		}
		if err := r.add(part, dated, &ev, isPending); err != nil {
			return err
		}
	}
	return nil
}

// maxRanges is the most partition date ranges one rewrite query lists;
// beyond it the query reads every current event and the partitions are
// picked in Go.
const maxRanges = 500

// rewrite writes every current event of the partitions to rewrite: the
// dated ones with one query ordered by date (so each partition's events
// come together), the undated one with a scan in no order.
func (r *run) rewrite(ctx context.Context, parts, isPending map[string]bool, keep func(*store.ExportedEvent) bool) error {
	by := r.opt.By
	var ranges []store.ExportRange
	undated := false
	for _, p := range sorted(parts) {
		if from, before, ok := by.dateRange(p); ok {
			ranges = append(ranges, store.ExportRange{From: from, Before: before})
		} else {
			undated = true
		}
	}
	var queries []store.ExportQuery
	if len(ranges) > 0 {
		q := store.ExportQuery{All: r.opt.All, Ranges: ranges}
		if len(ranges) > maxRanges {
			q.Ranges = nil
		}
		queries = append(queries, q)
	}
	if undated {
		queries = append(queries, store.ExportQuery{All: r.opt.All, Unordered: true})
	}
	for _, q := range queries {
		for ev, err := range r.db.ExportEvents(ctx, q) {
			if err != nil {
				return err
			}
			part, dated := by.partitionOf(ev.EventDate)
			if !parts[part] || dated == q.Unordered || !keep(&ev) {
				continue
			}
			if err := r.add(part, dated, &ev, isPending); err != nil {
				return err
			}
		}
	}
	return nil
}

// add writes one event and notes its partition for its document.
func (r *run) add(part string, dated bool, ev *store.ExportedEvent, isPending map[string]bool) error {
	if isPending[ev.DocKey] && !slices.Contains(r.parts[ev.DocKey], part) {
		// A document's events span few partitions: a short list costs
		// less than a set per document on a store of millions.
		r.parts[ev.DocKey] = append(r.parts[ev.DocKey], part)
	}
	return r.sink.write(part, dated, &ev.Event)
}

// commit records the run in the store, then removes the replaced files
// and writes the manifest.
func (r *run) commit(ctx context.Context, pending []store.PendingDoc, rewrite map[string]bool) error {
	docs := make([]store.ExportDoc, len(pending))
	for i, pd := range pending {
		ps := r.parts[pd.Key]
		slices.Sort(ps)
		docs[i] = store.ExportDoc{Key: pd.Key, RunID: pd.LastRun, Partitions: ps}
	}
	var removed, keptFiles []store.ExportFile
	oldParts := map[string]bool{}
	for _, f := range r.old {
		oldParts[f.Partition] = true
		if r.full || rewrite[f.Partition] {
			removed = append(removed, f)
		} else {
			keptFiles = append(keptFiles, f)
		}
	}
	c := store.ExportCommit{Export: r.x, Docs: docs, Added: r.sink.written, Drop: r.drop}
	if !r.full {
		for _, f := range removed {
			c.Removed = append(c.Removed, f.Path)
		}
	}
	if err := r.db.CommitExport(ctx, c); err != nil {
		r.sink.abort()
		return err
	}
	// Committed: from here on a failure leaves files the next run removes.
	var errs []error
	for _, f := range removed {
		p := filepath.Join(r.opt.Dir, filepath.FromSlash(f.Path))
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		r.sum.FilesRemoved++
		removeEmptyDirs(r.opt.Dir, filepath.Dir(p))
	}
	live := append(keptFiles, r.sink.written...)
	sort.Slice(live, func(i, j int) bool { return live[i].Path < live[j].Path })
	r.classify(oldParts, rewrite)
	r.sum.Generation = r.x.Generation
	r.totals(live)
	m := &Manifest{Format: manifestFormat, ExportID: r.x.ID, PartitionBy: r.opt.By, All: r.opt.All,
		Generation: r.x.Generation, Updated: now(), Events: r.sum.TotalEvents}
	for _, f := range live {
		m.Files = append(m.Files, ManifestFile{Path: f.Path, Partition: f.Partition, Events: f.Events, Bytes: f.Bytes})
	}
	if err := writeManifest(r.opt.Dir, m); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// classify fills the summary's partition lists and counts.
func (r *run) classify(oldParts, rewrite map[string]bool) {
	written := map[string]bool{}
	for _, f := range r.sink.written {
		written[f.Partition] = true
		r.sum.Files++
		r.sum.Events += f.Events
		r.sum.Bytes += f.Bytes
	}
	rewritten := map[string]bool{}
	for p := range rewrite {
		rewritten[p] = true
	}
	for p := range written {
		switch {
		case rewrite[p] || (r.full && oldParts[p]):
			rewritten[p] = true
		case oldParts[p]:
			r.sum.AppendedPartitions = append(r.sum.AppendedPartitions, p)
		default:
			r.sum.NewPartitions = append(r.sum.NewPartitions, p)
		}
	}
	if r.full {
		for p := range oldParts {
			rewritten[p] = true
		}
	}
	r.sum.RewrittenPartitions = sorted(rewritten)
	sort.Strings(r.sum.AppendedPartitions)
	sort.Strings(r.sum.NewPartitions)
}

// totals fills the summary's description of the whole data set.
func (r *run) totals(live []store.ExportFile) {
	r.sum.TotalFiles = len(live)
	for _, f := range live {
		r.sum.TotalEvents += f.Events
		r.sum.TotalBytes += f.Bytes
	}
}

// removeEmptyDirs removes dir and its parents up to (not including) root
// while they are empty.
func removeEmptyDirs(root, dir string) {
	for dir != root && len(dir) > len(root) {
		if os.Remove(dir) != nil {
			return
		}
		dir = filepath.Dir(dir)
	}
}
