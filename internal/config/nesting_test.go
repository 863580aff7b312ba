package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// TestParseTooDeep: a configuration nested past nesting.Max is refused at
// its place before HCL parses it, in any setting and in a custom check's
// expressions alike.
func TestParseTooDeep(t *testing.T) {
	t.Parallel()
	deep := func(open, close string) string {
		return strings.Repeat(open, nesting.Max+1) + "1" + strings.Repeat(close, nesting.Max+1)
	}
	const detail = "Brackets, braces, parentheses, blocks, template sequences and operators nest more than 256 levels deep here. " +
		"readiness refuses the file before parsing it, so that it cannot exhaust the stack."
	tests := map[string]struct {
		src  string
		want string
	}{
		"fail_on": {
			src:  "fail_on = " + deep("[", "]") + "\n",
			want: ".readiness.hcl:1,267-268: Nesting too deep; " + detail,
		},
		"condition": {
			src:  "check \"team_x\" {\n  resource_types = [\"aws_db_instance\"]\n  condition = " + deep("!(", ")") + "\n}\n",
			want: ".readiness.hcl:3,270-271: Nesting too deep; " + detail,
		},
		"message": {
			src:  "check \"team_x\" {\n  resource_types = [\"aws_db_instance\"]\n  condition = true\n  message = \"" + deep("${\"", "\"}") + "\"\n}\n",
			want: ".readiness.hcl:4,395-396: Nesting too deep; " + detail,
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, diags := Parse([]byte(tt.src), ".readiness.hcl")
			var got []string
			for _, d := range diags {
				got = append(got, d.Error())
			}
			if diff := cmp.Diff([]string{tt.want}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
