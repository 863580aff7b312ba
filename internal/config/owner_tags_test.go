package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseOwnerTags(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		src  string
		want []string
		errs []string // diagnostics, each as Format renders it
	}{
		"unset: the check's default": {src: `profile = "production"`},
		"keys and patterns": {
			src:  `owner_tags = ["owner", "team", "cost_center", "app*contact*"]`,
			want: []string{"owner", "team", "cost_center", "app*contact*"},
		},
		"empty list": {
			src:  `owner_tags = []`,
			errs: []string{`.readiness.hcl:1,14-16: Invalid owner_tags; List at least one tag key, like ["owner", "team"]; to stop asking for an owner, disable the owner_tag check.`},
		},
		"a pattern that names no key": {
			src: `owner_tags = ["owner", "*", "_"]`,
			errs: []string{
				`.readiness.hcl:1,24-27: Invalid owner_tags; "*" names no key: write a key such as "owner" or a pattern such as "*owner*".`,
				`.readiness.hcl:1,29-32: Invalid owner_tags; "_" names no key: write a key such as "owner" or a pattern such as "*owner*".`,
			},
		},
		"wrong type": {
			src:  `owner_tags = "owner"`,
			errs: []string{`.readiness.hcl:1,14-21: Incorrect value type; Want a list of strings, like ["a", "b"].`},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			c, diags := Parse([]byte(tt.src), ".readiness.hcl")
			if diff := cmp.Diff(tt.errs, formatted(diags)); diff != "" {
				t.Fatalf("diagnostics (-want +got):\n%s", diff)
			}
			if len(tt.errs) > 0 {
				return
			}
			if diff := cmp.Diff(tt.want, c.Policy.OwnerTags); diff != "" {
				t.Errorf("OwnerTags (-want +got):\n%s", diff)
			}
		})
	}
}
