package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSRDSCrossRegionReplica requires databases to keep a copy in another
// region: a cross-region read replica, a global cluster, or replicated
// automated backups.
var AWSRDSCrossRegionReplica = check.Check{
	Meta: check.Meta{
		ID:            "aws_rds_cross_region_replica",
		Title:         "Database is replicated to another region",
		Section:       "disaster_recovery",
		Category:      "replication",
		CrossRegion:   true,
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_db_instance", "aws_rds_cluster", "aws_neptune_cluster", "aws_docdb_cluster"},
		Description: "Multi-AZ survives the loss of a zone, not of a region: when RDS is impaired in the region, " +
			"the database is down until the region recovers, and restoring snapshots elsewhere (if they were " +
			"copied) takes hours. A cross-region read replica or a global cluster member can be promoted in " +
			"minutes; replicated automated backups at least allow a point-in-time restore in the other region. " +
			"Same-region read replicas are not judged: their source is.",
		Remediation: "Add a global cluster (aws_rds_global_cluster and global_cluster_identifier) for Aurora, " +
			"Neptune and DocumentDB, a read replica in another region (replicate_source_db = source ARN, through " +
			"a provider for that region) for RDS instances, or an aws_db_instance_automated_backups_replication.",
		Example: `resource "aws_db_instance" "replica" {
  provider            = aws.dr
  replicate_source_db = aws_db_instance.main.arn
  instance_class      = "db.m6g.large"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if r.Type == "aws_db_instance" {
			return dataDBInstanceReplication(p, r)
		}
		g := r.Attr("global_cluster_identifier")
		if s, _ := g.Str(); s != "" || (g.Unknown && len(r.ExprRefs("global_cluster_identifier")) > 0) {
			return pass("the cluster is a member of a global cluster", ev(p, r, "global_cluster_identifier"))
		}
		// DocumentDB has no cross-region read replica clusters (no
		// replication_source_identifier in any provider version): only
		// global clusters.
		var replicas []*model.Resource
		if r.Type != "aws_docdb_cluster" {
			src := r.Attr("replication_source_identifier")
			if s, _ := src.Str(); s != "" || (src.Unknown && len(r.ExprRefs("replication_source_identifier")) > 0) {
				return pass("the cluster is a cross-region replica", ev(p, r, "replication_source_identifier"))
			}
			replicas = linkedThrough(p, r, "replication_source_identifier", strAt(r, "arn"), r.Type)
		}
		return forAnyCount(r, replicas, itself, func(replicas []*model.Resource) check.Finding {
			if len(replicas) > 0 {
				return pass("a replica cluster follows this one", evText("replicas", "%s", addresses(replicas)))
			}
			return fail("the cluster exists in one region only", ev(p, r, "global_cluster_identifier"))
		})
	},
}

// dataDBInstanceReplication judges an aws_db_instance: a cross-region replica
// itself, the source of one, or the source of replicated automated backups.
func dataDBInstanceReplication(p *model.Plan, r *model.Resource) check.Finding {
	region, regionKnown := p.Region(r)
	if dataReadReplica(r) {
		srcRegion, ok := dataSourceRegion(p, r)
		if ok && regionKnown && srcRegion != region {
			return pass(fmt.Sprintf("cross-region read replica (%s) of a database in %s", region, srcRegion), ev(p, r, "replicate_source_db"))
		}
		return check.Skip // a same-region replica: its source is judged
	}
	copies := linkedThrough(p, r, "source_db_instance_arn", strAt(r, "arn"), "aws_db_instance_automated_backups_replication")
	copies = append(copies, linkedThrough(p, r, "replicate_source_db", strAt(r, "identifier"), "aws_db_instance")...)
	copies = append(copies, p.WithValue(strAt(r, "arn"), model.Path{"replicate_source_db"}, "aws_db_instance")...)
	return forAnyCount(r, copies, itself, func(copies []*model.Resource) check.Finding {
		return dataDBInstanceCopies(p, r, region, regionKnown, copies)
	})
}

// dataDBInstanceCopies judges an aws_db_instance in region by its copies:
// replications of its automated backups and read replicas.
func dataDBInstanceCopies(p *model.Plan, r *model.Resource, region string, regionKnown bool, copies []*model.Resource) check.Finding {
	if bs := ofTypes(copies, []string{"aws_db_instance_automated_backups_replication"}); len(bs) > 0 {
		return pass("automated backups are replicated to another region", evText("aws_db_instance_automated_backups_replication", "%s", addresses(bs)))
	}
	replicas := ofTypes(copies, []string{"aws_db_instance"})
	var undecided []string
	for _, rep := range replicas {
		other, ok := p.Region(rep)
		switch {
		case ok && regionKnown && other != region:
			return pass(fmt.Sprintf("%s replicates the database to %s", rep.Address, other), evText("replicas", "%s", addresses(replicas)))
		case !ok || !regionKnown:
			undecided = append(undecided, rep.Address)
		}
	}
	if len(undecided) > 0 {
		return unknown("the region of a read replica is not known from the plan", evText("replicas", "%s", strings.Join(undecided, ", ")))
	}
	return fail("no cross-region replica or backup replication: the database exists in one region only",
		evText("replicas", "%d read replica(s) in the same region; no aws_db_instance_automated_backups_replication", len(replicas)))
}

// dataSourceRegion is the region of a read replica's source: from the
// source's ARN, or from the source resource in the plan.
func dataSourceRegion(p *model.Plan, replica *model.Resource) (string, bool) {
	if s := strAt(replica, "replicate_source_db"); strings.HasPrefix(s, "arn:") {
		if parts := strings.Split(s, ":"); len(parts) > 3 && parts[3] != "" {
			return parts[3], true
		}
	}
	for _, src := range p.Refs(replica, "replicate_source_db") {
		if src.Type == "aws_db_instance" {
			return p.Region(src)
		}
	}
	return "", false
}
