package checks

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/checktest"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// counted builds a resource instance as a directory scan does, with what
// is known of its block's number of instances. addr is the instance's
// address: an optional module instance path, then the type, the name and
// an optional key.
func counted(addr, typ string, count model.Count, attrs ...any) *model.Resource {
	after := model.Object{}
	for i := 0; i+1 < len(attrs); i += 2 {
		after = append(after, model.Field{Name: attrs[i].(string), Value: attrs[i+1]})
	}
	at := strings.LastIndex(addr, typ+".")
	name, _, _ := strings.Cut(addr[at+len(typ)+1:], "[")
	return &model.Resource{
		Address: addr, ModuleAddress: strings.TrimSuffix(addr[:at], "."), Type: typ, Name: name,
		Actions: tfjson.Actions{tfjson.ActionCreate}, After: after, AfterUnknown: model.Object{}, Count: count,
	}
}

// TestForAnyCount judges the checks that count against instances whose
// number is unknown: a verdict that the number decides is unknown and
// names the block; one that holds for none, one and many instances stands,
// and the engine says "if created: " on an instance whose number is
// unknown.
func TestForAnyCount(t *testing.T) {
	t.Parallel()
	unknownMembers := model.UnknownCount("count", "aws_rds_cluster_instance.more")
	inModule := model.UnknownCount("count", "module.x")
	member := func(addr string, count model.Count, az string) *model.Resource {
		attrs := []any{"cluster_identifier", "orders", "instance_class", "db.r6g.large"}
		if az != "" {
			attrs = append(attrs, "availability_zone", az)
		}
		return counted(addr, "aws_rds_cluster_instance", count, attrs...)
	}
	cluster := func(addr string, count model.Count) *model.Resource {
		return counted(addr, "aws_rds_cluster", count, "cluster_identifier", "orders", "engine", "aurora-postgresql")
	}
	mig := func(addr string, count model.Count, zone string) *model.Resource {
		return counted(addr, "google_compute_instance_group_manager", count, "zone", zone)
	}
	type result struct {
		Status  check.Status
		Message string
	}
	for name, tc := range map[string]struct {
		check     check.Check
		resources []*model.Resource
		address   string
		want      result
	}{
		"a member of unknown number": {
			check:     AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("aws_rds_cluster.c", model.Count{}), member("aws_rds_cluster_instance.more[*]", unknownMembers, "")},
			address:   "aws_rds_cluster.c",
			want:      result{check.StatusUnknown, "the count of aws_rds_cluster_instance.more is known only after apply"},
		},
		"one member and more of unknown number": {
			check: AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("aws_rds_cluster.c", model.Count{}),
				member("aws_rds_cluster_instance.one", model.Count{}, ""), member("aws_rds_cluster_instance.more[*]", unknownMembers, "")},
			address: "aws_rds_cluster.c",
			want:    result{check.StatusUnknown, "the count of aws_rds_cluster_instance.more is known only after apply"},
		},
		"two members and more of unknown number": {
			check: AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("aws_rds_cluster.c", model.Count{}),
				member("aws_rds_cluster_instance.two[0]", model.Count{}, ""), member("aws_rds_cluster_instance.two[1]", model.Count{}, ""),
				member("aws_rds_cluster_instance.more[*]", unknownMembers, "")},
			address: "aws_rds_cluster.c",
			want: result{check.StatusPass, "3 instances in the cluster; RDS places instances without a pinned availability_zone in " +
				"the subnet group's zones, normally apart"},
		},
		"pinned to one zone, however many": {
			check: AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("aws_rds_cluster.c", model.Count{}),
				member("aws_rds_cluster_instance.one", model.Count{}, "us-east-1a"), member("aws_rds_cluster_instance.more[*]", unknownMembers, "us-east-1a")},
			address: "aws_rds_cluster.c",
			want:    result{check.StatusFail, "all 2 instances are pinned to one Availability Zone"},
		},
		"members created with the cluster": {
			check: AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("module.x[*].aws_rds_cluster.c", inModule),
				member("module.x[*].aws_rds_cluster_instance.m[0]", inModule, ""), member("module.x[*].aws_rds_cluster_instance.m[1]", inModule, "")},
			address: "module.x[*].aws_rds_cluster.c",
			want: result{check.StatusPass, "if created: 2 instances in the cluster; RDS places instances without a pinned availability_zone in " +
				"the subnet group's zones, normally apart"},
		},
		"a cluster of unknown number whose members' number is also unknown": {
			check: AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("module.x[*].aws_rds_cluster.c", inModule),
				member("module.x[*].aws_rds_cluster_instance.m[*]", model.UnknownCount("count", "module.x.aws_rds_cluster_instance.m"), "")},
			address: "module.x[*].aws_rds_cluster.c",
			want:    result{check.StatusUnknown, "if created: the count of module.x.aws_rds_cluster_instance.m is known only after apply"},
		},
		"a known count": {
			check:     AWSRDSClusterMultiAZ,
			resources: []*model.Resource{cluster("aws_rds_cluster.c", model.Count{}), member("aws_rds_cluster_instance.one[0]", model.Count{}, "")},
			address:   "aws_rds_cluster.c",
			want:      result{check.StatusFail, "only 1 aws_rds_cluster_instance (aws_rds_cluster_instance.one[0]) in the cluster: no failover replica"},
		},
		"groups of a block of unknown number in one zone": {
			check:     GoogleMIGRegional,
			resources: []*model.Resource{mig("google_compute_instance_group_manager.g[*]", model.UnknownCount("for_each", "google_compute_instance_group_manager.g"), "us-central1-a")},
			address:   "google_compute_instance_group_manager.g[*]",
			want:      result{check.StatusFail, "if created: the group and its instances live in one zone: a zone outage takes them all down"},
		},
		"a second zone only from groups of unknown number": {
			check: GoogleMIGRegional,
			resources: []*model.Resource{
				mig(`module.a["x"].module.b.google_compute_instance_group_manager.g`, model.Count{}, "us-central1-a"),
				mig(`module.a["y"].module.b[*].google_compute_instance_group_manager.g`, model.UnknownCount("count", "module.a.module.b"), "us-central1-b"),
			},
			address: `module.a["x"].module.b.google_compute_instance_group_manager.g`,
			want:    result{check.StatusUnknown, "the count of module.a.module.b is known only after apply"},
		},
		"the group of unknown number beside a known one": {
			check: GoogleMIGRegional,
			resources: []*model.Resource{
				mig(`module.a["x"].module.b.google_compute_instance_group_manager.g`, model.Count{}, "us-central1-a"),
				mig(`module.a["y"].module.b[*].google_compute_instance_group_manager.g`, model.UnknownCount("count", "module.a.module.b"), "us-central1-b"),
			},
			address: `module.a["y"].module.b[*].google_compute_instance_group_manager.g`,
			want:    result{check.StatusPass, "if created: the groups of this resource block span 2 zones"},
		},
		"a second region only from workloads of unknown number": {
			check: MultiRegion,
			resources: []*model.Resource{
				counted("aws_instance.east", "aws_instance", model.Count{}, "region", "us-east-1"),
				counted("aws_instance.west[*]", "aws_instance", model.UnknownCount("count", "aws_instance.west"), "region", "us-west-2"),
			},
			want: result{check.StatusUnknown, "the count of aws_instance.west is known only after apply"},
		},
		"every workload in one region, however many": {
			check: MultiRegion,
			resources: []*model.Resource{
				counted("aws_instance.east[*]", "aws_instance", model.UnknownCount("count", "aws_instance.east"), "region", "us-east-1"),
			},
			want: result{check.StatusFail, "every workload runs in one region, us-east-1: a region outage takes them all down"},
		},
		"a replica of unknown number": {
			check: AWSRDSCrossRegionReplica,
			resources: []*model.Resource{
				counted("aws_rds_cluster.c", "aws_rds_cluster", model.Count{}, "arn", "arn:aws:rds:us-east-1:1:cluster:c"),
				counted("aws_rds_cluster.dr[*]", "aws_rds_cluster", model.UnknownCount("count", "aws_rds_cluster.dr"),
					"replication_source_identifier", "arn:aws:rds:us-east-1:1:cluster:c", "region", "us-west-2"),
			},
			address: "aws_rds_cluster.c",
			want:    result{check.StatusUnknown, "the count of aws_rds_cluster.dr is known only after apply"},
		},
		"a table replica of unknown number": {
			check: AWSDynamoDBReplicas,
			resources: []*model.Resource{
				counted("aws_dynamodb_table.t", "aws_dynamodb_table", model.Count{}, "arn", "arn:aws:dynamodb:us-east-1:1:table/t", "replica", []any{}),
				counted("aws_dynamodb_table_replica.dr[*]", "aws_dynamodb_table_replica", model.UnknownCount("for_each", "aws_dynamodb_table_replica.dr"),
					"global_table_arn", "arn:aws:dynamodb:us-east-1:1:table/t"),
			},
			address: "aws_dynamodb_table.t",
			want:    result{check.StatusUnknown, "the for_each of aws_dynamodb_table_replica.dr is known only after apply"},
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p := model.NewPlan("dir", model.KindConfig, tc.resources, nil, nil)
			rep := checktest.Run(t, tc.check, p)
			for _, r := range rep.Results {
				if r.Address != tc.address {
					continue
				}
				if diff := cmp.Diff(tc.want, result{r.Status, r.Message}); diff != "" {
					t.Errorf("%s (-want +got):\n%s", r.Address, diff)
				}
				return
			}
			t.Errorf("no result for %q in %+v", tc.address, rep.Results)
		})
	}
}
