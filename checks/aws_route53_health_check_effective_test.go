package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRoute53HealthCheckEffective(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSRoute53HealthCheckEffective, "testdata/aws_route53/plan.json", checktest.Want{
		Pass:    []string{"aws_route53_health_check.api_primary", "module.dns.aws_route53_health_check.this"},
		Fail:    []string{"aws_route53_health_check.combined", "aws_route53_health_check.legacy"},
		Unknown: []string{`aws_route53_health_check.by_region["eu"]`},
	})
}
