package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleStorageBucketPublicAccess(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleStorageBucketPublicAccess, "testdata/google_storage/plan.json", checktest.Want{
		Pass:    []string{"google_storage_bucket.data"},
		Fail:    []string{"google_storage_bucket.assets", "module.archive.google_storage_bucket.this"},
		Unknown: []string{"google_storage_bucket.logs[0]", "google_storage_bucket.tmp"},
	})
}
