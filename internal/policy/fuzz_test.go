package policy

import "testing"

// The parsers here read text from plans (tags, schedules, addresses):
// whatever the text, they return a value or an error, never panic.

func FuzzParseInlineWaiver(f *testing.F) {
	f.Add("check_id=aws_rds_multi_az;reason=legacy;owner=db;expires=2026-12-31")
	f.Add("check_id=x owner=o expires=2026-12-31 reason=a b c")
	f.Add(";;=;")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseInlineWaiver(s) })
}

func FuzzPattern(f *testing.F) {
	f.Add(`module.app["*"].aws_db_instance.*`, `module.app["blue"].aws_db_instance.main[0]`)
	f.Add(`**.a[*]`, `a["\"]"]`)
	f.Fuzz(func(t *testing.T, pattern, address string) {
		if p, err := ParsePattern(pattern); err == nil {
			_ = p.Match(address)
		}
	})
}
