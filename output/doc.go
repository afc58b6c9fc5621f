// Package output writes events in the formats users load into their tools:
// JSON Lines (the record of design.md), TSV and CSV with a header row (the
// same names as the JSON fields; roles joined by ';'), and Phoenix (the 26
// OEDA columns, tab-separated, with a header row). Writers are created with
// New and must be closed; every table format writes its header even when
// there are no events.
//
// Formats that need third-party modules live in adapter packages (Parquet
// in package parquet) and are passed to NewWith as constructors, so that
// this package depends on the standard library only.
package output
