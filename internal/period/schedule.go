package period

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/cronexpr"
)

// DefaultBackupSchedule is the schedule of an AWS Backup rule that sets none:
// daily at 05:00 UTC.
const DefaultBackupSchedule = "cron(0 5 ? * * *)"

// ScheduleInterval is the longest time between two runs of an AWS schedule
// expression, cron(minutes hours day-of-month month day-of-week year) or
// rate(N unit): how much data a failure just before the next run loses.
//
// A cron expression is read as AWS reads it: day-of-week 1-7 is SUN-SAT;
// one of day-of-month and day-of-week must be ?; L is the last day of the
// month (day-of-month) or Saturday (day-of-week), 6L the last Friday of the
// month, 15W the weekday nearest the 15th within its month, LW the last
// weekday, MON#1 the first Monday. Its runs are enumerated over one whole
// cycle of the calendar (28 years, after which weekdays and leap years
// repeat, from 1901 to 2099) and the gap is the longest between two runs in
// a row, the last run of the cycle followed by the first of the next. The
// hours are those of the expression's own clock: a rule's
// schedule_expression_timezone moves the runs but not the gaps, save the
// hour a daylight-saving change adds or removes, which is not counted.
//
// A schedule that never runs (cron(0 5 30 2 ? *)) and one whose year field
// limits it to some years (cron(0 5 ? * * 2026-2030)), after the last of
// which it never runs again, take a recovery point every Forever: no
// objective is met.
func ScheduleInterval(expr string) (time.Duration, error) {
	s := strings.TrimSpace(expr)
	switch {
	case strings.HasPrefix(s, "rate(") && strings.HasSuffix(s, ")"):
		return rateInterval(s[5 : len(s)-1])
	case strings.HasPrefix(s, "cron(") && strings.HasSuffix(s, ")"):
		if d, ok := cronCache.Load(s); ok {
			return d.(time.Duration), nil
		}
		d, err := cronInterval(s[5 : len(s)-1])
		if err != nil {
			return 0, fmt.Errorf("invalid schedule %q: %w", s, err)
		}
		if cronCached.Add(1) <= cronCacheSize {
			cronCache.Store(s, d)
		}
		return d, nil
	}
	return 0, fmt.Errorf("unsupported schedule %q (want cron(...) or rate(...))", expr)
}

// A plan repeats its few schedules over many resources and checks:
// enumerating a cycle takes milliseconds, so each answer is kept, up to
// cronCacheSize of them.
var (
	cronCache  sync.Map
	cronCached atomic.Int64
)

const cronCacheSize = 4096

func rateInterval(body string) (time.Duration, error) {
	f := strings.Fields(body)
	if len(f) != 2 {
		return 0, fmt.Errorf("invalid rate(%s)", body)
	}
	n, err := strconv.ParseUint(f[0], 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || n == 0 {
		return 0, fmt.Errorf("invalid rate(%s)", body)
	}
	var unit time.Duration
	switch strings.TrimSuffix(f[1], "s") {
	case "minute":
		unit = time.Minute
	case "hour":
		unit = time.Hour
	case "day":
		unit = 24 * time.Hour
	default:
		return 0, fmt.Errorf("invalid rate(%s)", body)
	}
	if err != nil || n > uint64(Forever/unit) {
		return Forever, nil // runs so rarely that no objective is met
	}
	return time.Duration(n) * unit, nil
}

// cronField is what AWS allows in one field of a cron expression.
type cronField struct {
	name   string
	lo, hi int
	names  []string // names[i] stands for lo+i
}

var (
	minutesField = cronField{name: "minutes", lo: 0, hi: 59}
	hoursField   = cronField{name: "hours", lo: 0, hi: 23}
	domField     = cronField{name: "day-of-month", lo: 1, hi: 31}
	monthField   = cronField{name: "month", lo: 1, hi: 12,
		names: []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}}
	dowField = cronField{name: "day-of-week", lo: 1, hi: 7,
		names: []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}}
	yearField = cronField{name: "year", lo: 1970, hi: 2199}
)

// cycleStart is the first day of a 28-year cycle: from 2001 to 2028 there
// are 10227 days (1461 weeks), and 2029 starts the same as 2001.
var cycleStart = time.Date(2001, time.January, 1, 0, 0, 0, 0, time.UTC)

const cycleDays = 28*365 + 7

func cronInterval(body string) (time.Duration, error) {
	f := strings.Fields(body)
	if len(f) != 6 {
		return 0, fmt.Errorf("want 6 fields (minutes hours day-of-month month day-of-week year), got %d", len(f))
	}
	minute, hour, dom, month, dow, year := f[0], f[1], f[2], f[3], f[4], f[5]
	switch {
	case dom == "?" && dow == "?":
		return 0, errors.New("day-of-month and day-of-week are both ?: set one (* for every day)")
	case dom != "?" && dow != "?":
		return 0, errors.New("day-of-month and day-of-week are both set: one must be ?")
	}
	for _, c := range []struct {
		field cronField
		text  string
	}{{minutesField, minute}, {hoursField, hour}, {monthField, month}, {yearField, year}} {
		if _, err := c.field.values(c.text); err != nil {
			return 0, fmt.Errorf("%s: %w", c.field.name, err)
		}
	}
	if dom != "?" {
		if err := checkDayOfMonth(dom); err != nil {
			return 0, fmt.Errorf("%s: %w", domField.name, err)
		}
	}
	cronDow := "*"
	if dow != "?" {
		var err error
		if cronDow, err = translateDayOfWeek(dow); err != nil {
			return 0, fmt.Errorf("%s: %w", dowField.name, err)
		}
	}
	full, err := cronexpr.Parse(strings.Join([]string{minute, hour, dom, month, cronDow, "*"}, " "))
	if err != nil {
		return 0, err
	}
	days, err := cronexpr.Parse(strings.Join([]string{"0", "0", dom, month, cronDow, "*"}, " "))
	if err != nil {
		return 0, err
	}
	if years, _ := yearField.values(year); len(years) != yearField.hi-yearField.lo+1 {
		return Forever, nil // runs in some years only: then never again
	}
	return longestGap(full, days), nil
}

// longestGap enumerates the days of one calendar cycle on which days fires
// and the times of day at which full fires on those days (the same every
// day: the clock is UTC), and returns the longest time between two runs.
func longestGap(full, days *cronexpr.Expression) time.Duration {
	const day = 24 * 60
	fire := fireDays(days)
	if len(fire) == 0 {
		return Forever
	}
	first := cycleStart.AddDate(0, 0, fire[0])
	var times []int // minutes since midnight
	for t := full.Next(first.Add(-time.Second)); !t.IsZero() && t.Before(first.AddDate(0, 0, 1)); t = full.Next(t) {
		times = append(times, int(t.Sub(first)/time.Minute))
	}
	if len(times) == 0 {
		return Forever
	}
	gap := 0
	for i := 1; i < len(times); i++ {
		gap = max(gap, times[i]-times[i-1])
	}
	dayGap := fire[0] + cycleDays - fire[len(fire)-1]
	for i := 1; i < len(fire); i++ {
		dayGap = max(dayGap, fire[i]-fire[i-1])
	}
	gap = max(gap, dayGap*day-(times[len(times)-1]-times[0]))
	return time.Duration(gap) * time.Minute
}

// fireDays lists the days of the cycle (days since cycleStart) on which
// days, an expression that fires at midnight, fires. Which days of a month
// fire depends only on the month, its length and the weekday of its first
// day, so each such month is asked of days once.
func fireDays(days *cronexpr.Expression) []int {
	type monthKind struct {
		month   time.Month
		first   time.Weekday
		lastDay int
	}
	seen := map[monthKind][]int{}
	var fire []int
	for m := range 28 * 12 {
		start := cycleStart.AddDate(0, m, 0)
		end := start.AddDate(0, 1, 0)
		kind := monthKind{start.Month(), start.Weekday(), end.AddDate(0, 0, -1).Day()}
		ds, ok := seen[kind]
		if !ok {
			ds = []int{}
			// From 23:59:59 the next midnight is one second on: a day that
			// fires is found at once, not after a search through its hours.
			for t := days.Next(start.Add(-time.Second)); !t.IsZero() && t.Before(end); t = days.Next(t.Add(24*time.Hour - time.Second)) {
				ds = append(ds, t.Day()-1)
			}
			seen[kind] = ds
		}
		offset := int(start.Sub(cycleStart) / (24 * time.Hour))
		for _, d := range ds {
			fire = append(fire, offset+d)
		}
	}
	return fire
}

// values reads a field of lists, ranges and steps (*, N, A-B, N/S, A-B/S,
// */S) into the set of values it names.
func (f cronField) values(field string) ([]int, error) {
	set := map[int]bool{}
	for _, part := range strings.Split(field, ",") {
		from, to, step, err := f.entry(part)
		if err != nil {
			return nil, err
		}
		for v := from; v <= to; v += step {
			set[v] = true
		}
	}
	out := make([]int, 0, len(set))
	for v := f.lo; v <= f.hi; v++ {
		if set[v] {
			out = append(out, v)
		}
	}
	return out, nil
}

// entry reads one entry of a list: *, N, A-B, N/S, A-B/S or */S.
func (f cronField) entry(part string) (from, to, step int, err error) {
	rng, stepText, hasStep := strings.Cut(part, "/")
	step = 1
	if hasStep {
		if step, err = strconv.Atoi(stepText); err != nil || step <= 0 || step > f.hi {
			return 0, 0, 0, fmt.Errorf("bad step %q (want 1 to %d)", part, f.hi)
		}
	}
	if rng == "*" {
		return f.lo, f.hi, step, nil
	}
	a, b, isRange := strings.Cut(rng, "-")
	if from, err = f.value(a); err != nil {
		return 0, 0, 0, err
	}
	switch {
	case isRange:
		if to, err = f.value(b); err != nil {
			return 0, 0, 0, err
		}
		if from > to {
			return 0, 0, 0, fmt.Errorf("range %q runs backwards (want low-high)", rng)
		}
	case hasStep:
		to = f.hi
	default:
		to = from
	}
	return from, to, step, nil
}

// value reads a number from lo to hi or one of the field's names.
func (f cronField) value(s string) (int, error) {
	for i, n := range f.names {
		if strings.EqualFold(s, n) {
			return f.lo + i, nil
		}
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < f.lo || v > f.hi || strings.HasPrefix(s, "+") {
		if len(f.names) > 0 {
			return 0, fmt.Errorf("bad value %q (want %d to %d or %s to %s)", s, f.lo, f.hi, f.names[0], f.names[len(f.names)-1])
		}
		return 0, fmt.Errorf("bad value %q (want %d to %d)", s, f.lo, f.hi)
	}
	return v, nil
}

// checkDayOfMonth reads a day-of-month field: a list of days, ranges and
// steps, L (the last day), LW (the last weekday) or NW (the weekday nearest
// the Nth).
func checkDayOfMonth(field string) error {
	for _, part := range strings.Split(field, ",") {
		switch u := strings.ToUpper(part); {
		case u == "L" || u == "LW":
		case strings.HasSuffix(u, "W"):
			if _, err := domField.value(u[:len(u)-1]); err != nil {
				return err
			}
		default:
			if _, _, _, err := domField.entry(part); err != nil {
				return err
			}
		}
	}
	return nil
}

// translateDayOfWeek reads an AWS day-of-week field (1-7 or SUN-SAT, L
// alone for Saturday, NL for the last such day of the month, N#K for the
// Kth) and writes it with names, which cronexpr reads the same way (its
// numbers run 0-6 from Sunday, and 7 is Sunday again).
func translateDayOfWeek(field string) (string, error) {
	name := func(s string) (string, error) {
		v, err := dowField.value(s)
		if err != nil {
			return "", err
		}
		return dowField.names[v-dowField.lo], nil
	}
	parts := strings.Split(field, ",")
	for i, part := range parts {
		u := strings.ToUpper(part)
		switch {
		case u == "L":
			parts[i] = "SAT"
		case strings.HasSuffix(u, "L"):
			n, err := name(u[:len(u)-1])
			if err != nil {
				return "", err
			}
			parts[i] = n + "L"
		case strings.Contains(u, "#"):
			d, k, _ := strings.Cut(u, "#")
			n, err := name(d)
			if err != nil {
				return "", err
			}
			if w, err := strconv.Atoi(k); err != nil || w < 1 || w > 5 || len(k) != 1 {
				return "", fmt.Errorf("bad week %q in %q (want 1 to 5)", k, part)
			}
			parts[i] = n + "#" + k
		case u == "*":
		default:
			// A range or step is written as the list of days it names:
			// cronexpr's steps stop at 6 and read MON-MON/2 as MON/2.
			from, to, step, err := dowField.entry(part)
			if err != nil {
				return "", err
			}
			var days []string
			for v := from; v <= to; v += step {
				days = append(days, dowField.names[v-dowField.lo])
			}
			parts[i] = strings.Join(days, ",")
		}
	}
	return strings.Join(parts, ","), nil
}
