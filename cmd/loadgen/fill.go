package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/twintrack/twintrack"
	"github.com/twintrack/twintrack/cameo"
	"github.com/twintrack/twintrack/store"
	"github.com/twintrack/twintrack/store/dburl"
)

// countries are the synthetic actors' countries, most reported first:
// a country's share of events falls as 1/rank (Zipf), as in news data.
var countries = strings.Fields(`USA CHN RUS GBR FRA DEU JPN IND ISR IRN PAK UKR TUR SYR KOR PRK
	AUS CAN BRA MEX EGY SAU IRQ AFG ITA ESP POL NGA ZAF KEN ETH IDN PHL THA VNM MMR KHM LAO MYS SGP
	BGD LKA NPL ARG CHL COL VEN CUB SDN SOM LBY DZA MAR TUN JOR LBN YEM QAT ARE`)

// roles are an actor's role with its weight; "" is the country itself.
var roles = []struct {
	role   string
	weight int
}{{"GOV", 45}, {"", 20}, {"OPP", 8}, {"MIL", 10}, {"BUS", 7}, {"MED", 5}, {"CVL", 5}}

// codes are the CAMEO codes drawn, with cooperation more frequent than
// conflict as in real data.
var codes = strings.Fields(`010 012 013 020 031 036 036 040 040 042 043 043 046 050 051 057 061 071 073
	080 090 100 111 112 120 130 138 141 160 163 172 173 180 190 193 195`)

// focus is the dyad given extra events in both directions, so that the
// twin-track measure has something to show: twinShare of all events.
const twinShare = 0.005

type gen struct {
	r      *rand.Rand
	cum    []float64 // cumulative Zipf weights of countries
	roleW  int
	serial int
}

func newGen(seed uint64) *gen {
	g := &gen{r: rand.New(rand.NewPCG(seed, seed^0x5eed))}
	sum := 0.0
	for i := range countries {
		sum += 1 / float64(i+1)
		g.cum = append(g.cum, sum)
	}
	for _, r := range roles {
		g.roleW += r.weight
	}
	return g
}

func (g *gen) country() string {
	x := g.r.Float64() * g.cum[len(g.cum)-1]
	for i, c := range g.cum {
		if x < c {
			return countries[i]
		}
	}
	return countries[len(countries)-1]
}

func (g *gen) role() string {
	x := g.r.IntN(g.roleW)
	for _, r := range roles {
		if x < r.weight {
			return r.role
		}
		x -= r.weight
	}
	return ""
}

// event makes one synthetic event in document doc, sentence i.
func (g *gen) event(doc *twintrack.Document, i int, date string) twintrack.Event {
	src, tgt := g.country(), g.country()
	for tgt == src {
		tgt = g.country()
	}
	if g.r.Float64() < twinShare {
		src, tgt = "JPN", "KHM"
		if g.r.IntN(4) == 0 {
			src, tgt = tgt, src
		}
	}
	sr, tr := g.role(), g.role()
	code := codes[g.r.IntN(len(codes))]
	g.serial++
	srcText, verb, tgtText := src+" "+strings.ToLower(sr), "acted ("+code+") toward", tgt+" "+strings.ToLower(tr)
	sentence := fmt.Sprintf("In synthetic report %d, %s %s %s.", g.serial, srcText, verb, tgtText)
	start := len(doc.Text)
	if start > 0 {
		doc.Text += " "
		start++
	}
	doc.Text += sentence
	at := func(s string) twintrack.Span {
		k := strings.Index(sentence, s)
		return twintrack.Span{Start: start + k, End: start + k + len(s)}
	}
	ev := twintrack.Event{
		DocID: doc.ID, Sentence: i, DocDate: doc.Date, EventDate: date, DatePrecision: "day",
		Source: src + sr, Target: tgt + tr, SourceCountry: src, TargetCountry: tgt,
		SourceRoles: list(sr), TargetRoles: list(tr), Code: code,
		SourceText: srcText, VerbText: verb, TargetText: tgtText, SentenceText: sentence,
		Spans: twintrack.EventSpans{Sentence: twintrack.Span{Start: start, End: start + len(sentence)},
			Source: at(srcText), Verb: at(verb), Target: at(tgtText)},
	}
	switch x := g.r.IntN(100); {
	case x < 3:
		ev.Negated = true
	case x < 5:
		ev.Modality = "hypothetical"
	case x < 8:
		ev.Modality = "future"
	}
	cameo.Annotate(&ev)
	return ev
}

func list(r string) []string {
	if r == "" {
		return []string{}
	}
	return []string{r}
}

// fill writes n synthetic events, 1 to 4 per document, dated uniformly
// from 1979 to 2024, in batches of 2,000 documents.
func fill(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("fill", flag.ContinueOnError)
	db := fs.String("db", "", "store to fill: an SQLite file or a postgres:// URL (required)")
	n := fs.Int("events", 1_000_000, "number of events")
	seed := fs.Uint64("seed", 1, "random seed")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *db == "" {
		return fmt.Errorf("fill: --db is required")
	}
	st, err := dburl.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	run, err := st.StartRun(ctx, store.RunInfo{DictHash: fmt.Sprintf("synthetic-%d", *seed), Dictionaries: "synthetic", Coder: "loadgen"})
	if err != nil {
		return err
	}
	g := newGen(*seed)
	first := time.Date(1979, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC).Sub(first).Hours() / 24)
	start := time.Now()
	var batch []store.CodedDocument
	total, docs := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if _, err := st.Write(ctx, run.ID, batch); err != nil {
			return err
		}
		batch = batch[:0]
		return nil
	}
	for total < *n {
		if err := ctx.Err(); err != nil {
			return err
		}
		date := first.AddDate(0, 0, g.r.IntN(days+1)).Format("2006-01-02")
		docs++
		doc := twintrack.Document{ID: fmt.Sprintf("syn-%d-%08d", *seed, docs), Date: date,
			URL: fmt.Sprintf("https://example.org/synthetic/%d", docs), Source: "Synthetic Wire"}
		k := min(1+g.r.IntN(4), *n-total)
		cd := store.CodedDocument{Sentences: k}
		for i := range k {
			cd.Events = append(cd.Events, g.event(&doc, i, date))
		}
		cd.Doc = doc
		batch = append(batch, cd)
		total += k
		if len(batch) == 2000 {
			if err := flush(); err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "\rloadgen: %d events", total)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(os.Stderr, "\rloadgen: wrote %d events in %d documents in %s (%.0f events/s)\n",
		total, docs, el.Round(time.Millisecond), float64(total)/el.Seconds())
	return nil
}
