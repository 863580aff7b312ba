package checks

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/prodready/terraform-provider-readiness/internal/profile"
)

// TestProfileCheckSets pins which catalogue checks each profile leaves out:
// staging and development run everything but the checks that ask for a
// second region (docs/profiles lists the same sets, generated).
func TestProfileCheckSets(t *testing.T) {
	t.Parallel()
	secondRegion := []string{
		"aws_backup_plan_cross_region_copy", "aws_dynamodb_replicas", "aws_efs_replication",
		"aws_global_cluster_regions", "aws_rds_cross_region_replica", "aws_s3_replication",
		"azure_mssql_geo_backup", "multi_region",
	}
	want := map[string][]string{"production": nil, "staging": secondRegion, "development": secondRegion}
	for name, wantOff := range want {
		for _, alias := range append([]string{name}, aliasFor(name)) {
			p, err := profile.Lookup(alias)
			if err != nil {
				t.Fatal(err)
			}
			var off []string
			for _, c := range All() {
				if _, runs := p.Apply(c.Meta); !runs {
					off = append(off, c.ID)
				}
			}
			sort.Strings(off)
			if diff := cmp.Diff(wantOff, off); diff != "" {
				t.Errorf("profile %s: checks not run (-want +got):\n%s", alias, diff)
			}
		}
	}
}

func aliasFor(name string) string {
	for _, a := range profile.Aliases() {
		if p, _ := profile.Lookup(a); p.Name == name {
			return a
		}
	}
	return name
}
