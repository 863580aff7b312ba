package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEC2BlockDeviceEncrypted(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"explicit settings": {"testdata/aws_ec2/plan.json", checktest.Want{
			Pass: []string{
				"aws_instance.web", "aws_launch_template.app",
				`module.fleet["arm"].aws_launch_template.this`, `module.fleet["x86"].aws_launch_template.this`,
			},
			Fail: []string{"aws_instance.bastion", "aws_launch_template.legacy"},
			Unknown: []string{
				"aws_instance.app[0]", "aws_instance.app[1]", // root volume from the AMI
				"aws_launch_template.minimal", "aws_launch_configuration.worker",
				// ebs_block_device known only after apply and missing from
				// the plan's configuration: a dynamic block may add volumes.
				"aws_launch_configuration.encrypted",
			},
		}},
		"encryption by default in the plan": {"testdata/aws_ec2_default_encryption/plan.json", checktest.Want{
			Pass: []string{"aws_instance.app", "aws_launch_template.bare"},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSEC2BlockDeviceEncrypted, tc.fixture, tc.want)
		})
	}
}
