package httpserver

import (
	"bytes"
	"html/template"
	"io"

	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/chart"
)

// svg draws c with draw (chart.Line or chart.Bar) for a page. Package
// chart escapes every text it writes, so its output is trusted HTML.
func svg(draw func(io.Writer, *chart.Chart) error, c *chart.Chart) (template.HTML, error) {
	var b bytes.Buffer
	if err := draw(&b, c); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// actorChart charts an actor's events per period by QuadClass.
func actorChart(ap ActorProfile) *chart.Chart {
	names := []string{"verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}
	c := &chart.Chart{Title: ap.Actor + " events per " + string(ap.By) + " by QuadClass", YLabel: "events"}
	vals := make([][]float64, len(names))
	for q := range vals {
		vals[q] = make([]float64, len(ap.Roots))
	}
	for i, pc := range ap.Roots {
		c.Labels = append(c.Labels, pc.Period)
		for root, n := range pc.Counts {
			if q := cameo.QuadClass(root); q > 0 {
				vals[q-1][i] += float64(n)
			}
		}
	}
	for q, name := range names {
		c.Series = append(c.Series, chart.Series{Name: name, Values: vals[q]})
	}
	return c
}
