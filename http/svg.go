package httpserver

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/twintrack/twintrack/analysis"
	"github.com/twintrack/twintrack/cameo"
)

// series is one line of a chart.
type series struct {
	Name   string
	Color  string
	Values []float64
}

// Chart geometry, in SVG user units.
const (
	chartW, chartH                   = 720, 260
	padL, padR, padT, padB           = 48, 16, 28, 44
	maxXLabels, maxMarkers, legendDx = 10, 80, 130
)

// lineChart draws series over the labelled periods as an SVG line chart:
// a frame, y ticks at 0, half and the maximum, up to ten period labels,
// one path per series (with square markers when there are few periods) and
// a legend. Every piece of text is escaped, so the result is safe to put
// in a page as is. Output depends only on the arguments.
func lineChart(title string, labels []string, ss []series) template.HTML {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-label="%s">`,
		chartW, chartH, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<title>%s</title>`, template.HTMLEscapeString(title))
	plotW, plotH := float64(chartW-padL-padR), float64(chartH-padT-padB)
	fmt.Fprintf(&b, `<rect class="frame" x="%d" y="%d" width="%g" height="%g" fill="none" stroke="#999"/>`, padL, padT, plotW, plotH)

	max := 0.0
	for _, s := range ss {
		for _, v := range s.Values {
			max = math.Max(max, v)
		}
	}
	if max <= 0 {
		max = 1
	}
	y := func(v float64) float64 { return float64(padT) + plotH - v/max*plotH }
	x := func(i int) float64 {
		if len(labels) <= 1 {
			return float64(padL) + plotW/2
		}
		return float64(padL) + float64(i)*plotW/float64(len(labels)-1)
	}
	for _, v := range []float64{0, max / 2, max} {
		fmt.Fprintf(&b, `<line x1="%d" x2="%g" y1="%.1f" y2="%.1f" stroke="#ddd"/>`, padL, float64(padL)+plotW, y(v), y(v))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" font-size="11">%s</text>`, padL-4, y(v)+4, fmtNum(v))
	}
	step := 1
	if len(labels) > maxXLabels {
		step = (len(labels) + maxXLabels - 1) / maxXLabels
	}
	for i := 0; i < len(labels); i += step {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" font-size="11">%s</text>`,
			x(i), chartH-padB+16, template.HTMLEscapeString(labels[i]))
	}
	for k, s := range ss {
		if len(s.Values) == 0 {
			continue
		}
		var d strings.Builder
		for i, v := range s.Values {
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%.1f %.1f ", cmd, x(i), y(v))
		}
		fmt.Fprintf(&b, `<path class="series" data-series="%s" d="%s" fill="none" stroke="%s" stroke-width="2"/>`,
			template.HTMLEscapeString(s.Name), strings.TrimSpace(d.String()), s.Color)
		if len(s.Values) <= maxMarkers {
			for i, v := range s.Values {
				fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="5" height="5" fill="%s"><title>%s %s: %s</title></rect>`,
					x(i)-2.5, y(v)-2.5, s.Color, template.HTMLEscapeString(s.Name),
					template.HTMLEscapeString(labels[i]), fmtNum(v))
			}
		}
		lx := padL + k*legendDx
		fmt.Fprintf(&b, `<rect x="%d" y="8" width="12" height="12" fill="%s"/><text x="%d" y="18" font-size="12">%s</text>`,
			lx, s.Color, lx+16, template.HTMLEscapeString(s.Name))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// fmtNum prints whole numbers without decimals and others with two.
func fmtNum(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.2f", v)
}

// Colours of the QuadClasses and of the two tracks.
var (
	quadColors  = [4]string{"#2b8a3e", "#1971c2", "#e67700", "#c92a2a"}
	quadNames   = [4]string{"verbal coop.", "material coop.", "verbal conflict", "material conflict"}
	trackColors = [2]string{"#1971c2", "#c2255c"}
)

// panelChart draws a dyad panel: one line per QuadClass.
func panelChart(p analysis.Panel) template.HTML {
	labels := make([]string, len(p.Rows))
	ss := make([]series, 4)
	for q := range ss {
		ss[q] = series{Name: quadNames[q], Color: quadColors[q], Values: make([]float64, len(p.Rows))}
	}
	for i, r := range p.Rows {
		labels[i] = r.Period
		for q := range ss {
			ss[q].Values[i] = float64(r.QuadClass[q])
		}
	}
	return lineChart(p.Dyad.Source+" → "+p.Dyad.Target+" events per "+string(p.By), labels, ss)
}

// tracksChart draws the government and opposition tracks.
func tracksChart(t Tracks) template.HTML {
	labels := make([]string, len(t.Rows))
	gov := series{Name: "government", Color: trackColors[0], Values: make([]float64, len(t.Rows))}
	opp := series{Name: "opposition", Color: trackColors[1], Values: make([]float64, len(t.Rows))}
	for i, r := range t.Rows {
		labels[i] = r.Period
		gov.Values[i], opp.Values[i] = float64(r.Gov), float64(r.Opp)
	}
	return lineChart(t.Sender+" → "+t.Target+" cooperation by track per "+string(t.By), labels, []series{gov, opp})
}

// actorChart draws an actor's events per period by QuadClass.
func actorChart(ap ActorProfile) template.HTML {
	labels := make([]string, len(ap.Roots))
	ss := make([]series, 4)
	for q := range ss {
		ss[q] = series{Name: quadNames[q], Color: quadColors[q], Values: make([]float64, len(ap.Roots))}
	}
	for i, pc := range ap.Roots {
		labels[i] = pc.Period
		for root, n := range pc.Counts {
			if q := cameo.QuadClass(root); q > 0 {
				ss[q-1].Values[i] += float64(n)
			}
		}
	}
	return lineChart(ap.Actor+" events per "+string(ap.By), labels, ss)
}
