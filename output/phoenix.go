package output

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/twintrack/twintrack"
)

// PhoenixColumns are the 26 columns of the Phoenix (OEDA) event format, in
// the order of phoenix_pipeline's postprocess step. twintrack writes them
// with a header row, which the original files lack.
var PhoenixColumns = []string{
	"EventID", "Date", "Year", "Month", "Day",
	"SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
	"TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
	"EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
	"Lat", "Lon", "LocationName", "StateName", "CountryCode",
	"SentenceID", "URLs", "NewsSources",
}

// PhoenixRow returns the event's fields in the order of PhoenixColumns:
//   - Date is the event date (else the report date) as YYYYMMDD, split
//     into Year, Month and Day;
//   - the actor Entity is the country (or IGO/NGO/...) code, Role the first
//     role code and Attribute the second, as Phoenix cuts them from the
//     full code;
//   - Issues is "ISSUE,count;..." in first-seen order;
//   - SentenceID is doc_id "_" sentence index, URLs the document URL,
//     NewsSources the document source;
//   - the geolocation columns are empty (twintrack does not geolocate).
func PhoenixRow(ev *twintrack.Event) []string {
	date := ev.EventDate
	if date == "" {
		date = ev.DocDate
	}
	ymd := strings.ReplaceAll(date, "-", "")
	var y, m, d string
	if len(ymd) == 8 {
		y, m, d = ymd[:4], ymd[4:6], ymd[6:]
	}
	role := func(roles []string, i int) string {
		if i < len(roles) {
			return roles[i]
		}
		return ""
	}
	return []string{
		ev.EventID, ymd, y, m, d,
		ev.Source, ev.SourceCountry, role(ev.SourceRoles, 0), role(ev.SourceRoles, 1),
		ev.Target, ev.TargetCountry, role(ev.TargetRoles, 0), role(ev.TargetRoles, 1),
		ev.Code, ev.Root, strconv.Itoa(ev.QuadClass), strconv.FormatFloat(ev.Goldstein, 'f', -1, 64),
		issueCounts(ev.Issues),
		"", "", "", "", "",
		ev.DocID + "_" + strconv.Itoa(ev.Sentence), ev.URL, ev.DocSource,
	}
}

// issueCounts formats issues as Phoenix does: "ISSUE,count" joined by ';'.
func issueCounts(issues []string) string {
	if len(issues) == 0 {
		return ""
	}
	count := map[string]int{}
	var order []string
	for _, is := range issues {
		if count[is] == 0 {
			order = append(order, is)
		}
		count[is]++
	}
	parts := make([]string, len(order))
	for i, is := range order {
		parts[i] = is + "," + strconv.Itoa(count[is])
	}
	return strings.Join(parts, ";")
}

// phoenixWriter writes Phoenix rows, tab-separated, with a header row.
type phoenixWriter struct {
	cw     *csv.Writer
	header bool
}

func newPhoenix(w io.Writer) *phoenixWriter {
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	return &phoenixWriter{cw: cw}
}

func (p *phoenixWriter) writeHeader() error {
	if p.header {
		return nil
	}
	p.header = true
	return p.cw.Write(PhoenixColumns)
}

func (p *phoenixWriter) Write(ev *twintrack.Event) error {
	if err := p.writeHeader(); err != nil {
		return err
	}
	row := PhoenixRow(ev)
	for i, f := range row {
		row[i] = validUTF8(oneLine(f))
	}
	return p.cw.Write(row)
}

func (p *phoenixWriter) Close() error {
	if err := p.writeHeader(); err != nil {
		return err
	}
	p.cw.Flush()
	return p.cw.Error()
}
