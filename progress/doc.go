// Package progress draws a one-line progress report on a terminal:
// documents done (of how many, when known), sentences per second and the
// time left. It redraws in place with a carriage return, at most a few
// times a second, and writes nothing at all when its output is not a
// terminal (see IsTerminal), so that logs and pipes stay clean.
package progress
