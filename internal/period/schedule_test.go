package period

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

const (
	day  = 24 * time.Hour
	week = 7 * day
)

// TestScheduleIntervalFields holds each field of an AWS cron expression to
// the longest gap between its runs, worked out by hand over the calendar.
func TestScheduleIntervalFields(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr string
		want time.Duration
	}{
		// minutes
		"minutes every 15":          {expr: "cron(0/15 * ? * * *)", want: 15 * time.Minute},
		"minutes list":              {expr: "cron(5,50 * ? * * *)", want: 45 * time.Minute},
		"minutes range":             {expr: "cron(10-20 * ? * * *)", want: 50 * time.Minute},
		"minutes step uneven":       {expr: "cron(*/7 * ? * * *)", want: 7 * time.Minute},
		"minutes step past the end": {expr: "cron(50/20 0 ? * * *)", want: day},
		"every minute":              {expr: "cron(* * ? * * *)", want: time.Minute},
		// hours
		"hours step":              {expr: "cron(0 */4 ? * * *)", want: 4 * time.Hour},
		"hours office":            {expr: "cron(30 9-17 ? * * *)", want: 16 * time.Hour},
		"hours step past the end": {expr: "cron(0 22/3 ? * * *)", want: day},
		"hours and minutes":       {expr: "cron(0,30 0/12 ? * * *)", want: 11*time.Hour + 30*time.Minute},
		// day of month
		"first of the month":       {expr: "cron(0 5 1 * ? *)", want: 31 * day},
		"twice a month":            {expr: "cron(0 5 1,15 * ? *)", want: 17 * day},
		"last day of the month":    {expr: "cron(0 5 L * ? *)", want: 31 * day},
		"the 31st":                 {expr: "cron(0 5 31 * ? *)", want: 61 * day},  // Aug 31 to Oct 31
		"weekday nearest the 15th": {expr: "cron(0 5 15W * ? *)", want: 32 * day}, // Sat 14th, then Mon 15th 32 days on
		"weekday nearest the 1st":  {expr: "cron(0 5 1W * ? *)", want: 33 * day},  // Wed 1st, then a Saturday 1st: Mon 3rd
		"last weekday":             {expr: "cron(0 5 LW * ? *)", want: 33 * day},  // Fri 29th (Sun 31st), then Wed 31st
		"every other day":          {expr: "cron(0 5 */2 * ? *)", want: 2 * day},  // 1, 3 .. 31: odd days, then the 1st
		// month
		"twice a year":       {expr: "cron(0 5 1 1,7 ? *)", want: 184 * day}, // Jul 1 to Jan 1; read as 744h before
		"quarterly":          {expr: "cron(0 5 1 */3 ? *)", want: 92 * day},
		"daily in Q1":        {expr: "cron(0 5 ? JAN-MAR * *)", want: 276 * day},
		"leap day":           {expr: "cron(0 5 29 2 ? *)", want: 1461 * day},
		"never: February 30": {expr: "cron(0 5 30 2 ? *)", want: Forever},
		// day of week
		"weekly":                      {expr: "cron(0 5 ? * SUN *)", want: week},
		"weekly by number":            {expr: "cron(0 5 ? * 1 *)", want: week},
		"weekdays":                    {expr: "cron(0 5 ? * 2-6 *)", want: 3 * day},
		"weekdays by name":            {expr: "cron(0 5 ? * mon-fri *)", want: 3 * day},
		"first Monday":                {expr: "cron(0 5 ? * MON#1 *)", want: 5 * week}, // read as 168h before
		"first Monday by number":      {expr: "cron(0 5 ? * 2#1 *)", want: 5 * week},
		"last Friday":                 {expr: "cron(0 5 ? * 6L *)", want: 5 * week}, // refused before
		"L is Saturday":               {expr: "cron(0 5 ? * L *)", want: week},
		"fifth Monday":                {expr: "cron(0 5 ? * MON#5 *)", want: 17 * week}, // Mon 31 Dec 2001 to Mon 29 Apr 2002
		"every other day of the week": {expr: "cron(0 5 ? * */2 *)", want: 2 * day},     // SUN TUE THU SAT
		// year
		"one year":               {expr: "cron(0 5 ? * * 2026)", want: Forever},
		"years to the end":       {expr: "cron(0 5 ? * * 2020-2199)", want: Forever},
		"every year listed":      {expr: "cron(0 5 ? * * 1970-2199)", want: day},
		"every year stepped":     {expr: "cron(0 5 ? * * */1)", want: day},
		"every other year":       {expr: "cron(0 5 ? * * 2026/2)", want: Forever},
		"year never reached":     {expr: "cron(0 5 30 2 ? 2030)", want: Forever},
		"lower case and padding": {expr: "  cron(0 5 ? jan,jul mon#1 *)  ", want: 27 * week}, // Mon 1 Jul, then Mon 6 Jan,
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ScheduleInterval(tt.expr)
			if err != nil || got != tt.want {
				t.Errorf("ScheduleInterval(%q) = %v (%s), %v; want %v (%s)", tt.expr, got, FormatDuration(got), err, tt.want, FormatDuration(tt.want))
			}
		})
	}
}

// TestScheduleIntervalErrors: what AWS refuses is an error naming the
// expression and the field, never a guess.
func TestScheduleIntervalErrors(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr, want string
	}{
		"both days set":     {expr: "cron(0 5 * * * *)", want: `invalid schedule "cron(0 5 * * * *)": day-of-month and day-of-week are both set: one must be ?`},
		"both days ?":       {expr: "cron(0 5 ? * ? *)", want: "are both ?"},
		"? in minutes":      {expr: "cron(? 5 ? * * *)", want: `minutes: bad value "?"`},
		"? in the year":     {expr: "cron(0 5 ? * * ?)", want: `year: bad value "?"`},
		"seven fields":      {expr: "cron(0 0 5 ? * * *)", want: "want 6 fields"},
		"hour 24":           {expr: "cron(0 24 ? * * *)", want: `hours: bad value "24" (want 0 to 23)`},
		"backwards hours":   {expr: "cron(0 22-2 ? * * *)", want: `hours: range "22-2" runs backwards`},
		"backwards months":  {expr: "cron(0 5 1 NOV-FEB ? *)", want: `month: range "NOV-FEB" runs backwards`},
		"backwards days":    {expr: "cron(0 5 ? * FRI-MON *)", want: `day-of-week: range "FRI-MON" runs backwards`},
		"step of zero":      {expr: "cron(*/0 5 ? * * *)", want: `minutes: bad step "*/0"`},
		"step too long":     {expr: "cron(*/60 5 ? * * *)", want: `minutes: bad step "*/60" (want 1 to 59)`},
		"day 0 of the week": {expr: "cron(0 5 ? * 0 *)", want: `day-of-week: bad value "0" (want 1 to 7 or SUN to SAT)`},
		"day 8 of the week": {expr: "cron(0 5 ? * 8 *)", want: `bad value "8"`},
		"sixth Monday":      {expr: "cron(0 5 ? * MON#6 *)", want: `day-of-week: bad week "6" in "MON#6" (want 1 to 5)`},
		"day 32":            {expr: "cron(0 5 32W * ? *)", want: `day-of-month: bad value "32" (want 1 to 31)`},
		"L in hours":        {expr: "cron(0 L ? * * *)", want: `hours: bad value "L"`},
		"W in day of week":  {expr: "cron(0 5 ? * 2W *)", want: `day-of-week: bad value "2W"`},
		"# in day of month": {expr: "cron(0 5 2#1 * ? *)", want: `day-of-month: bad value "2#1"`},
		"year past 2199":    {expr: "cron(0 5 ? * * 2200)", want: `year: bad value "2200" (want 1970 to 2199)`},
		"month 13":          {expr: "cron(0 5 1 13 ? *)", want: `month: bad value "13" (want 1 to 12 or JAN to DEC)`},
		"empty list entry":  {expr: "cron(0 5,,6 ? * * *)", want: `hours: bad value ""`},
		"not a schedule":    {expr: "daily", want: `unsupported schedule "daily"`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ScheduleInterval(tt.expr)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ScheduleInterval(%q) = %v, %v; want an error with %q", tt.expr, got, err, tt.want)
			}
			if want := strings.TrimSpace(tt.expr); !strings.Contains(err.Error(), fmt.Sprintf("%q", want)) {
				t.Errorf("error %q does not name %q", err, want)
			}
		})
	}
}

// TestTranslateDayOfWeek: AWS numbers the days 1-7 from Sunday, cronexpr
// 0-6; the longest gap cannot tell (shifting every day of a weekly pattern
// by one gives the same gaps over a cycle), so the translation is held here.
func TestTranslateDayOfWeek(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"1": "SUN", "7": "SAT", "2-6": "MON,TUE,WED,THU,FRI", "6L": "FRIL", "fril": "FRIL", "L": "SAT",
		"2#1": "MON#1", "mon#5": "MON#5", "*": "*", "*/2": "SUN,TUE,THU,SAT", "3/2": "TUE,THU,SAT",
		"1,4,SAT": "SUN,WED,SAT", "1-7/3": "SUN,WED,SAT", "2-MON/2": "MON", "*/7": "SUN", "sat-sat": "SAT",
	} {
		if got, err := translateDayOfWeek(in); err != nil || got != want {
			t.Errorf("translateDayOfWeek(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
