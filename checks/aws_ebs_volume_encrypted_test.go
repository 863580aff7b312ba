package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEBSVolumeEncrypted(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"explicit settings": {"testdata/aws_ec2/plan.json", checktest.Want{
			Pass: []string{"aws_ebs_volume.data", "module.storage.aws_ebs_volume.this"},
			Fail: []string{"aws_ebs_volume.scratch"},
			Unknown: []string{
				"aws_ebs_volume.cache[0]", "aws_ebs_volume.cache[1]", // unset: the account default decides
				"aws_ebs_volume.restore", // the snapshot decides
			},
		}},
		"encryption by default in the plan": {"testdata/aws_ec2_default_encryption/plan.json", checktest.Want{
			Pass: []string{"aws_ebs_volume.unset"},
		}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSEBSVolumeEncrypted, tc.fixture, tc.want)
		})
	}
}
