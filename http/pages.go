package httpserver

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/chart"
)

// pageNames lists the page templates; each is parsed with layout.html.
var pageNames = []string{"events", "event", "dyads", "tracks", "actor", "error"}

// templateFuncs are the functions the page templates call.
func templateFuncs() template.FuncMap {
	return template.FuncMap{
		"pct": func(f *float64) string {
			if f == nil {
				return ""
			}
			return fmt.Sprintf("%.0f%%", 100**f)
		},
		"mean": func(r analysis.Row) string {
			if m, ok := r.GoldsteinMean(); ok {
				return fmtNum(m)
			}
			return ""
		},
		"join": strings.Join,
		"num":  fmtNum,
		// byOptions lists the periods a chart can be drawn by.
		"byOptions": func() []string { return []string{"year", "month", "week", "day"} },
	}
}

func parseTemplates() (map[string]*template.Template, error) {
	m := make(map[string]*template.Template, len(pageNames))
	for _, n := range pageNames {
		t, err := template.New(n).Funcs(templateFuncs()).ParseFS(files, "templates/layout.html", "templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("httpserver: parse template %s: %w", n, err)
		}
		m[n] = t
	}
	return m, nil
}

// eventItem is an event as the pages show it: its sentence cut into
// highlighted segments and its reports.
type eventItem struct {
	twintrack.Event
	Segments []Segment
	Reports  []Report
}

// pageData is what every page template gets; page-specific data goes in
// the embedded fields of the handlers' own structs.
type pageData struct {
	Title string
	Nav   string     // the nav entry to mark as current
	Form  url.Values // the request's parameters, to refill the form
	Error string     // a bad-parameter message shown above the results
}

// errorMessage returns the status and client-facing message of a bad
// request, to show on the page with the form. For any other error it
// answers with the error page itself and returns ok false.
func (s *Server) errorMessage(w http.ResponseWriter, r *http.Request, err error) (status int, msg string, ok bool) {
	code, m := s.status(r, err)
	if code == http.StatusBadRequest {
		return code, m, true
	}
	s.failPage(w, r, err)
	return 0, "", false
}

func (s *Server) pageEvents(w http.ResponseWriter, r *http.Request) {
	data := struct {
		pageData
		Items      []eventItem
		Offset     int
		Prev, Next string
	}{pageData: pageData{Title: "Events", Nav: "events", Form: r.URL.Query()}}
	status := http.StatusOK
	q, err := eventQuery(r.URL.Query())
	if err == nil {
		var p EventPage
		if p, err = s.page(r.Context(), q, r.URL); err == nil {
			data.Offset = q.Offset
			data.Next = p.Next
			if q.Offset > 0 {
				v := r.URL.Query()
				v.Set("offset", strconv.Itoa(max(0, q.Offset-q.Limit)))
				data.Prev = r.URL.Path + "?" + v.Encode()
			}
			for i := range p.Events {
				it := eventItem{Event: p.Events[i], Segments: Highlight(&p.Events[i])}
				if it.Reports, err = s.store.Reports(r.Context(), &p.Events[i]); err != nil {
					break
				}
				data.Items = append(data.Items, it)
			}
		}
	}
	if err != nil {
		var ok bool
		if status, data.Error, ok = s.errorMessage(w, r, err); !ok {
			return
		}
	}
	s.render(w, r, status, "events", data)
}

func (s *Server) pageEvent(w http.ResponseWriter, r *http.Request) {
	d, err := s.eventDetail(r.Context(), r.PathValue("id"))
	if err != nil {
		s.failPage(w, r, err)
		return
	}
	it := eventItem{Event: d.Event, Segments: Highlight(&d.Event), Reports: d.Reports}
	s.render(w, r, http.StatusOK, "event", struct {
		pageData
		Item eventItem
	}{pageData{Title: "Event " + it.EventID, Nav: "events"}, it})
}

func (s *Server) pageDyads(w http.ResponseWriter, r *http.Request) {
	type panelView struct {
		analysis.Panel
		Chart template.HTML
	}
	data := struct {
		pageData
		Panels []panelView
	}{pageData: pageData{Title: "Dyads", Nav: "dyads", Form: r.URL.Query()}}
	status := http.StatusOK
	if r.URL.Query().Get("source") != "" || r.URL.Query().Get("target") != "" {
		d, err := readAnalysis(r.URL.Query(), "source", "target")
		var out DyadPanels
		if err == nil {
			out, err = s.dyads(r.Context(), d)
		}
		if err != nil {
			var ok bool
			if status, data.Error, ok = s.errorMessage(w, r, err); !ok {
				return
			}
		}
		for _, p := range out.Panels {
			c, err := svg(chart.Bar, chart.PanelQuadClass(p))
			if err != nil {
				s.failPage(w, r, err)
				return
			}
			data.Panels = append(data.Panels, panelView{p, c})
		}
	}
	s.render(w, r, status, "dyads", data)
}

// trackView is a row of the twin-track page with links to the events
// behind its counts.
type trackView struct {
	TrackRow
	GovLink, OppLink string
}

// trackLink returns the events page of one track of a period: the
// sender's cooperative events toward targets with the role.
func trackLink(t Tracks, r TrackRow, role string) string {
	start, _ := time.Parse("2006-01-02", r.Start)
	end := t.By.Next(start).AddDate(0, 0, -1)
	v := url.Values{"source": {t.Sender}, "target": {t.Target}, "target_role": {role}, "quad": {"1,2"},
		"from": {r.Start}, "to": {end.Format("2006-01-02")}}
	return "/events?" + v.Encode()
}

func (s *Server) pageTracks(w http.ResponseWriter, r *http.Request) {
	data := struct {
		pageData
		Tracks *Tracks
		Rows   []trackView
		Chart  template.HTML
	}{pageData: pageData{Title: "Twin-track", Nav: "tracks", Form: r.URL.Query()}}
	status := http.StatusOK
	if r.URL.Query().Get("sender") != "" || r.URL.Query().Get("target") != "" {
		d, err := readAnalysis(r.URL.Query(), "sender", "target")
		var t Tracks
		if err == nil {
			d.evidence = 3
			t, err = s.tracks(r.Context(), d)
		}
		if err != nil {
			var ok bool
			if status, data.Error, ok = s.errorMessage(w, r, err); !ok {
				return
			}
		} else {
			if data.Chart, err = svg(chart.Line, chart.TwinTrack(t.Tracks)); err != nil {
				s.failPage(w, r, err)
				return
			}
			data.Tracks = &t
			for _, row := range t.Rows {
				data.Rows = append(data.Rows, trackView{row, trackLink(t, row, "GOV"), trackLink(t, row, "OPP")})
			}
		}
	}
	s.render(w, r, status, "tracks", data)
}

// rootTable is a period × root (or role) table for the actor page.
type rootTable struct {
	Columns []string
	Rows    []rootRow
}

type rootRow struct {
	Period string
	Cells  []int
}

func table(pcs []PeriodCounts) rootTable {
	seen := map[string]bool{}
	var t rootTable
	for _, pc := range pcs {
		for k := range pc.Counts {
			if !seen[k] {
				seen[k] = true
				t.Columns = append(t.Columns, k)
			}
		}
	}
	sort.Strings(t.Columns)
	for _, pc := range pcs {
		row := rootRow{Period: pc.Period, Cells: make([]int, len(t.Columns))}
		for i, c := range t.Columns {
			row.Cells[i] = pc.Counts[c]
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func (s *Server) pageActor(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if code == "" {
		code = r.URL.Query().Get("actor")
	}
	form := r.URL.Query()
	form.Set("actor", code)
	data := struct {
		pageData
		Profile      *ActorProfile
		Chart        template.HTML
		Roots, Roles rootTable
	}{pageData: pageData{Title: "Actor", Nav: "actors", Form: form}}
	status := http.StatusOK
	if code != "" {
		ap, err := s.actor(r.Context(), code, r.URL.Query())
		if err != nil {
			var ok bool
			if status, data.Error, ok = s.errorMessage(w, r, err); !ok {
				return
			}
		} else {
			data.Title = "Actor " + ap.Actor
			if data.Chart, err = svg(chart.Line, actorChart(ap)); err != nil {
				s.failPage(w, r, err)
				return
			}
			data.Profile = &ap
			data.Roots, data.Roles = table(ap.Roots), table(ap.Roles)
		}
	}
	s.render(w, r, status, "actor", data)
}

// fmtNum prints whole numbers without decimals and others with two.
func fmtNum(v float64) string {
	if v == math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
