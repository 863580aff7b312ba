package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSLB5xxAlarm(t *testing.T) {
	t.Parallel()
	// aws_lb.nlb is a network load balancer: not judged.
	checktest.Assert(t, AWSLB5xxAlarm, "testdata/aws_app_alarms/plan.json", checktest.Want{
		Pass: []string{
			"aws_lb.api",              // HTTPCode_Target_5XX_Count on its LoadBalancer
			"module.edge.aws_lb.this", // metric math over HTTPCode_ELB_5XX_Count
		},
		Fail: []string{
			"aws_lb.web",     // only an UnHealthyHostCount alarm
			"aws_alb.legacy", // no alarm
		},
		Unknown: []string{"aws_lb.internal[0]"}, // metric_name read from SSM during apply
	})
}
