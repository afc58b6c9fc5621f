// Package input reads the documents twintrack codes, from the formats
// users have them in, as a stream of twintrack.Document values:
//
//   - text: plain text, one document per file; the id is the file's path
//     (relative to the directory opened, without extension), the date
//     comes from Options.Date;
//   - jsonl: JSON Lines, one object per line with the keys "id", "date",
//     "url", "source", "title" and "text" (other keys are ignored; the id
//     may be a string or a number; dates in common forms, see ParseDate);
//   - tabari: TABARI text records ("YYMMDD ID" header line, body lines, an
//     empty line), read with package records;
//   - petrarch: PETRARCH XML, one document per <Sentence date="YYYYMMDD"
//     id="..." source="..."> element, its <Text>, or, when a record has
//     only a <Parse> tree, the tree's leaf words.
//
// Files are UTF-8 (a byte-order mark is dropped) or UTF-16 with a
// byte-order mark. Any of them may be gzip-compressed (recognised by its
// magic bytes), and a directory is read recursively in lexical order,
// skipping names that start with '.'. The format of each file is detected
// from its content unless Options.Format names it.
//
// Reading streams: one record is decoded at a time, so corpora larger than
// memory can be read. Bad records are reported as *Error values
// ("file:line: message") by Reader.Next, which skips them and goes on; the
// Summary counts documents read and records skipped.
//
// Every document returned has an id (a content hash, see ContentID, when
// the input gives none), an ISO date (YYYY-MM-DD) or none, and valid UTF-8
// in every field (invalid bytes are replaced by U+FFFD, so byte offsets
// computed on Document.Text stay valid in any UTF-8 output).
package input
