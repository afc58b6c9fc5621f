package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/chart"
)

// runTracks measures twin-track engagement: per period, the sender's
// cooperative events with the target country's government side and with
// its opposition side, the opposition share, whether both tracks are active,
// the visit balance and the evidence.
//
//	twintrack tracks SENDER TARGET [--by year]
//	    [--roots 03,04,05 | --quad 1,2 | --plover CONSULT,AGREE,AID]
//	    [--from D] [--to D] [--format text|json|csv] [--plot FILE.svg]
//	    [--evidence N] [--baseline] [--all] [--events FILE | --db URL]
//
// --baseline adds every sender's totals with the same target, so that the
// sender can be compared with the others.
func runTracks(ctx context.Context, args []string, env *Env) error {
	fs := flag.NewFlagSet("tracks", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	by := fs.String("by", "year", "period: day, week, month or year")
	roots := fs.String("roots", "", "CAMEO roots or code prefixes that count as engagement, comma separated (e.g. 03,04,05)")
	quads := fs.String("quad", "", "QuadClasses that count as engagement, comma separated (default 1,2)")
	plover := fs.String("plover", "", "PLOVER types that count as engagement, comma separated (e.g. CONSULT,AGREE,SUPPORT,COOPERATE,AID)")
	format := fs.String("format", "text", "output format: text, json or csv")
	plot := fs.String("plot", "", "also draw the two tracks as an SVG chart in this file")
	evidence := fs.Int("evidence", 3, "evidence events to show per track and period (-1: all)")
	baseline := fs.Bool("baseline", false, "also summarise every other sender's engagement with TARGET, for comparison")
	ef := addEventFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: twintrack tracks SENDER TARGET [--by year] [--roots 03,04,05 | --quad 1,2 | --plover CONSULT,AID] [--from D] [--to D] [--format text|json|csv] [--plot FILE.svg] [--evidence N] [--baseline] [--all] [--events FILE | --db URL]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return exitError{code: 2}
	}
	if len(pos) != 2 {
		return usageError("tracks", "want SENDER and TARGET (e.g. tracks JPN KHM), got %d arguments", len(pos))
	}
	sender, target := strings.ToUpper(pos[0]), strings.ToUpper(pos[1])
	given := 0
	for _, f := range []string{*roots, *quads, *plover} {
		if f != "" {
			given++
		}
	}
	if given > 1 {
		return usageError("tracks", "give one of --roots, --quad and --plover, not several")
	}
	base, err := ef.options(*by)
	if err != nil {
		return usageError("tracks", "%v", err)
	}
	opt := analysis.TrackOptions{Options: base, Evidence: *evidence}
	if *roots != "" {
		for _, r := range splitList(*roots) {
			if r == "" || strings.Trim(r, "0123456789") != "" {
				return usageError("tracks", "bad root %q in --roots", r)
			}
			opt.Roots = append(opt.Roots, r)
		}
	}
	for _, p := range splitList(*plover) {
		opt.Plover = append(opt.Plover, strings.ToUpper(p))
	}
	for _, q := range splitList(*quads) {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1 || n > 4 {
			return usageError("tracks", "bad QuadClass %q in --quad (want 1 to 4)", q)
		}
		opt.QuadClasses = append(opt.QuadClasses, n)
	}
	switch *format {
	case "text", "json", "csv":
	default:
		return usageError("tracks", "unknown format %q (want text, json or csv)", *format)
	}
	// Both directions: the visit balance needs the target's visits to the sender.
	dyads := []analysis.Dyad{{Source: sender, Target: target}, {Source: target, Target: sender}}
	if *baseline {
		dyads = append(dyads, analysis.Dyad{Target: target})
	}
	events, finish, err := ef.open(ctx, env, dyads, opt.Options)
	if err != nil {
		return err
	}
	var others []analysis.SenderSummary
	if *baseline {
		// Two analyses over one read: keep the events that concern the target.
		var kept []twintrack.Event
		for ev, err := range events {
			if err != nil {
				finish()
				return err
			}
			if strings.HasPrefix(ev.Target, target) || strings.HasPrefix(ev.Source, target) {
				kept = append(kept, ev)
			}
		}
		if others, err = analysis.Baseline(analysis.Slice(kept), target, opt); err != nil {
			finish()
			return err
		}
		events = analysis.Slice(kept)
	}
	tr, err := analysis.TwinTrack(events, sender, target, opt)
	if err != nil {
		finish()
		return err
	}
	w := bufio.NewWriter(env.Stdout)
	switch *format {
	case "json":
		if *baseline {
			err = writeJSON(w, struct {
				*analysis.Tracks
				Baseline []analysis.SenderSummary `json:"baseline"`
			}{tr, others})
		} else {
			err = writeJSON(w, tr)
		}
	case "csv":
		err = writeTracksCSV(w, tr)
		if err == nil && *baseline {
			fmt.Fprintln(w)
			err = writeBaselineCSV(w, tr.Target, others)
		}
	default:
		writeTracksText(w, tr, &opt)
		if *baseline {
			writeBaselineText(w, tr, others)
		}
	}
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *plot != "" {
		if err := writeSVG(*plot, chart.Line, chart.TwinTrack(tr)); err != nil {
			return err
		}
	}
	if *format != "text" {
		reportLeftOut(env, tr.Result)
	}
	return finish()
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// share formats the opposition share of a row, "-" when undefined.
func share(r *analysis.TrackRow) string {
	if s, ok := r.OppShare(); ok {
		return strconv.FormatFloat(s, 'f', 2, 64)
	}
	return "-"
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// writeTracksText writes the table, the totals, the definitions and the
// evidence sentences.
func writeTracksText(w io.Writer, tr *analysis.Tracks, opt *analysis.TrackOptions) {
	what := "QuadClass 1,2 (cooperation)"
	if len(opt.Roots) > 0 {
		what = "roots " + strings.Join(opt.Roots, ",")
	} else if len(opt.Plover) > 0 {
		what = "PLOVER " + strings.Join(opt.Plover, ",")
	} else if len(opt.QuadClasses) > 0 {
		var qs []string
		for _, q := range opt.QuadClasses {
			qs = append(qs, strconv.Itoa(q))
		}
		what = "QuadClass " + strings.Join(qs, ",")
	}
	fmt.Fprintf(w, "%s engagement with %s government (GOV) and opposition (OPP), %s, by %s\n\n", tr.Sender, tr.Target, what, tr.By)
	fmt.Fprintf(w, "%-10s %5s %5s %5s %9s %10s %16s %16s\n", "period", "gov", "opp", "other", "opp share", "twin-track", "gov visits/hosts", "opp visits/hosts")
	row := func(r *analysis.TrackRow) {
		fmt.Fprintf(w, "%-10s %5d %5d %5d %9s %10s %16s %16s\n", r.Period, r.Gov, r.Opp, r.Other, share(r), yesNo(r.TwinTrack),
			fmt.Sprintf("%d/%d", r.GovVisits.Out, r.GovVisits.In), fmt.Sprintf("%d/%d", r.OppVisits.Out, r.OppVisits.In))
	}
	for i := range tr.Rows {
		row(&tr.Rows[i])
	}
	if len(tr.Rows) == 0 {
		fmt.Fprintln(w, "(no events)")
	}
	row(&tr.Total)
	fmt.Fprintf(w, "\ntwin-track periods: %d of %d with any engagement (%d periods)\n", tr.TwinTrackPeriods, tr.ActivePeriods, len(tr.Rows))
	fmt.Fprintf(w, "visits/hosts: %s went to that side (visits) / received it (hosts), from CAMEO 042 and 043 in both directions\n", tr.Sender)
	fmt.Fprintln(w, "other: engagement with target actors that are neither government nor opposition (not in the share)")
	if tr.Excluded > 0 || tr.Undated > 0 {
		fmt.Fprintf(w, "left out: %d negated, future or hypothetical events (--all counts them), %d undated events\n", tr.Excluded, tr.Undated)
	}
	first := true
	for _, r := range tr.Rows {
		if len(r.GovEvidence)+len(r.OppEvidence) == 0 {
			continue
		}
		if first {
			fmt.Fprintln(w, "\nevidence")
			first = false
		}
		fmt.Fprintf(w, "%s\n", r.Period)
		for _, side := range []struct {
			name string
			ev   []analysis.Evidence
		}{{"gov", r.GovEvidence}, {"opp", r.OppEvidence}} {
			for _, e := range side.ev {
				fmt.Fprintf(w, "  %s %s %s %s %s  [%s #%d %s]\n    %s\n", side.name, e.Date, e.Source, e.Code, e.Target,
					e.DocID, e.Sentence, e.EventID, oneLine(e.Text))
			}
		}
	}
}

// oneLine folds white space so that a sentence prints on one line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// writeTracksCSV writes one row per period and a total row.
func writeTracksCSV(w io.Writer, tr *analysis.Tracks) error {
	cw := csv.NewWriter(w)
	head := []string{"sender", "target", "period", "start", "gov", "opp", "other", "opp_share", "twin_track",
		"gov_visits", "gov_hosts", "opp_visits", "opp_hosts"}
	if err := cw.Write(head); err != nil {
		return err
	}
	rows := append(append([]analysis.TrackRow{}, tr.Rows...), tr.Total)
	for i := range rows {
		r := &rows[i]
		sh := ""
		if s, ok := r.OppShare(); ok {
			sh = strconv.FormatFloat(s, 'f', 4, 64)
		}
		rec := []string{tr.Sender, tr.Target, r.Period, r.Start, strconv.Itoa(r.Gov), strconv.Itoa(r.Opp), strconv.Itoa(r.Other),
			sh, strconv.FormatBool(r.TwinTrack), strconv.Itoa(r.GovVisits.Out), strconv.Itoa(r.GovVisits.In),
			strconv.Itoa(r.OppVisits.Out), strconv.Itoa(r.OppVisits.In)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeBaselineText writes every sender's totals, the analysed sender
// marked.
func writeBaselineText(w io.Writer, tr *analysis.Tracks, base []analysis.SenderSummary) {
	fmt.Fprintf(w, "\nbaseline: every sender's engagement with %s (same rules)\n", tr.Target)
	fmt.Fprintf(w, "  %-8s %5s %5s %5s %9s %17s\n", "sender", "gov", "opp", "other", "opp share", "twin-track/active")
	for i := range base {
		s := &base[i]
		mark := " "
		if strings.HasPrefix(tr.Sender, s.Sender) {
			mark = "*"
		}
		sh := "-"
		if v, ok := s.OppShare(); ok {
			sh = strconv.FormatFloat(v, 'f', 2, 64)
		}
		fmt.Fprintf(w, "%s %-8s %5d %5d %5d %9s %17s\n", mark, s.Sender, s.Gov, s.Opp, s.Other, sh,
			fmt.Sprintf("%d/%d", s.TwinTrackPeriods, s.ActivePeriods))
	}
	if len(base) == 0 {
		fmt.Fprintln(w, "  (no senders)")
	}
}

// writeBaselineCSV writes the baseline as a second CSV table, after a blank
// line.
func writeBaselineCSV(w io.Writer, target string, base []analysis.SenderSummary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"sender", "target", "gov", "opp", "other", "opp_share", "active_periods", "twin_track_periods"}); err != nil {
		return err
	}
	for i := range base {
		s := &base[i]
		sh := ""
		if v, ok := s.OppShare(); ok {
			sh = strconv.FormatFloat(v, 'f', 4, 64)
		}
		if err := cw.Write([]string{s.Sender, target, strconv.Itoa(s.Gov), strconv.Itoa(s.Opp), strconv.Itoa(s.Other), sh,
			strconv.Itoa(s.ActivePeriods), strconv.Itoa(s.TwinTrackPeriods)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
