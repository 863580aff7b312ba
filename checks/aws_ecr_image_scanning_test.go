package checks

import (
	"testing"

	"github.com/prodready/terraform-provider-readiness/internal/checktest"
)

func TestAWSECRImageScanning(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		fixture string
		want    checktest.Want
	}{
		"repositories' own scan_on_push": {"testdata/eks_ecr/plan.json", checktest.Want{
			Pass:    []string{"aws_ecr_repository.scanned"},
			Fail:    []string{"aws_ecr_repository.unscanned", "aws_ecr_repository.unset"},
			Unknown: []string{"aws_ecr_repository.later"},
		}},
		"enhanced registry rules override scan_on_push in their region": {"testdata/eks_ecr_registry/plan.json", checktest.Want{
			Pass: []string{"aws_ecr_repository.prod_api", "aws_ecr_repository.dev_api", "aws_ecr_repository.other_region"},
			Fail: []string{"aws_ecr_repository.sandbox", "aws_ecr_repository.legacy"},
		}},
		"Inspector activated for ECR": {"testdata/eks_ecr_inspector/plan.json", checktest.Want{
			Pass: []string{"aws_ecr_repository.app"},
		}},
		"Inspector resource types known only after apply": {"testdata/eks_ecr_inspector_unknown/plan.json", checktest.Want{
			Pass:    []string{"aws_ecr_repository.pushed"},
			Unknown: []string{"aws_ecr_repository.app"},
		}},
		"no repository": {"testdata/eks_addons/plan.json", checktest.Want{}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			checktest.Assert(t, AWSECRImageScanning, tc.fixture, tc.want)
		})
	}
}

func TestECRWildcard(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		filter, name string
		want         bool
	}{
		{"*", "a/b", true}, {"prod-*", "prod-api", true}, {"prod-*", "dev-api", false},
		{"*-api", "prod-api", true}, {"team/*/api", "team/x/y/api", true}, {"api", "api", true}, {"api", "api2", false},
		{"a*b*c", "abc", true}, {"a*b*c", "acb", false},
	} {
		if got := ecrWildcard(tc.filter, tc.name); got != tc.want {
			t.Errorf("ecrWildcard(%q, %q) = %t, want %t", tc.filter, tc.name, got, tc.want)
		}
	}
}
