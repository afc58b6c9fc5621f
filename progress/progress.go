package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// IsTerminal reports whether f is a character device (a terminal), the
// condition for drawing a progress line on it.
func IsTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// State is what a progress line shows.
type State struct {
	Docs      int64 // documents done
	Total     int64 // documents in all; 0 when not (yet) known
	Sentences int64 // sentences done
	Events    int64 // events stored
	Elapsed   time.Duration
	// DocsOnly shows documents and documents per second only, for work
	// that has no sentences or events (queueing documents for workers).
	DocsOnly bool
}

// Line formats s as one line without a line ending, e.g.
//
//	1,200/10,000 docs (12%)  8,400 sentences  21,000 sent/s  1,050 events  0:04 left
//
// or, with DocsOnly,
//
//	1,200/10,000 docs (12%)  3,000 docs/s  0:03 left
func Line(s State) string {
	var b strings.Builder
	b.WriteString(group(s.Docs))
	if s.Total > 0 {
		fmt.Fprintf(&b, "/%s docs (%d%%)", group(s.Total), percent(s.Docs, s.Total))
	} else {
		b.WriteString(" docs")
	}
	if s.DocsOnly {
		if secs := s.Elapsed.Seconds(); secs > 0 {
			fmt.Fprintf(&b, "  %s docs/s", group(int64(float64(s.Docs)/secs)))
		}
		if left, ok := Left(s); ok {
			fmt.Fprintf(&b, "  %s left", clock(left))
		}
		return b.String()
	}
	fmt.Fprintf(&b, "  %s sentences", group(s.Sentences))
	if secs := s.Elapsed.Seconds(); secs > 0 {
		fmt.Fprintf(&b, "  %s sent/s", group(int64(float64(s.Sentences)/secs)))
	}
	fmt.Fprintf(&b, "  %s events", group(s.Events))
	if left, ok := Left(s); ok {
		fmt.Fprintf(&b, "  %s left", clock(left))
	}
	return b.String()
}

// Left estimates the time left from the rate so far; ok is false when it
// cannot (total unknown, nothing done yet).
func Left(s State) (time.Duration, bool) {
	if s.Total <= 0 || s.Docs <= 0 || s.Elapsed <= 0 {
		return 0, false
	}
	if s.Docs >= s.Total {
		return 0, true
	}
	perDoc := float64(s.Elapsed) / float64(s.Docs)
	return time.Duration(perDoc * float64(s.Total-s.Docs)), true
}

func percent(n, total int64) int64 {
	if n >= total {
		return 100
	}
	return n * 100 / total
}

// group writes n with thousands separators: 1234567 → "1,234,567".
func group(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// clock formats d as h:mm:ss or m:ss, rounded to the second.
func clock(d time.Duration) string {
	d = d.Round(time.Second)
	h, m, s := int(d/time.Hour), int(d/time.Minute)%60, int(d/time.Second)%60
	if h > 0 {
		return fmt.Sprintf("%d:%02d:%02d", h, m, s)
	}
	return fmt.Sprintf("%d:%02d", m, s)
}

// Bar redraws a progress line on a terminal. Its methods are safe for
// concurrent use; a nil *Bar does nothing.
type Bar struct {
	mu       sync.Mutex
	w        io.Writer
	every    time.Duration
	last     time.Time
	width    int // length of the last line drawn, to blank leftovers
	state    State
	finished bool
}

// New returns a bar drawing on w at most every interval (0: 200 ms), or
// nil — a bar that draws nothing — when w is not a terminal. force draws
// on any writer (tests, --progress).
func New(w io.Writer, interval time.Duration, force bool) *Bar {
	if !force {
		f, ok := w.(*os.File)
		if !ok || !IsTerminal(f) {
			return nil
		}
	}
	if interval <= 0 {
		interval = 200 * time.Millisecond
	}
	return &Bar{w: w, every: interval}
}

// SetTotal sets the number of documents, once known.
func (b *Bar) SetTotal(n int64) {
	if b == nil {
		return
	}
	b.mu.Lock()
	b.state.Total = n
	b.mu.Unlock()
}

// Update records the state and redraws when the interval has passed.
// The total is kept from SetTotal when s.Total is 0.
func (b *Bar) Update(s State) {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if s.Total == 0 {
		s.Total = b.state.Total
	}
	b.state = s
	if b.finished || time.Since(b.last) < b.every {
		return
	}
	b.draw()
}

func (b *Bar) draw() {
	line := Line(b.state)
	pad := ""
	if n := b.width - len(line); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprintf(b.w, "\r%s%s", line, pad)
	b.width = len(line)
	b.last = time.Now()
}

// Done draws the final state and ends the line.
func (b *Bar) Done() {
	if b == nil {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.finished {
		return
	}
	b.finished = true
	b.draw()
	fmt.Fprintln(b.w)
}
