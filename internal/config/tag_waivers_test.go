package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseTagWaivers(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		src  string
		off  bool
		errs []string // diagnostics, each as Format renders it
	}{
		"unset: tags waive":     {src: `profile = "production"`},
		"on":                    {src: `tag_waivers = true`},
		"off":                   {src: `tag_waivers = false`, off: true},
		"a string is not false": {src: `tag_waivers = "no"`, errs: []string{`.readiness.hcl:1,15-19: Incorrect value type; Want bool: a bool is required.`}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, diags := Parse([]byte(tt.src), ".readiness.hcl")
			if diff := cmp.Diff(tt.errs, formatted(diags)); diff != "" {
				t.Fatalf("diagnostics (-want +got):\n%s", diff)
			}
			if len(tt.errs) == 0 && c.Policy.NoTagWaivers != tt.off {
				t.Errorf("NoTagWaivers = %t, want %t", c.Policy.NoTagWaivers, tt.off)
			}
		})
	}
}
