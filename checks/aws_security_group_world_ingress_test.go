package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
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
		},
		// aws_security_group.rules_only has no inline rules and aws_security_group_rule.egress_all is egress.
	})
}
