package policy

import (
	"strings"
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// The parsers here read text from plans (tags, schedules, addresses):
// whatever the text, they return a value or an error, never panic.

func FuzzParseInlineWaiver(f *testing.F) {
	f.Add("check_id=aws_rds_multi_az;reason=legacy;owner=db;expires=2026-12-31")
	f.Add("check_id=x owner=o expires=2026-12-31 reason=a b c")
	f.Add(";;=;")
	f.Fuzz(func(t *testing.T, s string) { _, _ = ParseInlineWaiver(s) })
}

// FuzzPattern reads any pattern and matches it against any address
// without panicking; and an address that holds no wildcard, taken as a
// pattern, matches itself, as does ** (an address read alike on both
// sides).
func FuzzPattern(f *testing.F) {
	f.Add(`module.app["*"].aws_db_instance.*`, `module.app["blue"].aws_db_instance.main[0]`)
	f.Add(`**.a[*]`, `a["\"]"]`)
	f.Add(`a.b[blue-*]`, `module.a["x.y"].b["\u00e9\n$${x}"]`)
	f.Add(`a`, `A#0000000`) // hclsyntax skips the comment: not an address
	f.Fuzz(func(t *testing.T, pattern, address string) {
		if p, err := ParsePattern(pattern); err == nil {
			_ = p.Match(address)
		}
		if _, err := model.SplitAddress(address); err != nil || strings.ContainsAny(address, "*?") {
			return
		}
		self, err := ParsePattern(address)
		if err != nil {
			t.Fatalf("the address %q is not a pattern: %v", address, err)
		}
		if !self.Match(address) {
			t.Fatalf("the address %q does not match itself", address)
		}
		if all, _ := ParsePattern("**"); !all.Match(address) {
			t.Fatalf("** does not match %q", address)
		}
	})
}
