// Package parquet writes events as Apache Parquet files, the format R
// (arrow), pandas, Polars, DuckDB and Spark load fastest. It is an adapter:
// the only package of twintrack that imports github.com/parquet-go/parquet-go.
//
// The schema has one column per field of the event record, with the JSON
// names, typed:
//
//	sentence, quad_class                      INT32
//	sentence_start ... verb_end (the spans)   INT64 byte offsets [start, end)
//	goldstein                                 DOUBLE
//	negated                                   BOOLEAN
//	source_roles, target_roles, issues        LIST of STRING (an empty list when none)
//	everything else, codes and dates included STRING (UTF-8); codes as written
//	                                          ("010"), dates as ISO YYYY-MM-DD
//
// Columns are zstd-compressed; the low-cardinality ones (codes, countries,
// dates, PLOVER types) are dictionary-encoded. Row groups hold at most
// 65,536 events, so memory stays bounded however many events are written.
//
// Commands obtain the writer through package output without output
// depending on this package:
//
//	w, err := output.NewWith(os.Stdout, format, output.Formats{"parquet": parquet.NewWriter})
package parquet
