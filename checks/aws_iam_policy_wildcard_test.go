package checks

import (
	"testing"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestAWSIAMPolicyWildcard(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSIAMPolicyWildcard, "testdata/aws_iam/plan.json", checktest.Want{
		Pass: []string{
			"aws_iam_policy.reports", "aws_iam_role.ecs", "aws_iam_role_policy.worker",
			`module.team["data"].aws_iam_role_policy.this`,
		},
		Fail: []string{
			"aws_iam_group_policy.ops", "aws_iam_policy.admin", "aws_iam_policy.notaction", "aws_iam_role.partner",
			"aws_iam_user_policy.ci", `module.team["web"].aws_iam_role_policy.this`,
		},
		Unknown: []string{
			"aws_iam_role_policy.logs",
			// Roles with no inline_policy in main.tf: from the plan alone
			// (known only after apply, missing from its configuration) it may
			// be a dynamic block.
			"aws_iam_role.dynamic", "aws_iam_role.public",
			`module.team["data"].aws_iam_role.this`, `module.team["web"].aws_iam_role.this`,
		},
	})
}

// TestAWSIAMPolicyWildcardRoleFromState: a role whose configuration does
// not set inline_policy plans the inline policies its state holds, those of
// aws_iam_role_policy resources among them. Those are judged where they are
// declared, not twice; the others are judged on the role.
func TestAWSIAMPolicyWildcardRoleFromState(t *testing.T) {
	t.Parallel()
	const wildcard = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`
	const narrow = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}`
	inline := func(name, doc string) model.Object {
		return model.Object{{Name: "name", Value: name}, {Name: "policy", Value: doc}}
	}
	tests := map[string]struct {
		policies []any
		want     check.Status
	}{
		"managed elsewhere":           {[]any{inline("wide", wildcard)}, ""},
		"managed elsewhere and fine":  {[]any{inline("wide", wildcard), inline("read", narrow)}, check.StatusPass},
		"a wildcard only in the role": {[]any{inline("wide", wildcard), inline("other", wildcard)}, check.StatusFail},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			role := &model.Resource{
				Address: "aws_iam_role.app", Type: "aws_iam_role", Name: "app", Actions: tfjson.Actions{tfjson.ActionNoop},
				After:  model.Object{{Name: "name", Value: "app"}, {Name: "inline_policy", Value: tc.policies}},
				Config: &tfjson.ConfigResource{Address: "aws_iam_role.app", Expressions: map[string]*tfjson.Expression{}},
			}
			rp := &model.Resource{
				Address: "aws_iam_role_policy.wide", Type: "aws_iam_role_policy", Name: "wide", Actions: tfjson.Actions{tfjson.ActionNoop},
				After: model.Object{{Name: "name", Value: "wide"}, {Name: "role", Value: "app"}, {Name: "policy", Value: wildcard}},
			}
			p := model.NewPlan("plan.json", model.KindPlan, []*model.Resource{role, rp}, nil, nil)
			var got check.Status
			for _, r := range checktest.Run(t, AWSIAMPolicyWildcard, p).Results {
				if r.Address == role.Address {
					got = r.Status
				}
			}
			if got != tc.want {
				t.Errorf("role: %q, want %q", got, tc.want)
			}
		})
	}
}
