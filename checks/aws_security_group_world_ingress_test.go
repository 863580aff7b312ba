package checks

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

func TestAWSSecurityGroupWorldIngress(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSSecurityGroupWorldIngress, "testdata/aws_sg/plan.json", checktest.Want{
		Pass: []string{
			"aws_security_group.web", // only 80/443 from the world
			"aws_security_group.db", "aws_security_group.tier[0]", "module.bastion.aws_security_group.this",
			"aws_default_security_group.default",
			"aws_security_group_rule.https_world",
			"aws_vpc_security_group_ingress_rule.https", "aws_vpc_security_group_ingress_rule.internal",
		},
		Fail: []string{
			"aws_security_group.ssh", "aws_security_group.tier[1]", // 22
			"aws_security_group.all",  // every port, IPv6
			"aws_security_group.wide", // a range over 3306 and 3389
			"aws_security_group_rule.ssh_world", "aws_security_group_rule.redis_v6",
			"aws_vpc_security_group_ingress_rule.rdp", "aws_vpc_security_group_ingress_rule.everything",
		},
		Unknown: []string{
			"aws_security_group.game", "aws_vpc_security_group_ingress_rule.app", // other ports: a person decides
			"aws_security_group.peer", "aws_security_group_rule.from_peer", // source known only after apply
			// No inline rules in main.tf, but from the plan alone (ingress
			// unknown, missing from its configuration) it may be a dynamic
			// block: TestDynamicBlocks has the .tf reading.
			"aws_security_group.rules_only",
		},
		// aws_security_group_rule.egress_all is egress.
	})
}

// sgRule is an inline ingress rule as plans write it.
func sgRule(protocol string, from, to float64, cidrs ...any) model.Object {
	return model.Object{
		{Name: "cidr_blocks", Value: cidrs}, {Name: "description", Value: ""},
		{Name: "from_port", Value: from}, {Name: "ipv6_cidr_blocks", Value: []any{}},
		{Name: "protocol", Value: protocol}, {Name: "to_port", Value: to},
	}
}

// The evidence of a security group names only the rules its verdict rests
// on, one line each, read through the plan's sensitive and unknown marks.
func TestAWSSecurityGroupWorldIngressEvidence(t *testing.T) {
	t.Parallel()
	many := []any{}
	for port := range 40 {
		many = append(many, sgRule("tcp", float64(8000+port), float64(8000+port), "10.0.0.0/8"))
	}
	many = append(many, sgRule("tcp", 3306, 3306, "10.0.0.0/8", "0.0.0.0/0"))
	tests := map[string]struct {
		ingress            []any
		unknown, sensitive any
		want               check.Status
		evidence           []check.Evidence
	}{
		"one bad rule among many": {
			ingress: many, want: check.StatusFail,
			evidence: []check.Evidence{{Attribute: "ingress[40]", Value: "tcp 3306-3306 from 0.0.0.0/0"}},
		},
		"both families": {
			ingress: []any{sgRule("tcp", 443, 443, "0.0.0.0/0"), model.Object{
				{Name: "cidr_blocks", Value: []any{"0.0.0.0/0"}}, {Name: "from_port", Value: 22.0},
				{Name: "ipv6_cidr_blocks", Value: []any{"::/0"}}, {Name: "protocol", Value: "tcp"}, {Name: "to_port", Value: 22.0},
			}},
			want:     check.StatusFail,
			evidence: []check.Evidence{{Attribute: "ingress[1]", Value: "tcp 22-22 from 0.0.0.0/0, ::/0"}},
		},
		"sensitive source": {
			ingress:   []any{sgRule("tcp", 22, 22, "10.0.0.0/8", "0.0.0.0/0")},
			sensitive: model.Object{{Name: "ingress", Value: []any{model.Object{{Name: "cidr_blocks", Value: []any{false, true}}}}}},
			want:      check.StatusFail,
			evidence:  []check.Evidence{{Attribute: "ingress[0]", Value: "tcp 22-22 from " + model.Redacted}},
		},
		"sensitive list and protocol": {
			ingress:   []any{sgRule("tcp", 22, 22, "0.0.0.0/0")},
			sensitive: model.Object{{Name: "ingress", Value: []any{model.Object{{Name: "cidr_blocks", Value: true}, {Name: "protocol", Value: true}}}}},
			want:      check.StatusFail,
			evidence:  []check.Evidence{{Attribute: "ingress[0]", Value: model.Redacted + " 22-22 from " + model.Redacted}},
		},
		"source known after apply": {
			ingress:  []any{sgRule("tcp", 443, 443, "0.0.0.0/0"), sgRule("tcp", 22, 22, nil)},
			unknown:  model.Object{{Name: "ingress", Value: []any{model.Object{}, model.Object{{Name: "cidr_blocks", Value: []any{true}}}}}},
			want:     check.StatusUnknown,
			evidence: []check.Evidence{{Attribute: "ingress[1]", Value: "tcp 22-22 from " + model.KnownAfterApply}},
		},
		"another port": {
			ingress:  []any{sgRule("tcp", 8080, 8080, "0.0.0.0/0")},
			want:     check.StatusUnknown,
			evidence: []check.Evidence{{Attribute: "ingress[0]", Value: "tcp 8080-8080 from 0.0.0.0/0"}},
		},
		"web only": {
			ingress:  []any{sgRule("tcp", 443, 443, "0.0.0.0/0"), sgRule("tcp", 22, 22, "10.0.0.0/8")},
			want:     check.StatusPass,
			evidence: []check.Evidence{{Attribute: "ingress[0]", Value: "tcp 443-443 from 0.0.0.0/0"}},
		},
		"private only": {
			ingress:  []any{sgRule("tcp", 22, 22, "10.0.0.0/8")},
			want:     check.StatusPass,
			evidence: []check.Evidence{{Attribute: "ingress", Value: "1 rule(s), none open to 0.0.0.0/0 or ::/0"}},
		},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := &model.Resource{Address: "aws_security_group.g", Type: "aws_security_group", Name: "g",
				Mode: tfjson.ManagedResourceMode, Actions: tfjson.Actions{tfjson.ActionCreate},
				After: model.Object{{Name: "ingress", Value: tt.ingress}}, AfterUnknown: tt.unknown, AfterSensitive: tt.sensitive}
			p := model.NewPlan("test", model.KindPlan, []*model.Resource{r}, nil, nil)
			got := AWSSecurityGroupWorldIngress.Resource(p, r)
			if got.Status != tt.want {
				t.Errorf("status = %s, want %s (%s)", got.Status, tt.want, got.Message)
			}
			if diff := cmp.Diff(tt.evidence, got.Evidence); diff != "" {
				t.Errorf("evidence (-want +got):\n%s", diff)
			}
		})
	}
}
