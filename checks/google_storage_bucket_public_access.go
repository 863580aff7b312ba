package checks

import (
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// GoogleStorageBucketPublicAccess fails buckets that this plan opens to
// everyone and passes buckets that enforce public access prevention.
var GoogleStorageBucketPublicAccess = check.Check{
	Meta: check.Meta{
		ID:            "google_storage_bucket_public_access",
		Title:         "Cloud Storage bucket cannot be made public",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityCritical,
		Cloud:         "google",
		ResourceTypes: []string{"google_storage_bucket"},
		Description: "A grant to allUsers or allAuthenticatedUsers publishes a bucket's objects to the internet. " +
			"With public_access_prevention = \"enforced\" such grants are refused; with \"inherited\" (the " +
			"default) the bucket is as safe as the organisation policy and every IAM binding made outside this " +
			"plan, which the plan cannot show.",
		Remediation: "Set public_access_prevention = \"enforced\" and uniform_bucket_level_access = true, and " +
			"remove grants to allUsers and allAuthenticatedUsers.",
		Example: `resource "google_storage_bucket" "data" {
  name                        = "orders-data"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		pap, e, why := settle(p, r, "inherited", "public_access_prevention")
		if why == "" && pap == "enforced" {
			return pass("public access prevention refuses grants to everyone", e)
		}
		if grant := bucketPublicGrant(p, r); grant != nil {
			return fail("this plan grants everyone access to the bucket", e, *grant)
		}
		if why != "" {
			return unknown(why, e)
		}
		return unknown("public access prevention is inherited: whether the bucket can be made public depends on "+
			"the organisation policy and on IAM outside this plan", e, ev(p, r, "uniform_bucket_level_access"))
	},
}

// bucketGrantTypes are the resources that grant access to a bucket, and the
// attribute that names who.
var bucketGrantTypes = map[string]string{
	"google_storage_bucket_iam_member":             "member",
	"google_storage_bucket_iam_binding":            "members",
	"google_storage_bucket_access_control":         "entity",
	"google_storage_bucket_acl":                    "role_entity",
	"google_storage_default_object_access_control": "entity",
}

// bucketGrants finds the grants whose bucket refers to a bucket or holds its
// known name, in the order of their types' names.
var bucketGrants = &backLink{types: mapKeys(bucketGrantTypes), attr: "bucket"}

// bucketPublicGrant finds a grant to allUsers or allAuthenticatedUsers on
// the bucket, linked by reference or by the bucket's known name.
func bucketPublicGrant(p *model.Plan, bucket *model.Resource) *check.Evidence {
	name, _ := bucket.Attr("name").Str()
	for _, g := range bucketGrants.to(p, bucket, name) {
		attr := bucketGrantTypes[g.Type]
		who := g.Attr(attr)
		values := who.Strings()
		if s, ok := who.Str(); ok {
			values = []string{s}
		}
		for _, v := range values {
			if strings.Contains(v, "allUsers") || strings.Contains(v, "allAuthenticatedUsers") {
				e := evAt(p, g, attr)
				return &e
			}
		}
	}
	return nil
}
