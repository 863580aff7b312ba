package period

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// FuzzScheduleIntervalEnumeration builds a random valid AWS cron expression
// from the fuzzer's bytes, with what each of its fields means written here
// as plain predicates, and compares ScheduleInterval with the longest gap
// found by visiting every minute from 2001 to 2099 (three and a half
// calendar cycles, so every gap of the repeating pattern is seen whole).
func FuzzScheduleIntervalEnumeration(f *testing.F) {
	r := rand.New(rand.NewPCG(15, 5))
	for range 12 {
		seed := make([]byte, 32)
		for i := range seed {
			seed[i] = byte(r.Uint32())
		}
		f.Add(seed)
	}
	for _, seed := range []string{
		"", "\x01", "\x02\x03\x04", "\x05\x01\x00\x02\x07\x03", "\x09\x08\x07\x06\x05\x04\x03\x02\x01",
		"\x00\x00\x03\x05\x00\x00\x02\x01", "\x00\x00\x00\x00\x01\x02\x04\x05\x01",
		"\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa", "\xff\xfe\xfd\xfc\xfb\xfa\xf9",
		"\x03\x01\x00\x01\x00\x00\x01\x06\x03\x05\x01", "\x02\x02\x00\x02\x04\x06\x00\x00\x04\x07\x02",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &gen{data: data}
		expr, s := g.schedule()
		got, err := ScheduleInterval(expr)
		if err != nil {
			t.Fatalf("ScheduleInterval(%q): %v", expr, err)
		}
		if want := s.bruteForce(); got != want {
			t.Errorf("ScheduleInterval(%q) = %v (%s); visiting every minute gives %v (%s)", expr, got, FormatDuration(got), want, FormatDuration(want))
		}
	})
}

// gen draws choices from the fuzzer's bytes, 0 once they run out.
type gen struct{ data []byte }

func (g *gen) n(k int) int {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return int(b) % k
}

// spec is what a generated expression means.
type spec struct {
	minute, hour, month [60]bool
	day                 func(d time.Time) bool
	someYears           bool
}

var awsDays = []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}
var awsMonths = []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

func (g *gen) schedule() (string, spec) {
	var s spec
	var f [6]string
	f[0] = g.list(0, 59, nil, &s.minute)
	f[1] = g.list(0, 23, nil, &s.hour)
	f[3] = g.list(1, 12, awsMonths, &s.month)
	if g.n(2) == 0 {
		f[2], s.day = g.dayOfMonth()
		f[4] = "?"
	} else {
		f[2] = "?"
		f[4], s.day = g.dayOfWeek()
	}
	f[5] = "*"
	if g.n(8) == 7 {
		f[5], s.someYears = fmt.Sprint(2001+g.n(99)), true
	}
	return "cron(" + strings.Join(f[:], " ") + ")", s
}

// list writes one to three entries (*, N, A-B, N/S, A-B/S, */S) and marks
// the values they name.
func (g *gen) list(lo, hi int, names []string, set *[60]bool) string {
	var parts []string
	for range 1 + g.n(3) {
		text, match := g.entry(lo, hi, names)
		parts = append(parts, text)
		for v := lo; v <= hi; v++ {
			set[v] = set[v] || match(v)
		}
	}
	return strings.Join(parts, ",")
}

func (g *gen) entry(lo, hi int, names []string) (string, func(int) bool) {
	show := func(v int) string {
		if names != nil && g.n(2) == 0 {
			return names[v-lo]
		}
		return fmt.Sprint(v)
	}
	a := lo + g.n(hi-lo+1)
	b := a + g.n(hi-a+1)
	step := 1 + g.n(min(hi, 12))
	switch g.n(6) {
	case 0:
		return "*", func(int) bool { return true }
	case 1:
		return show(a), func(v int) bool { return v == a }
	case 2:
		return show(a) + "-" + show(b), func(v int) bool { return a <= v && v <= b }
	case 3:
		return fmt.Sprintf("%s/%d", show(a), step), func(v int) bool { return v >= a && (v-a)%step == 0 }
	case 4:
		return fmt.Sprintf("%s-%s/%d", show(a), show(b), step), func(v int) bool { return a <= v && v <= b && (v-a)%step == 0 }
	}
	return fmt.Sprintf("*/%d", step), func(v int) bool { return (v-lo)%step == 0 }
}

func lastDay(d time.Time) int {
	return time.Date(d.Year(), d.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func weekday(d time.Time) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

func (g *gen) dayOfMonth() (string, func(time.Time) bool) {
	switch g.n(5) {
	case 1:
		return "L", func(d time.Time) bool { return d.Day() == lastDay(d) }
	case 2:
		// The last weekday: the last day, or the Friday before it.
		return "LW", func(d time.Time) bool {
			return weekday(d) && (d.Day() == lastDay(d) || !weekday(d.AddDate(0, 0, 1)) && d.Day() >= lastDay(d)-2)
		}
	case 3, 4:
		// The weekday nearest the nth, within the month: a Saturday nth is
		// run on Friday (Monday if the nth is the 1st), a Sunday nth on
		// Monday (Friday if the nth is the last day).
		n := 1 + g.n(31)
		return fmt.Sprintf("%dW", n), func(d time.Time) bool {
			if n > lastDay(d) || !weekday(d) {
				return false
			}
			for _, shift := range []int{0, -1, 1, -2, 2} {
				nth := d.Day() + shift
				if nth != n {
					continue
				}
				target := time.Date(d.Year(), d.Month(), n, 0, 0, 0, 0, time.UTC)
				switch {
				case shift == 0:
					return true
				case target.Weekday() == time.Saturday:
					return shift == 1 && n > 1 || shift == -2 && n == 1
				case target.Weekday() == time.Sunday:
					return shift == -1 && n < lastDay(d) || shift == 2 && n == lastDay(d)
				}
			}
			return false
		}
	}
	var set [60]bool
	text := g.list(1, 31, nil, &set)
	return text, func(d time.Time) bool { return set[d.Day()] }
}

func (g *gen) dayOfWeek() (string, func(time.Time) bool) {
	n := 1 + g.n(7) // AWS: 1 is Sunday
	name := fmt.Sprint(n)
	if g.n(2) == 0 {
		name = awsDays[n-1]
	}
	is := func(d time.Time) bool { return int(d.Weekday())+1 == n }
	switch g.n(4) {
	case 1:
		return "L", func(d time.Time) bool { return d.Weekday() == time.Saturday }
	case 2:
		return name + "L", func(d time.Time) bool { return is(d) && d.Day()+7 > lastDay(d) }
	case 3:
		k := 1 + g.n(5)
		return fmt.Sprintf("%s#%d", name, k), func(d time.Time) bool { return is(d) && (d.Day()-1)/7+1 == k }
	}
	var set [60]bool
	text := g.list(1, 7, awsDays, &set)
	return text, func(d time.Time) bool { return set[int(d.Weekday())+1] }
}

// bruteForce visits every minute from 2001 to the end of 2099 and returns
// the longest time between two runs in a row (Forever for fewer than two,
// or when the year field limits the schedule to some years).
func (s spec) bruteForce() time.Duration {
	if s.someYears {
		return Forever
	}
	var last, gap int64 = -1, 0
	minute := int64(0) // since 2001-01-01 00:00
	for d := cycleStart; d.Year() < 2100; d = d.AddDate(0, 0, 1) {
		if !s.month[d.Month()] || !s.day(d) {
			minute += 24 * 60
			continue
		}
		for h := range 24 {
			for m := range 60 {
				if s.hour[h] && s.minute[m] {
					if last >= 0 {
						gap = max(gap, minute-last)
					}
					last = minute
				}
				minute++
			}
		}
	}
	if gap == 0 {
		return Forever
	}
	return time.Duration(gap) * time.Minute
}
