// Package output writes events in the formats users load into their tools:
// JSON Lines (the record of design.md), TSV and CSV with a header row, and
// more. Writers are created with New and must be closed.
package output
