package checks

import (
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSS3Versioning requires versioning on S3 buckets, S3's own protection
// against overwritten and deleted objects.
var AWSS3Versioning = check.Check{
	Meta: check.Meta{
		ID:            "aws_s3_versioning",
		Title:         "S3 bucket keeps object versions",
		Section:       "disaster_recovery",
		Category:      "backup",
		Severity:      check.SeverityMedium,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_s3_bucket"},
		Description: "Without versioning, an overwritten or deleted object is gone: a buggy job, a wrong sync " +
			"--delete or ransomware with write access destroys data with no way back. With versioning, earlier " +
			"versions stay (expire them with a lifecycle rule to bound the cost). New buckets start unversioned. " +
			"Medium severity: buckets of reproducible data (build artifacts, caches) may waive it.",
		Remediation: "Add an aws_s3_bucket_versioning resource for the bucket with versioning_configuration " +
			"{ status = \"Enabled\" } (AWS provider v4 and later), or the versioning block on older providers.",
		Example: `resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id
  versioning_configuration {
    status = "Enabled"
  }
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		if vs := s3Linked(p, r, "aws_s3_bucket_versioning"); len(vs) > 0 {
			status := vs[0].Attr("versioning_configuration", 0, "status")
			e := evAt(p, vs[0], "versioning_configuration", 0, "status")
			switch s, _ := status.Str(); {
			case status.Unknown:
				return unknown("the versioning status is known only after apply", e)
			case s == "Enabled":
				return pass("earlier versions of overwritten and deleted objects are kept", e)
			}
			return fail("versioning is not enabled: overwritten and deleted objects are lost", e)
		}
		a := r.Attr("versioning")
		e := ev(p, r, "versioning")
		if on, ok := r.Attr("versioning", 0, "enabled").Bool(); ok && on {
			return pass("earlier versions of overwritten and deleted objects are kept", e)
		}
		none := evText("aws_s3_bucket_versioning", "none for this bucket in the plan")
		switch {
		case a.Unknown && (r.Config == nil || r.ConfiguredBlock("versioning") == model.Set):
			return unknown("versioning is known only after apply", e)
		case a.Unknown && maybeDynamic(r, "versioning"):
			return fail("nothing in the configuration enables versioning, and buckets start unversioned", assumeUnset(e, "versioning"), none)
		case a.Unknown:
			return fail("nothing in the configuration enables versioning, and buckets start unversioned", e, none)
		case dataAbsent(a):
			return unknown("the plan does not hold versioning", e, none)
		}
		return fail("versioning is not enabled: overwritten and deleted objects are lost", e, none)
	},
}
