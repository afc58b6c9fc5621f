package dict

import "time"

// Day is a calendar date as a day number (days since 1 January 1970), the
// form in which dates are compared.
type Day int

// MakeDay returns the day number of year/month/day. Out-of-range days roll
// over into the next month, as Go's time.Date does.
func MakeDay(year, month, day int) Day {
	u := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Unix()
	if u < 0 {
		return Day((u - 86399) / 86400)
	}
	return Day(u / 86400)
}

// Date returns the calendar date of the day number.
func (d Day) Date() (year, month, day int) {
	t := time.Unix(int64(d)*86400+43200, 0).UTC()
	return t.Year(), int(t.Month()), t.Day()
}

// ISO formats the day as YYYY-MM-DD.
func (d Day) ISO() string {
	return time.Unix(int64(d)*86400+43200, 0).UTC().Format("2006-01-02")
}

// ParseDigits reads a TABARI date: 6 digits YYMMDD (years 00-29 are
// 2000-2029, 30-99 are 1930-1999) or 8 digits YYYYMMDD. It reports false
// when the string is not such a date or the month or day is out of range.
func ParseDigits(s string) (Day, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	var y, m, d int
	switch len(s) {
	case 6:
		y = num(s[:2])
		if y < 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, d = num(s[2:4]), num(s[4:6])
	case 8:
		y, m, d = num(s[:4]), num(s[4:6]), num(s[6:8])
		if y < 1850 || y > 2030 {
			return 0, false
		}
	default:
		return 0, false
	}
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return MakeDay(y, m, d), true
}

// FormatDigits writes the day as YYMMDD (six digits) or YYYYMMDD.
func (d Day) FormatDigits(width int) string {
	t := time.Unix(int64(d)*86400+43200, 0).UTC()
	if width == 8 {
		return t.Format("20060102")
	}
	return t.Format("060102")
}
