package period

import (
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		in      string
		want    time.Duration
		wantErr bool
	}{
		"minutes":       {in: "15m", want: 15 * time.Minute},
		"hours":         {in: "1h", want: time.Hour},
		"compound":      {in: "4h30m", want: 4*time.Hour + 30*time.Minute},
		"day":           {in: "1d", want: 24 * time.Hour},
		"week":          {in: "1w", want: 7 * 24 * time.Hour},
		"fraction":      {in: "1.5h", want: 90 * time.Minute},
		"zero":          {in: "0", want: 0},
		"spaces":        {in: " 2h ", want: 2 * time.Hour},
		"no unit":       {in: "60", wantErr: true},
		"bad unit":      {in: "4x", wantErr: true},
		"empty":         {in: "", wantErr: true},
		"words":         {in: "one hour", wantErr: true},
		"overflow":      {in: "2700000000h", wantErr: true},
		"sum overflows": {in: "150000w150000w", wantErr: true},
		"huge":          {in: "1e300d", wantErr: true},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseDuration(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseDuration(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestFormatDuration(t *testing.T) {
	t.Parallel()
	for d, want := range map[time.Duration]string{
		Forever: "over 292 years", 0: "0", time.Hour: "1h", 90 * time.Minute: "90m", 48 * time.Hour: "2d", 14 * 24 * time.Hour: "2w", 5 * time.Second: "5s",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestScheduleInterval(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr    string
		want    time.Duration
		wantErr bool
	}{
		"daily default":       {expr: DefaultBackupSchedule, want: 24 * time.Hour},
		"hourly":              {expr: "cron(0 * ? * * *)", want: time.Hour},
		"every 4 hours":       {expr: "cron(0 */4 ? * * *)", want: 4 * time.Hour},
		"twice a day uneven":  {expr: "cron(0 1,5 * * ? *)", want: 20 * time.Hour},
		"every 15 minutes":    {expr: "cron(0/15 * * * ? *)", want: 15 * time.Minute},
		"weekly":              {expr: "cron(0 5 ? * SUN *)", want: 7 * 24 * time.Hour},
		"weekdays":            {expr: "cron(0 5 ? * MON-FRI *)", want: 3 * 24 * time.Hour},
		"monthly":             {expr: "cron(0 5 1 * ? *)", want: 31 * 24 * time.Hour},
		"rate hours":          {expr: "rate(12 hours)", want: 12 * time.Hour},
		"rate day":            {expr: "rate(1 day)", want: 24 * time.Hour},
		"rate minutes":        {expr: "rate(30 minutes)", want: 30 * time.Minute},
		"five fields":         {expr: "cron(0 5 * * ?)", wantErr: true},
		"bad hour":            {expr: "cron(0 25 * * ? *)", wantErr: true},
		"not a schedule":      {expr: "daily", wantErr: true},
		"rate without amount": {expr: "rate(hours)", wantErr: true},
		"rate of zero":        {expr: "rate(0 hours)", wantErr: true},
		"negative rate":       {expr: "rate(-5 hours)", wantErr: true},
		// Today "every -2424095h", which met a 1-hour objective.
		"rate that overflows":      {expr: "rate(2700000 hours)", want: Forever},
		"rate beyond 64 bits":      {expr: "rate(99999999999999999999999 days)", want: Forever},
		"rate just below overflow": {expr: "rate(2562047 hours)", want: 2562047 * time.Hour},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, err := ScheduleInterval(tt.expr)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ScheduleInterval(%q) = %v, %v; want %v, error %v", tt.expr, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

// FuzzScheduleInterval: whatever the text, a value or an error, never a
// panic or a negative interval.
func FuzzScheduleInterval(f *testing.F) {
	f.Add("cron(0 5 ? * * *)")
	f.Add("cron(0/15 1-5,7 1W * MON#2 *)")
	f.Add("rate(3 hours)")
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := ScheduleInterval(s); err == nil && d < 0 {
			t.Errorf("ScheduleInterval(%q) = %v", s, d)
		}
	})
}
