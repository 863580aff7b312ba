package period

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// DefaultBackupSchedule is the schedule of an AWS Backup rule that sets none:
// daily at 05:00 UTC.
const DefaultBackupSchedule = "cron(0 5 ? * * *)"

// ScheduleInterval is the longest time between two runs of an AWS schedule
// expression, cron(minutes hours day-of-month month day-of-week year) or
// rate(N unit): how much data a failure just before the next run loses.
// A day-of-month schedule counts as monthly (31 days between runs at most).
func ScheduleInterval(expr string) (time.Duration, error) {
	s := strings.TrimSpace(expr)
	switch {
	case strings.HasPrefix(s, "rate(") && strings.HasSuffix(s, ")"):
		return rateInterval(s[5 : len(s)-1])
	case strings.HasPrefix(s, "cron(") && strings.HasSuffix(s, ")"):
		return cronInterval(s[5 : len(s)-1])
	}
	return 0, fmt.Errorf("unsupported schedule %q (want cron(...) or rate(...))", expr)
}

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

var weekdays = map[string]int{"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}

func cronInterval(body string) (time.Duration, error) {
	f := strings.Fields(body)
	if len(f) != 6 {
		return 0, fmt.Errorf("invalid cron(%s): want 6 fields", body)
	}
	minutes, err := cronField(f[0], 0, 59, nil)
	if err != nil {
		return 0, fmt.Errorf("invalid cron(%s): minutes: %v", body, err)
	}
	hours, err := cronField(f[1], 0, 23, nil)
	if err != nil {
		return 0, fmt.Errorf("invalid cron(%s): hours: %v", body, err)
	}
	dom, dow := f[2], f[4]
	var times []int // minutes from the start of the day
	for _, h := range hours {
		for _, m := range minutes {
			times = append(times, h*60+m)
		}
	}
	sort.Ints(times)
	const day = 24 * 60
	switch {
	case (dom == "*" || dom == "?") && (dow == "*" || dow == "?"):
		return cyclicGap(times, day), nil
	case dow != "*" && dow != "?":
		days, err := cronField(strings.Split(dow, "#")[0], 1, 7, weekdays)
		if err != nil {
			return 0, fmt.Errorf("invalid cron(%s): day of week: %v", body, err)
		}
		var week []int
		for _, d := range days {
			for _, t := range times {
				week = append(week, (d-1)*day+t)
			}
		}
		sort.Ints(week)
		return cyclicGap(week, 7*day), nil
	default:
		days, err := cronField(strings.TrimSuffix(dom, "W"), 1, 31, nil)
		if err != nil {
			if dom == "L" {
				days = []int{31}
			} else {
				return 0, fmt.Errorf("invalid cron(%s): day of month: %v", body, err)
			}
		}
		var month []int
		for _, d := range days {
			for _, t := range times {
				month = append(month, (d-1)*day+t)
			}
		}
		sort.Ints(month)
		return cyclicGap(month, 31*day), nil
	}
}

// cyclicGap is the longest gap in minutes between sorted times that repeat
// every period minutes.
func cyclicGap(times []int, period int) time.Duration {
	if len(times) == 0 {
		return 0
	}
	gap := times[0] + period - times[len(times)-1]
	for i := 1; i < len(times); i++ {
		if g := times[i] - times[i-1]; g > gap {
			gap = g
		}
	}
	return time.Duration(gap) * time.Minute
}

// cronField expands one cron field (*, N, A-B, A,B, */N, A/N, A-B/N) into
// its sorted values.
func cronField(field string, lo, hi int, names map[string]int) ([]int, error) {
	set := map[int]bool{}
	for _, part := range strings.Split(field, ",") {
		rng, stepText, hasStep := strings.Cut(part, "/")
		step := 1
		if hasStep {
			n, err := strconv.Atoi(stepText)
			if err != nil || n <= 0 {
				return nil, fmt.Errorf("bad step %q", part)
			}
			step = n
		}
		from, to := lo, hi
		switch {
		case rng == "*" || rng == "?":
		case strings.Contains(rng, "-"):
			a, b, _ := strings.Cut(rng, "-")
			var err error
			if from, err = cronValue(a, lo, hi, names); err != nil {
				return nil, err
			}
			if to, err = cronValue(b, lo, hi, names); err != nil {
				return nil, err
			}
		default:
			v, err := cronValue(rng, lo, hi, names)
			if err != nil {
				return nil, err
			}
			from = v
			if !hasStep {
				to = v
			}
		}
		if from > to {
			return nil, fmt.Errorf("bad range %q", part)
		}
		for v := from; v <= to; v += step {
			set[v] = true
		}
	}
	out := make([]int, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Ints(out)
	return out, nil
}

func cronValue(s string, lo, hi int, names map[string]int) (int, error) {
	if v, ok := names[strings.ToUpper(s)]; ok {
		return v, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		return 0, fmt.Errorf("bad value %q (want %d to %d)", s, lo, hi)
	}
	return v, nil
}
