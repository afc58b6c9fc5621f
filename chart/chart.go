package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
)

// Series is one named line or set of bars, one value per label of its chart.
type Series struct {
	Name   string
	Values []float64
}

// Chart is the data and layout of a chart.
type Chart struct {
	Title  string
	YLabel string
	// Labels name the points along the x axis, in order.
	Labels []string
	Series []Series
	// Width and Height are the size in pixels; zero means 720 by 320.
	Width, Height int
}

// palette gives the colours of the series, in order (Okabe–Ito, readable
// by colour-blind users); it repeats after the last.
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"}

// margins around the plot area.
const (
	marginLeft   = 56
	marginRight  = 16
	marginTop    = 40
	marginBottom = 64
	maxXLabels   = 12
)

// check validates the chart's shape.
func (c *Chart) check() error {
	for _, s := range c.Series {
		if len(s.Values) != len(c.Labels) {
			return fmt.Errorf("chart: series %q has %d values for %d labels", s.Name, len(s.Values), len(c.Labels))
		}
	}
	if c.Width < 0 || c.Height < 0 {
		return errors.New("chart: negative size")
	}
	return nil
}

// frame holds the geometry of one rendering.
type frame struct {
	c            *Chart
	w, h         float64
	x0, x1       float64 // plot area, left and right
	y0, y1       float64 // plot area, top and bottom
	lo, hi, step float64 // y axis range and tick step
}

func newFrame(c *Chart, zeroBased bool) *frame {
	f := &frame{c: c, w: float64(c.Width), h: float64(c.Height)}
	if f.w == 0 {
		f.w = 720
	}
	if f.h == 0 {
		f.h = 320
	}
	f.x0, f.x1 = marginLeft, f.w-marginRight
	f.y0, f.y1 = marginTop, f.h-marginBottom
	lo, hi := math.Inf(1), math.Inf(-1)
	integers := true
	for _, s := range c.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
				integers = integers && v == math.Trunc(v)
			}
		}
	}
	if math.IsInf(lo, 1) { // no values
		lo, hi = 0, 1
	}
	if zeroBased {
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	if hi == lo {
		hi = lo + 1
	}
	f.step = niceStep((hi - lo) / 5)
	if integers && f.step < 1 {
		f.step = 1 // counts get whole-number ticks
	}
	f.lo = math.Floor(lo/f.step) * f.step
	f.hi = math.Ceil(hi/f.step) * f.step
	return f
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// y maps a value to its vertical coordinate.
func (f *frame) y(v float64) float64 {
	return f.y1 - (v-f.lo)/(f.hi-f.lo)*(f.y1-f.y0)
}

// slot returns the width of one label's slot and the centre of slot i.
func (f *frame) slot(i int) (width, centre float64) {
	n := len(f.c.Labels)
	if n == 0 {
		return f.x1 - f.x0, (f.x0 + f.x1) / 2
	}
	width = (f.x1 - f.x0) / float64(n)
	return width, f.x0 + width*(float64(i)+0.5)
}

// num formats a coordinate or value with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10+0, 'f', -1, 64)
}

// esc returns s escaped for XML text and attributes.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s)) // writing to a bytes.Buffer cannot fail
	return b.String()
}

// open writes the SVG header, title, axes, grid and x labels.
func (f *frame) open(b *bytes.Buffer) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="sans-serif" font-size="11">`+"\n",
		num(f.w), num(f.h), num(f.w), num(f.h))
	fmt.Fprintf(b, "<title>%s</title>\n", esc(f.c.Title))
	fmt.Fprintf(b, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(f.w), num(f.h))
	fmt.Fprintf(b, `<text x="%s" y="20" font-size="14" font-weight="bold">%s</text>`+"\n", num(f.x0), esc(f.c.Title))
	// Horizontal grid lines with their values.
	ticks := int(math.Round((f.hi - f.lo) / f.step))
	for k := 0; k <= ticks; k++ {
		v := f.lo + float64(k)*f.step
		y := num(f.y(v))
		fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#dddddd"/>`+"\n", num(f.x0), y, num(f.x1), y)
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n",
			num(f.x0-6), y, esc(strconv.FormatFloat(math.Round(v*1000)/1000+0, 'f', -1, 64)))
	}
	if f.c.YLabel != "" {
		fmt.Fprintf(b, `<text transform="translate(14,%s) rotate(-90)" text-anchor="middle">%s</text>`+"\n",
			num((f.y0+f.y1)/2), esc(f.c.YLabel))
	}
	// The x axis: at zero when zero is inside the range.
	ax := f.y1
	if f.lo < 0 && f.hi > 0 {
		ax = f.y(0)
	}
	fmt.Fprintf(b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333333"/>`+"\n", num(f.x0), num(ax), num(f.x1), num(ax))
	every := (len(f.c.Labels) + maxXLabels - 1) / maxXLabels
	for i, l := range f.c.Labels {
		if i%max(every, 1) != 0 {
			continue
		}
		_, x := f.slot(i)
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="end" transform="rotate(-45 %s %s)">%s</text>`+"\n",
			num(x), num(f.y1+14), num(x), num(f.y1+14), esc(l))
	}
	if len(f.c.Labels) == 0 {
		fmt.Fprintf(b, `<text x="%s" y="%s" text-anchor="middle">no data</text>`+"\n", num((f.x0+f.x1)/2), num((f.y0+f.y1)/2))
	}
}

// legend writes the series names with their colours, under the x labels.
func (f *frame) legend(b *bytes.Buffer) {
	x := f.x0
	for i, s := range f.c.Series {
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="10" height="10" fill="%s"/>`+"\n", num(x), num(f.h-16), palette[i%len(palette)])
		fmt.Fprintf(b, `<text x="%s" y="%s">%s</text>`+"\n", num(x+14), num(f.h-7), esc(s.Name))
		x += 28 + 7*float64(len(s.Name))
	}
}

// Line writes c as a line chart: one polyline per series, broken at NaN
// values, with a dot on each point.
func Line(w io.Writer, c *Chart) error {
	if err := c.check(); err != nil {
		return err
	}
	f := newFrame(c, true)
	var b bytes.Buffer
	f.open(&b)
	for i, s := range c.Series {
		colour := palette[i%len(palette)]
		fmt.Fprintf(&b, `<g class="series" data-name="%s" stroke="%s" fill="%s">`+"\n", esc(s.Name), colour, colour)
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				fmt.Fprintf(&b, `<polyline fill="none" stroke-width="2" points="%s"/>`+"\n", join(pts))
			}
			pts = pts[:0]
		}
		for k, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				flush()
				continue
			}
			_, x := f.slot(k)
			pts = append(pts, num(x)+","+num(f.y(v)))
		}
		flush()
		for k, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			_, x := f.slot(k)
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="2.5"><title>%s %s: %s</title></circle>`+"\n",
				num(x), num(f.y(v)), esc(s.Name), esc(c.Labels[k]), num(v))
		}
		b.WriteString("</g>\n")
	}
	f.legend(&b)
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// Bar writes c as a grouped bar chart: for each label, one bar per series
// side by side, from zero.
func Bar(w io.Writer, c *Chart) error {
	if err := c.check(); err != nil {
		return err
	}
	f := newFrame(c, true)
	var b bytes.Buffer
	f.open(&b)
	n := max(len(c.Series), 1)
	for i, s := range c.Series {
		colour := palette[i%len(palette)]
		fmt.Fprintf(&b, `<g class="series" data-name="%s" fill="%s">`+"\n", esc(s.Name), colour)
		for k, v := range s.Values {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				continue
			}
			width, centre := f.slot(k)
			bw := width * 0.8 / float64(n)
			x := centre - width*0.4 + bw*float64(i)
			top, bottom := f.y(math.Max(v, 0)), f.y(math.Min(v, 0))
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s"><title>%s %s: %s</title></rect>`+"\n",
				num(x), num(top), num(bw), num(bottom-top), esc(s.Name), esc(c.Labels[k]), num(v))
		}
		b.WriteString("</g>\n")
	}
	f.legend(&b)
	b.WriteString("</svg>\n")
	_, err := w.Write(b.Bytes())
	return err
}

func join(pts []string) string {
	var b bytes.Buffer
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p)
	}
	return b.String()
}
