// Package analysis turns coded events into the measures analysts ask for:
// dyad panels (A→B events per period, zero-filled: Dyads), twin-track
// engagement (a sender's cooperation with a target country's government and
// with its opposition, period by period: TwinTrack, and every sender's
// totals for comparison: Baseline) and actor networks (Network, written as
// GraphML or CSV). Deduplicate keeps one report per happening, or applies
// the one-a-day filter, with the store's rules.
//
// Everything here is a pure function of a sequence of events, so the command
// line, the store and the web server share one implementation. Sequences are
// iter.Seq2[twintrack.Event, error] — what store.Reader.Events yields; Slice
// wraps a slice and DecodeEvents reads an events JSON Lines file (what
// "twintrack code" writes). An error from the sequence stops the analysis and
// is returned.
//
// Common rules:
//
//   - An event is dated by its event_date, else its doc_date (YYYY-MM-DD).
//     Events with neither are counted as undated and left out.
//   - Negated events and events with a modality (future or hypothetical)
//     did not happen, or not yet; they are left out unless Options says
//     otherwise.
//   - Actors are selected by prefixes of their codes: "JPN" is every
//     Japanese actor, "JPNGOV" Japan's government and everything under it.
//   - Periods are days, ISO weeks (Monday to Sunday, labelled "2019-W11"),
//     calendar months ("2019-03") or years ("2019"). Panels cover every
//     period of the requested range, with zero rows where nothing happened.
//     An event dated with a coarser precision than the period (a "month"
//     date in a daily panel) falls into the period of its first day and is
//     also counted in the row's Imprecise field, so users can see it.
package analysis
