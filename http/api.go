package httpserver

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
)

// maxScan caps how many events an analysis (dyads, tracks, actor,
// network) reads; a request over more is refused with 400 and asked to
// narrow its range, so that no request can hold the server for long.
const maxScan = 500_000

// maxPeriods caps the periods of a panel whose range the request gives.
const maxPeriods = 10_000

// capped passes seq on, ending it with an error wrapping ErrInvalid after
// maxScan events.
func capped(seq iter.Seq2[twintrack.Event, error]) iter.Seq2[twintrack.Event, error] {
	return func(yield func(twintrack.Event, error) bool) {
		n := 0
		for ev, err := range seq {
			if err == nil {
				if n++; n > maxScan {
					yield(twintrack.Event{}, fmt.Errorf("%w: more than %d events match; narrow the date range (from=, to=)", ErrInvalid, maxScan))
					return
				}
			}
			if !yield(ev, err) || err != nil {
				return
			}
		}
	}
}

// both yields the events of fwd (a query from a to b), then those of bwd
// (from b to a) that fwd did not already yield (when the prefixes overlap,
// as JPN and JPNGOV do).
func (s *Server) both(ctx context.Context, a, b string, fwd, bwd Query) iter.Seq2[twintrack.Event, error] {
	return capped(func(yield func(twintrack.Event, error) bool) {
		fwd.Source, fwd.Target, fwd.Limit, fwd.Offset = a, b, 0, 0
		for ev, err := range s.store.Events(ctx, fwd) {
			if !yield(ev, err) || err != nil {
				return
			}
		}
		bwd.Source, bwd.Target, bwd.Limit, bwd.Offset = b, a, 0, 0
		for ev, err := range s.store.Events(ctx, bwd) {
			if err == nil && fwd.Match(&ev) {
				continue
			}
			if !yield(ev, err) || err != nil {
				return
			}
		}
	})
}

// EventPage is the body of GET /api/events: a page of events and where the
// next page starts (NextOffset and Next are absent on the last page).
type EventPage struct {
	Events     []twintrack.Event `json:"events"`
	Limit      int               `json:"limit"`
	Offset     int               `json:"offset"`
	NextOffset *int              `json:"next_offset,omitempty"`
	Next       string            `json:"next,omitempty"`
}

// page runs q asking for one event more than q.Limit, to know whether
// there is a next page.
func (s *Server) page(ctx context.Context, q Query, u *url.URL) (EventPage, error) {
	want := q.Limit
	q.Limit++
	p := EventPage{Events: []twintrack.Event{}, Limit: want, Offset: q.Offset}
	for ev, err := range s.store.Events(ctx, q) {
		if err != nil {
			return p, err
		}
		p.Events = append(p.Events, ev)
	}
	if len(p.Events) > want {
		p.Events = p.Events[:want]
		n := q.Offset + want
		p.NextOffset = &n
		v := u.Query()
		v.Set("offset", strconv.Itoa(n))
		p.Next = u.Path + "?" + v.Encode()
	}
	return p, nil
}

func (s *Server) apiEvents(w http.ResponseWriter, r *http.Request) {
	q, err := eventQuery(r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p, err := s.page(r.Context(), q, r.URL)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, p)
}

// EventDetail is the body of GET /api/events/{id}: the event and the
// documents that report it.
type EventDetail struct {
	Event   twintrack.Event `json:"event"`
	Reports []Report        `json:"reports"`
}

func (s *Server) eventDetail(ctx context.Context, id string) (EventDetail, error) {
	ev, err := s.store.Event(ctx, id)
	if err != nil {
		return EventDetail{}, err
	}
	reps, err := s.store.Reports(ctx, &ev)
	if err != nil {
		return EventDetail{}, err
	}
	if reps == nil {
		reps = []Report{}
	}
	return EventDetail{Event: ev, Reports: reps}, nil
}

func (s *Server) apiEvent(w http.ResponseWriter, r *http.Request) {
	d, err := s.eventDetail(r.Context(), r.PathValue("id"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, d)
}

// analysisRequest is what the dyad, twin-track, actor and network
// endpoints read.
type analysisRequest struct {
	a, b     string // the two actors (dyads, tracks)
	from, to string // YYYY-MM-DD or ""
	all      bool
	evidence int
	opt      analysis.Options
}

// readAnalysis reads by, from, to and all, and the actors named na and nb
// (both required when given).
func readAnalysis(v url.Values, na, nb string) (analysisRequest, error) {
	p := &params{v: v}
	d := analysisRequest{from: p.date("from", false), to: p.date("to", true), all: p.bool("all"),
		evidence: p.int("evidence", 5, 100)}
	by := analysis.Period(p.period("by", "year"))
	if na != "" {
		d.a, d.b = p.code(na), p.code(nb)
		if p.err == nil && (d.a == "" || d.b == "") {
			p.fail(na+"/"+nb, d.a+"/"+d.b, "both are required, e.g. "+na+"=JPN&"+nb+"=KHM")
		}
	}
	if p.err == nil && d.from != "" && d.to != "" && d.from > d.to {
		p.fail("to", v.Get("to"), "before from="+v.Get("from"))
	}
	if p.err != nil {
		return d, p.err
	}
	d.opt = analysis.Options{By: by, IncludeNegated: d.all, IncludeModal: d.all}
	d.opt.From, _ = time.Parse("2006-01-02", d.from)
	d.opt.To, _ = time.Parse("2006-01-02", d.to)
	if !d.opt.From.IsZero() && !d.opt.To.IsZero() {
		n := 0
		for t := by.Start(d.opt.From); !t.After(d.opt.To) && n <= maxPeriods; t = by.Next(t) {
			n++
		}
		if n > maxPeriods {
			p.fail("by", string(by), fmt.Sprintf("more than %d periods from %s to %s; choose a longer period or a shorter range", maxPeriods, d.from, d.to))
			return d, p.err
		}
	}
	return d, nil
}

// query returns the store query of the request's range. It asks for
// negated and modal events too: package analysis leaves them out unless
// the request says all=, and counts them in Result.Excluded.
func (d *analysisRequest) query() Query { return Query{From: d.from, To: d.to, All: true} }

// DyadPanels is the body of GET /api/dyads: the A→B and B→A panels, and
// how many matching events were left out as undated or as negated or
// modal.
type DyadPanels struct {
	By     analysis.Period  `json:"by"`
	Panels []analysis.Panel `json:"panels"`
	analysis.Result
}

// key identifies the request's answer in the cache.
func (d *analysisRequest) key(kind string) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%t|%d", kind, d.a, d.b, d.from, d.to, d.opt.By, d.all, d.evidence)
}

// cached answers a request from the cache or by computing it.
func cached[T any](ctx context.Context, s *Server, key string, compute func(context.Context) (T, error)) (T, error) {
	v, err := s.cache.get(ctx, key, func(ctx context.Context) (any, error) {
		if s.busy != nil {
			select {
			case s.busy <- struct{}{}:
				defer func() { <-s.busy }()
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		return compute(ctx)
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}

func (s *Server) dyads(ctx context.Context, d analysisRequest) (DyadPanels, error) {
	return cached(ctx, s, d.key("dyads"), func(ctx context.Context) (DyadPanels, error) { return s.dyadsNow(ctx, d) })
}

func (s *Server) dyadsNow(ctx context.Context, d analysisRequest) (DyadPanels, error) {
	if c := s.counter(); c != nil {
		if out, ok, err := s.countDyads(ctx, c, d); ok || err != nil {
			return out, err
		}
	}
	dyads := []analysis.Dyad{{Source: d.a, Target: d.b}, {Source: d.b, Target: d.a}}
	panels, res, err := analysis.Dyads(s.both(ctx, d.a, d.b, d.query(), d.query()), dyads, d.opt)
	if err != nil {
		return DyadPanels{}, err
	}
	return DyadPanels{By: d.opt.By, Panels: panels, Result: res}, nil
}

func (s *Server) apiDyads(w http.ResponseWriter, r *http.Request) {
	d, err := readAnalysis(r.URL.Query(), "source", "target")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.dyads(r.Context(), d)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, out)
}

// TrackRow is a period of the twin-track table with its opposition share
// opp/(gov+opp), null when both are zero.
type TrackRow struct {
	analysis.TrackRow
	OppShare *float64 `json:"opp_share"`
}

// Tracks is the body of GET /api/tracks: analysis.Tracks with the shares.
type Tracks struct {
	*analysis.Tracks
	Rows []TrackRow `json:"rows"`
}

func (s *Server) tracks(ctx context.Context, d analysisRequest) (Tracks, error) {
	return cached(ctx, s, d.key("tracks"), func(ctx context.Context) (Tracks, error) { return s.tracksNow(ctx, d) })
}

func (s *Server) tracksNow(ctx context.Context, d analysisRequest) (Tracks, error) {
	if c := s.counter(); c != nil {
		if t, ok, err := s.countTracks(ctx, c, d); err != nil {
			return Tracks{}, err
		} else if ok {
			return withShares(t), nil
		}
	}
	opt := analysis.TrackOptions{Options: d.opt, Evidence: d.evidence}
	// TwinTrack counts the sender's cooperative events (QuadClass 1-2)
	// and visit exchanges (042, 043) both ways; only those are read.
	fwd, bwd := d.query(), d.query()
	fwd.QuadClasses, bwd.Code = []int{1, 2}, "04"
	t, err := analysis.TwinTrack(s.both(ctx, d.a, d.b, fwd, bwd), d.a, d.b, opt)
	if err != nil {
		return Tracks{}, err
	}
	return withShares(t), nil
}

// withShares adds the opposition share to every row of t.
func withShares(t *analysis.Tracks) Tracks {
	out := Tracks{Tracks: t, Rows: make([]TrackRow, len(t.Rows))}
	for i, r := range t.Rows {
		out.Rows[i].TrackRow = r
		if share, ok := r.OppShare(); ok {
			out.Rows[i].OppShare = &share
		}
	}
	return out
}

func (s *Server) apiTracks(w http.ResponseWriter, r *http.Request) {
	d, err := readAnalysis(r.URL.Query(), "sender", "target")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	out, err := s.tracks(r.Context(), d)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, out)
}

// actor reads an actor page's parameters and profiles the actor.
func (s *Server) actor(ctx context.Context, code string, v url.Values) (ActorProfile, error) {
	d, err := readAnalysis(v, "", "")
	if err != nil {
		return ActorProfile{}, err
	}
	p := &params{v: url.Values{"actor": {code}, "top": v["top"]}}
	actor, top := p.code("actor"), p.int("top", 10, 100)
	if p.err == nil && actor == "" {
		p.fail("actor", code, "required, e.g. /api/actors/JPN")
	}
	if p.err != nil {
		return ActorProfile{}, p.err
	}
	d.a, d.evidence = actor, top
	return cached(ctx, s, d.key("actor"), func(ctx context.Context) (ActorProfile, error) {
		q := Query{Actor: actor, From: d.from, To: d.to, All: d.all}
		return profile(capped(s.store.Events(ctx, q)), actor, d.opt.By, top)
	})
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) {
	ap, err := s.actor(r.Context(), r.PathValue("code"), r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, ap)
}

func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) {
	d, err := readAnalysis(r.URL.Query(), "", "")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := &params{v: r.URL.Query()}
	level := analysis.Level(p.str("level"))
	switch level {
	case "":
		level = analysis.Countries
	case analysis.Countries, analysis.Actors:
	default:
		p.fail("level", string(level), "want country or actor")
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	d.a = string(level)
	g, err := cached(r.Context(), s, d.key("network"), func(ctx context.Context) (*analysis.Graph, error) {
		return analysis.Network(capped(s.store.Events(ctx, d.query())), analysis.NetworkOptions{Options: d.opt, Level: level})
	})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, g)
}

func (s *Server) apiDocuments(w http.ResponseWriter, r *http.Request) {
	if !s.authorize(w, r) {
		return
	}
	ing, ok := s.store.(Ingester)
	if !ok {
		s.jsonError(w, http.StatusNotImplemented, "this store cannot ingest documents")
		return
	}
	docs, err := ParseDocuments(http.MaxBytesReader(w, r.Body, s.max))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("body larger than %d bytes", s.max))
			return
		}
		s.fail(w, r, err)
		return
	}
	res, err := ing.IngestDocuments(r.Context(), docs)
	if res.Documents > 0 {
		s.cache.invalidate()
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, res)
}
