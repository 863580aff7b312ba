package checks

import (
	"slices"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSS3Replication requires S3 buckets that hold data to replicate to
// another bucket, or to be such a replica.
var AWSS3Replication = awsS3Replication(check.Settings{})

// awsS3Replication is the check with the buckets a team's tier tags mark
// critical reported at medium severity.
func awsS3Replication(s check.Settings) check.Check {
	return check.Check{
		Meta: check.Meta{
			ID:            "aws_s3_replication",
			Title:         "S3 bucket is replicated",
			Section:       "disaster_recovery",
			Category:      "replication",
			CrossRegion:   true,
			Severity:      check.SeverityLow,
			Cloud:         "aws",
			ResourceTypes: []string{"aws_s3_bucket"},
			Description: "Replication copies every new object to a bucket in another region or account within " +
				"minutes: the data survives a regional outage, and with a separate account also a compromised or " +
				"deleted source account. Versioning alone keeps copies in the same bucket. A bucket that is the " +
				"destination of a replication rule passes too. Buckets whose contents are not data a regional " +
				"outage would lose are not judged: log buckets (named by a logging block, aws_s3_bucket_logging, " +
				"load balancer access logs, CloudTrail, VPC flow logs or CloudFront logs, or granting " +
				"log-delivery-write) and static website buckets (published from a build). Replicating every " +
				"bucket doubles its storage bill, so a failure is low, and medium for a bucket whose tier tag " +
				"(tier_tags in .readiness.hcl) says critical; aws_s3_versioning covers deletion and overwrites.",
			Remediation: "Add an aws_s3_bucket_replication_configuration for the bucket (versioning must be enabled " +
				"on both buckets) with a destination bucket in another region or account.",
			Example: `resource "aws_s3_bucket_replication_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  role   = aws_iam_role.replication.arn
  rule {
    status = "Enabled"
    destination {
      bucket = aws_s3_bucket.data_dr.arn
    }
  }
}`,
		},
		Configure: awsS3Replication,
		Resource: func(p *model.Plan, r *model.Resource) check.Finding {
			f := s3Replication(p, r)
			if f.Status != "" && s.IsCritical(r) {
				f.Severity = check.SeverityMedium
			}
			return f
		},
	}
}

// s3Replication judges one bucket's replication, or skips a log or
// website bucket.
func s3Replication(p *model.Plan, r *model.Resource) check.Finding {
	if rs := s3Linked(p, r, "aws_s3_bucket_replication_configuration"); len(rs) > 0 {
		return pass("new objects are replicated to another bucket", evAt(p, rs[0], "rule", 0, "destination", 0, "bucket"))
	}
	if rs := s3ReplicationsInto(p, r); len(rs) > 0 {
		return pass("the bucket is the destination of a replication rule", evText("aws_s3_bucket_replication_configuration", "%s", addresses(rs)))
	}
	a := r.Attr("replication_configuration")
	e := ev(p, r, "replication_configuration")
	switch {
	case len(a.List()) > 0:
		return pass("new objects are replicated to another bucket", e)
	case a.Unknown && (r.Config == nil || r.ConfiguredBlock("replication_configuration") == model.Set):
		return unknown("replication_configuration is known only after apply", e)
	}
	if _, logs := s3LogBucket(p, r); logs {
		return check.Skip
	}
	if _, website := s3WebsiteBucket(p, r); website {
		return check.Skip
	}
	evs := []check.Evidence{evText("aws_s3_bucket_replication_configuration", "none for this bucket in the plan")}
	if maybeDynamic(r, "replication_configuration") {
		evs = append(evs, assumeUnset(e, "replication_configuration"))
	}
	return fail("no replication: the objects exist in this bucket's region only", evs...)
}

// s3ReplicationsInto returns the replication configurations whose rules
// name the bucket as destination, by reference or by its known ARN.
func s3ReplicationsInto(p *model.Plan, bucket *model.Resource) []*model.Resource {
	out := linkedThrough(p, bucket, "rule", "", "aws_s3_bucket_replication_configuration")
	name := strAt(bucket, "bucket")
	if name == "" {
		return out
	}
	for _, rc := range s3ReplicationsByDestination(p)["arn:aws:s3:::"+name] {
		if !slices.Contains(out, rc) {
			out = append(out, rc)
		}
	}
	return out
}

type s3ReplicationsKey struct{}

// s3ReplicationsByDestination indexes the plan's replication configurations
// by the known destination bucket ARNs of their rules, once per plan.
func s3ReplicationsByDestination(p *model.Plan) map[string][]*model.Resource {
	return p.Memo(s3ReplicationsKey{}, func() any {
		idx := map[string][]*model.Resource{}
		for _, rc := range p.OfType("aws_s3_bucket_replication_configuration") {
			for i := range rc.Attr("rule").List() {
				arn := strAt(rc, "rule", i, "destination", 0, "bucket")
				if l := idx[arn]; arn != "" && (len(l) == 0 || l[len(l)-1] != rc) {
					idx[arn] = append(l, rc)
				}
			}
		}
		return idx
	}).(map[string][]*model.Resource)
}
