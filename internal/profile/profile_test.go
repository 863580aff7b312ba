package profile

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

func TestForTier(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		value string
		want  string
		ok    bool
	}{
		"dev":         {value: "dev", want: "development", ok: true},
		"development": {value: "Development", want: "development", ok: true},
		"test":        {value: "test", want: "development", ok: true},
		"staging":     {value: " STAGING ", want: "staging", ok: true},
		"prod":        {value: "prod", want: "production", ok: true},
		"production":  {value: "production", want: "production", ok: true},
		"unknown":     {value: "blue", ok: false},
		"empty":       {value: "", ok: false},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, ok := ForTier(tt.value)
			if ok != tt.ok || p.Name != tt.want {
				t.Errorf("ForTier(%q) = %q, %v; want %q, %v", tt.value, p.Name, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestTierProfilesApply(t *testing.T) {
	t.Parallel()
	m := check.Meta{ID: "x", Category: "multi_region", Severity: check.SeverityHigh}
	for _, v := range TierValues() {
		p, ok := ForTier(v)
		if !ok {
			t.Fatalf("TierValues lists %q but ForTier refuses it", v)
		}
		if _, err := Lookup(p.Name); err != nil {
			t.Errorf("tier %q maps to unknown profile %q", v, p.Name)
		}
		if _, enabled := p.Apply(m); enabled != (p.Name == "production") {
			t.Errorf("tier %q: multi-region enabled = %v", v, enabled)
		}
	}
}
