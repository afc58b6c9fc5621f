// Package export writes the events of a store as a Hive-partitioned Parquet
// data set that DuckDB, Spark, Trino and BigQuery read without conversion:
//
//	DIR/_twintrack_export.json                       the manifest (see manifest.go)
//	DIR/year=2019/month=03/part-00001-9f2c41d0.parquet
//	DIR/year=2019/month=04/part-00001-5b7e0a13.parquet
//	DIR/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__/part-...
//
// Events are partitioned by the year, month or day of their event date
// (Options.By). An event whose date is not a YYYY-MM-DD date goes to the
// partition named __HIVE_DEFAULT_PARTITION__ at every level, the name Hive,
// Spark and DuckDB read as NULL. The files hold the columns of the event
// record as package parquet writes them; the partition columns (year,
// month, day) are only in the paths, so engines that add them from the path
// (DuckDB's hive_partitioning, Spark's partition discovery) find no
// conflicting column in the files.
//
// A file is written under a temporary name (_tmp-...parquet.tmp, which
// neither Spark nor a *.parquet glob reads) and renamed into place once
// complete, so a reader never sees half a file; all the run's files are
// synced to disk before the run commits. Names starting with "_" are
// bookkeeping that Spark and DuckDB's *.parquet globs ignore.
//
// Exports are incremental. The store records what each export holds
// (migrations/0004_exports.sql): the coding run of every exported document,
// the partitions its events went to, and the live files. A later export of
// the same directory
//
//   - writes the events of documents stored since as new part files, in new
//     or existing partitions, without touching the files already there;
//   - rewrites the partitions that hold events of re-coded documents (a
//     newer coding run made their events non-current): every current event
//     of such a partition is written to new files and the old files of the
//     partition are removed, so no stale event is left behind;
//   - with Options.Full, rewrites everything under a new export id.
//
// The run is committed in the store after the new files are in place and
// before old ones are removed, in one transaction; files that a crashed run
// left behind (written but not committed, or replaced but not yet removed)
// are removed by the next run. Readers that list the directory while an
// export runs may see a rewritten partition's old and new files together
// for a moment: there is no atomic swap of many files without a table
// format. A run holds a lock on the directory (_twintrack_export.lock,
// flock(2)), and the store refuses the commit of a run that another run of
// the same export overtook, so two runs never both add the same events.
package export
