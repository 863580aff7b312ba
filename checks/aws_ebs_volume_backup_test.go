package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSEBSVolumeBackup(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, AWSEBSVolumeBackup, "testdata/aws_backup/plan.json", checktest.Want{
		Pass: []string{
			"aws_ebs_volume.data",                  // DLM VOLUME policy by tag
			"aws_ebs_volume.scratch[0]",            // AWS Backup selection_tag
			`module.node["a"].aws_ebs_volume.this`, // DLM INSTANCE policy through its attachment
		},
		Fail: []string{
			"aws_ebs_volume.logs",   // no tag any policy targets
			"aws_ebs_volume.weekly", // its policy is DISABLED
		},
		Unknown: []string{"aws_ebs_volume.scratch[1]"}, // Snapshot tag known only after apply
	})
}
