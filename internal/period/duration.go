// Package period reads and writes the spans of time a readiness
// configuration and a plan hold: durations (RPO and RTO: 15m, 4h, 7d),
// dates, and AWS Backup schedules (cron and rate expressions) as the
// longest gap between two runs.
package period

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseDuration reads a recovery objective such as "15m", "1h", "4h30m",
// "1d" or "1w": numbers each followed by a unit, s, m, h, d (24h) or w
// (7d). "0" means no data loss or downtime at all.
func ParseDuration(s string) (time.Duration, error) {
	text := strings.TrimSpace(s)
	if text == "0" {
		return 0, nil
	}
	if text == "" {
		return 0, fmt.Errorf("empty duration (want a number and a unit, like \"1h\")")
	}
	var total time.Duration
	for text != "" {
		i := 0
		for i < len(text) && (text[i] >= '0' && text[i] <= '9' || text[i] == '.') {
			i++
		}
		if i == 0 || i == len(text) {
			return 0, fmt.Errorf("invalid duration %q (want numbers with units s, m, h, d or w, like \"1h\" or \"1d12h\")", s)
		}
		n, err := strconv.ParseFloat(text[:i], 64)
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q (want numbers with units s, m, h, d or w, like \"1h\" or \"1d12h\")", s)
		}
		var unit time.Duration
		switch text[i] {
		case 's':
			unit = time.Second
		case 'm':
			unit = time.Minute
		case 'h':
			unit = time.Hour
		case 'd':
			unit = 24 * time.Hour
		case 'w':
			unit = 7 * 24 * time.Hour
		default:
			return 0, fmt.Errorf("invalid duration %q: unknown unit %q (want s, m, h, d or w)", s, text[i:i+1])
		}
		part := n * float64(unit)
		if part >= float64(Forever-total) {
			return 0, fmt.Errorf("duration %q is too long (at most %s)", s, FormatDuration(Forever))
		}
		total += time.Duration(part)
		text = text[i+1:]
	}
	return total, nil
}

// Forever is the longest span this package reads, about 292 years: a
// schedule that runs less often runs every Forever, which meets no
// objective, and a longer objective is an error.
const Forever = time.Duration(math.MaxInt64)

// FormatDuration writes a duration in the largest whole units: 1h, 90m, 2d.
func FormatDuration(d time.Duration) string {
	switch {
	case d == Forever:
		return "over 292 years"
	case d == 0:
		return "0"
	case d%(7*24*time.Hour) == 0:
		return fmt.Sprintf("%dw", d/(7*24*time.Hour))
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// DateLayout is how dates are written in the configuration: 2026-12-31.
const DateLayout = "2006-01-02"

// ParseDate reads a YYYY-MM-DD date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid date %q (want YYYY-MM-DD, like \"2026-12-31\")", s)
	}
	return t, nil
}
