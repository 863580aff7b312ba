package checks

import (
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSClusterMultiAZ requires Aurora, Neptune and DocumentDB clusters to
// have a failover replica in a second Availability Zone.
var AWSRDSClusterMultiAZ = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_cluster_multi_az",
		Title:         "Database cluster has instances in two or more Availability Zones",
		Section:       "deployment",
		Category:      "multi_az",
		Severity:      check.SeverityHigh,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"},
		Description: "Aurora, Neptune and DocumentDB keep the data of a cluster in three Availability Zones, but " +
			"only instances serve it: a cluster with a single instance has nothing to fail over to and is down " +
			"until RDS replaces the instance, often ten minutes or more. A second instance in another AZ is " +
			"promoted within a minute or so. Multi-AZ DB clusters (db_cluster_instance_class) and Aurora " +
			"Serverless v1 place their capacity across AZs by themselves.",
		Remediation: "Add a second cluster instance (aws_rds_cluster_instance, aws_neptune_cluster_instance or " +
			"aws_docdb_cluster_instance) to the cluster, in another Availability Zone when you pin availability_zone.",
		Example: `resource "aws_rds_cluster_instance" "main" {
  count              = 2
  cluster_identifier = aws_rds_cluster.main.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.main.engine
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "aws_rds_cluster" {
			if strAt(r, "engine_mode") == "serverless" {
				return pass("Aurora Serverless v1 fails over to another Availability Zone by itself", ev(p, r, "engine_mode"))
			}
			if strAt(r, "db_cluster_instance_class") != "" {
				return pass("a Multi-AZ DB cluster runs a writer and two readers in three Availability Zones",
					ev(p, r, "db_cluster_instance_class"))
			}
		}
		kind := dbClusterInstanceTypes[r.Type]
		return forAnyCount(r, dataClusterInstances(p, r), itself, func(members []*model.Resource) check.Finding {
			return clusterMembersMultiAZ(p, kind, members)
		})
	},
}

// clusterMembersMultiAZ judges a database cluster by its member instances
// (of type kind).
func clusterMembersMultiAZ(p *model.Plan, kind string, members []*model.Resource) check.Finding {
	e := evText("cluster instances", "%d %s linked by cluster_identifier: [%s]", len(members), kind, addresses(members))
	switch len(members) {
	case 0:
		return unknown(fmt.Sprintf("no %s in the plan joins this cluster: its instances are managed elsewhere", kind), e)
	case 1:
		return fail(fmt.Sprintf("only 1 %s (%s) in the cluster: no failover replica", kind, members[0].Address), e)
	}
	zones := map[string]bool{}
	for _, m := range members {
		if az := strAt(m, "availability_zone"); az != "" {
			zones[az] = true
		} else {
			zones = nil
			break
		}
	}
	if len(zones) == 1 {
		return fail(fmt.Sprintf("all %d instances are pinned to one Availability Zone", len(members)), e,
			ev(p, members[0], "availability_zone"))
	}
	if zones == nil {
		return pass(fmt.Sprintf("%d instances in the cluster; RDS places instances without a pinned availability_zone in the subnet group's zones, normally apart", len(members)), e)
	}
	return pass(fmt.Sprintf("%d instances in Availability Zones %v", len(members), mapKeys(zones)), e)
}
