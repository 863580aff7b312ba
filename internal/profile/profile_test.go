package profile

import (
	"strings"
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

func TestLookup(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		name    string
		want    string
		wantErr string
	}{
		"production":  {name: "production", want: "production"},
		"prod":        {name: "prod", want: "production"},
		"PROD":        {name: "PROD", want: "production"},
		"staging":     {name: "staging", want: "staging"},
		"stage":       {name: "stage", want: "staging"},
		"development": {name: "Development", want: "development"},
		"dev":         {name: "dev", want: "development"},
		// Tag values name tiers; a profile is named by its name or alias.
		"qa":    {name: "qa", wantErr: `unknown profile "qa" (want development, production, staging, or dev, prod, stage)`},
		"empty": {name: "", wantErr: `unknown profile ""`},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Lookup(tt.name)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Errorf("Lookup(%q) error = %v, want %q", tt.name, err, tt.wantErr)
				}
				return
			}
			if err != nil || p.Name != tt.want {
				t.Errorf("Lookup(%q) = %q, %v; want %q", tt.name, p.Name, err, tt.want)
			}
		})
	}
	for _, n := range AcceptedNames() {
		if _, err := Lookup(n); err != nil {
			t.Errorf("AcceptedNames lists %q but Lookup refuses it: %v", n, err)
		}
	}
}

func TestApply(t *testing.T) {
	t.Parallel()
	metas := map[string]check.Meta{
		"replica":     {ID: "replica", Category: "replication", CrossRegion: true, Severity: check.SeverityMedium},
		"zonal":       {ID: "zonal", Category: "replication", Severity: check.SeverityMedium},
		"team region": {ID: "team region", Category: "multi_region", Severity: check.SeverityHigh},
		"multi_az":    {ID: "multi_az", Category: "multi_az", Severity: check.SeverityHigh},
		"destroy":     {ID: "destroy", Category: "destructive_change", Severity: check.SeverityCritical},
	}
	type result struct {
		Runs     bool
		Severity check.Severity
	}
	want := map[string]map[string]result{
		"production": {
			"replica": {true, check.SeverityMedium}, "zonal": {true, check.SeverityMedium},
			"team region": {true, check.SeverityHigh}, "multi_az": {true, check.SeverityHigh},
			"destroy": {true, check.SeverityCritical},
		},
		"staging": {
			"replica": {false, check.SeverityMedium}, "zonal": {true, check.SeverityMedium},
			"team region": {false, check.SeverityHigh}, "multi_az": {true, check.SeverityHigh},
			"destroy": {true, check.SeverityCritical},
		},
		"development": {
			"replica": {false, check.SeverityLow}, "zonal": {true, check.SeverityLow},
			"team region": {false, check.SeverityLow}, "multi_az": {true, check.SeverityLow},
			"destroy": {true, check.SeverityCritical},
		},
	}
	for profName, rows := range want {
		p, err := Lookup(profName)
		if err != nil {
			t.Fatal(err)
		}
		for id, w := range rows {
			m, runs := p.Apply(metas[id])
			if got := (result{runs, m.Severity}); got != w {
				t.Errorf("%s %s: %+v, want %+v", profName, id, got, w)
			}
		}
	}
}
