// Package chart draws line and bar charts as SVG on the server, with the
// standard library only: dyad panels over time and the two lines of a
// twin-track table (engagement with the government and with the
// opposition).
//
// Output is deterministic: the same chart gives the same bytes (fixed
// palette, coordinates rounded to one decimal), so pages can be cached and
// tests compare golden files. Text is XML-escaped. A value that is NaN (an
// undefined share, say) leaves a gap in a line and no bar.
package chart
