package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSRoute53RoutingHealthCheck(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSRoute53RoutingHealthCheck, "testdata/aws_route53/plan.json", checktest.Want{
		Pass: []string{
			"aws_route53_record.api_primary",          // refers to a health check
			"aws_route53_record.api_secondary",        // failover secondary
			"aws_route53_record.app_primary",          // known id of an existing health check
			`aws_route53_record.latency["eu-west-1"]`, // alias evaluates the target's health
		},
		Fail:    []string{`aws_route53_record.latency["us-east-1"]`, "aws_route53_record.web_primary"},
		Unknown: []string{"module.dns.aws_route53_record.this[0]"}, // id from SSM, read during apply
	})
}
