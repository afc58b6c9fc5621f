// Package text splits plain text into sentences and words, keeping byte
// offsets into the original, unmodified input on every piece.
package text
