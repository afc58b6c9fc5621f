// Package cameo holds the CAMEO event-code table: every code's name,
// Goldstein value, QuadClass and PLOVER type, and Annotate, which fills
// those fields on an event from its code.
package cameo
