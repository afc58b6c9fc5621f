package httpserver

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/twintrack/twintrack"
)

// maxScan caps how many events an aggregate (dyads, tracks, actor,
// network) reads; a request over more is refused with 400 and asked to
// narrow its range, so that no request can make the server hold the whole
// store in memory.
const maxScan = 500_000

// scan reads every event matching q, refusing more than maxScan.
func (s *Server) scan(ctx context.Context, q Query) ([]twintrack.Event, error) {
	q.Offset, q.Limit = 0, maxScan+1
	evs, err := s.store.Events(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(evs) > maxScan {
		return nil, fmt.Errorf("%w: more than %d events match; narrow the date range (from=, to=)", ErrInvalid, maxScan)
	}
	return evs, nil
}

// EventPage is the body of GET /api/events: a page of events and where the
// next page starts (NextOffset is absent on the last page).
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
	evs, err := s.store.Events(ctx, q)
	if err != nil {
		return EventPage{}, err
	}
	p := EventPage{Events: evs, Limit: want, Offset: q.Offset}
	if len(evs) > want {
		p.Events = evs[:want]
		n := q.Offset + want
		p.NextOffset = &n
		v := u.Query()
		v.Set("offset", strconv.Itoa(n))
		p.Next = u.Path + "?" + v.Encode()
	}
	if p.Events == nil {
		p.Events = []twintrack.Event{}
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
	reps, err := s.store.Reports(ctx, id)
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

// dyadRequest is what the dyad and twin-track endpoints read.
type dyadRequest struct {
	a, b, by, from, to string
	all                bool
	evidence           int
}

// readDyad reads the two actors (under the names na and nb, both
// required), by, from, to, all and evidence.
func readDyad(v url.Values, na, nb string) (dyadRequest, error) {
	p := &params{v: v}
	d := dyadRequest{
		a: p.code(na), b: p.code(nb), by: p.period("by", "year"),
		from: p.date("from", false), to: p.date("to", true),
		all: p.bool("all"), evidence: p.int("evidence", 5, 100),
	}
	if p.err == nil && (d.a == "" || d.b == "") {
		p.fail(na+"/"+nb, d.a+"/"+d.b, "both are required, e.g. "+na+"=JPN&"+nb+"=KHM")
	}
	if p.err == nil && d.from != "" && d.to != "" && d.from > d.to {
		p.fail("to", v.Get("to"), "before from="+v.Get("from"))
	}
	return d, p.err
}

// DyadPanels is the body of GET /api/dyads: the A→B and B→A panels.
type DyadPanels struct {
	By     string  `json:"by"`
	Panels []Panel `json:"panels"`
}

func (s *Server) dyads(ctx context.Context, d dyadRequest) (DyadPanels, error) {
	out := DyadPanels{By: d.by}
	var all [2][]twintrack.Event
	var dates []string
	for i, pair := range [2][2]string{{d.a, d.b}, {d.b, d.a}} {
		evs, err := s.scan(ctx, Query{Source: pair[0], Target: pair[1], From: d.from, To: d.to, All: d.all})
		if err != nil {
			return out, err
		}
		all[i] = evs
		for j := range evs {
			dates = append(dates, evs[j].EventDate)
		}
	}
	ps, err := periodRange(d.from, d.to, dates, d.by)
	if err != nil {
		return out, err
	}
	out.Panels = []Panel{
		buildPanel(d.a, d.b, d.by, ps, all[0]),
		buildPanel(d.b, d.a, d.by, ps, all[1]),
	}
	return out, nil
}

func (s *Server) apiDyads(w http.ResponseWriter, r *http.Request) {
	d, err := readDyad(r.URL.Query(), "source", "target")
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

func (s *Server) tracks(ctx context.Context, d dyadRequest) (Tracks, error) {
	evs, err := s.scan(ctx, Query{Source: d.a, Target: d.b, From: d.from, To: d.to, All: d.all})
	if err != nil {
		return Tracks{}, err
	}
	dates := make([]string, len(evs))
	for i := range evs {
		dates[i] = evs[i].EventDate
	}
	ps, err := periodRange(d.from, d.to, dates, d.by)
	if err != nil {
		return Tracks{}, err
	}
	return buildTracks(d.a, d.b, d.by, ps, evs, d.evidence), nil
}

func (s *Server) apiTracks(w http.ResponseWriter, r *http.Request) {
	d, err := readDyad(r.URL.Query(), "sender", "target")
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
	p := &params{v: url.Values{"actor": {code}, "by": v["by"], "from": v["from"], "to": v["to"], "top": v["top"], "all": v["all"]}}
	actor, by := p.code("actor"), p.period("by", "year")
	from, to := p.date("from", false), p.date("to", true)
	top, all := p.int("top", 10, 100), p.bool("all")
	if p.err == nil && actor == "" {
		p.fail("actor", code, "required, e.g. /api/actors/JPN")
	}
	if p.err != nil {
		return ActorProfile{}, p.err
	}
	evs, err := s.scan(ctx, Query{Actor: actor, From: from, To: to, All: all})
	if err != nil {
		return ActorProfile{}, err
	}
	return buildActor(actor, by, evs, top), nil
}

func (s *Server) apiActor(w http.ResponseWriter, r *http.Request) {
	ap, err := s.actor(r.Context(), r.PathValue("code"), r.URL.Query())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, ap)
}

// Network is the body of GET /api/network.
type Network struct {
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	Level string `json:"level"`
	Edges []Edge `json:"edges"`
}

func (s *Server) apiNetwork(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	n := Network{From: p.date("from", false), To: p.date("to", true), Level: p.str("level")}
	top, all := p.int("top", 100, MaxLimit), p.bool("all")
	switch n.Level {
	case "":
		n.Level = "country"
	case "country", "actor":
	default:
		p.fail("level", n.Level, "want country or actor")
	}
	if p.err != nil {
		s.fail(w, r, p.err)
		return
	}
	evs, err := s.scan(r.Context(), Query{From: n.From, To: n.To, All: all})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	n.Edges = buildNetwork(evs, n.Level == "actor", top)
	s.writeJSON(w, http.StatusOK, n)
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
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, res)
}
