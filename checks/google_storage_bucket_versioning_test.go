package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestGoogleStorageBucketVersioning(t *testing.T) {
	t.Parallel()
	checktest.Assert(t, GoogleStorageBucketVersioning, "testdata/google_storage/plan.json", checktest.Want{
		Pass:    []string{"google_storage_bucket.data", "module.archive.google_storage_bucket.this"},
		Fail:    []string{"google_storage_bucket.assets", "google_storage_bucket.logs[0]"},
		Unknown: []string{"google_storage_bucket.tmp"},
	})
}
