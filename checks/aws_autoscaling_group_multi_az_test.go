package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSAutoscalingGroupMultiAZ(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"subnets traced": {
			fixture: "testdata/aws_asg/plan.json",
			want: checktest.Want{
				Pass: []string{
					"aws_autoscaling_group.web",     // aws_subnet.private[*] in three zones
					"aws_autoscaling_group.classic", // availability_zones
					"aws_autoscaling_group.shared",  // the same two subnets as a load balancer
					`module.workers["green"].aws_autoscaling_group.this`,
				},
				Fail: []string{
					"aws_autoscaling_group.edge", // a new VPC whose only subnet is in one zone
				},
				Unknown: []string{
					// One subnet referenced: a list may hold more (a literal ID beside it).
					"aws_autoscaling_group.batch",
					"aws_autoscaling_group.queue[0]", "aws_autoscaling_group.queue[1]",
					"aws_autoscaling_group.opaque",                      // subnets from a local
					`module.workers["blue"].aws_autoscaling_group.this`, // one of two subnets outside the plan
				},
			},
		},
		// vpc_zone_identifier is computed when the configuration leaves it
		// out (AWS provider v6): unknown in the plan, yet no subnet.
		"zones and lone subnets": {
			fixture: "testdata/aws_asg_zones/plan.json",
			want: checktest.Want{
				Pass: []string{"aws_autoscaling_group.spread"}, // availability_zones, two
				Fail: []string{
					"aws_autoscaling_group.zonal",         // availability_zones, one
					"aws_autoscaling_group.single_subnet", // one subnet is one zone, whichever
				},
				Unknown: []string{"aws_autoscaling_group.two_subnets"}, // both outside the plan
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSAutoscalingGroupMultiAZ, tc.fixture, tc.want)
		})
	}
}
