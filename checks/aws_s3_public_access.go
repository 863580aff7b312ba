package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// AWSS3PublicAccess forbids public S3 buckets.
var AWSS3PublicAccess = check.Check{
	Meta: check.Meta{
		ID:            "aws_s3_public_access",
		Title:         "S3 bucket is not public",
		Section:       "security",
		Category:      "public_access",
		Severity:      check.SeverityCritical,
		Cloud:         "aws",
		ResourceTypes: []string{"aws_s3_bucket"},
		Description: "Public buckets are the most common cloud data leak: a public-read ACL or a policy that allows " +
			"Principal \"*\" lets anyone list or download the objects. S3 Block Public Access with all four flags " +
			"on overrides such grants. The check fails a bucket that the plan opens (public ACL, public policy), " +
			"at critical severity. A bucket whose Block Public Access is partly switched off while nothing the " +
			"plan shows is public fails at medium: a guard rail is down, nothing is exposed yet (log buckets " +
			"often look like this). It passes a bucket fully blocked. With no Block Public Access resource, a " +
			"bucket the plan creates passes, since S3 blocks public access on new buckets by default since " +
			"April 2023; for an existing bucket the settings lie outside the plan (unknown).",
		Remediation: "Remove public ACLs and policy statements for Principal \"*\" (serve public content through " +
			"CloudFront with origin access control), and add an aws_s3_bucket_public_access_block with all four " +
			"flags true.",
		Example: `resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}`,
	},
	Resource: func(p *model.Plan, r *model.Resource) check.Finding {
		blocks := s3PublicAccessBlocks(p, r)
		on := map[string]bool{}
		var off, undecided []string
		for _, name := range s3BlockFlags {
			v, known := s3BlockFlag(blocks, name)
			on[name] = v
			switch {
			case !v && known:
				off = append(off, name+"=false")
			case !v:
				undecided = append(undecided, name)
			}
		}
		if len(blocks) > 0 && len(off) == 0 && len(undecided) == 0 {
			return pass("Block Public Access is fully on", evText(addresses(blocks), "all four block flags true"))
		}
		acl, aclUnknown := s3PublicACL(p, r)
		if acl != nil && !on["ignore_public_acls"] {
			return fail("the bucket's ACL grants access to everyone", *acl)
		}
		policy, policyUnknown := s3PublicPolicy(p, r)
		if policy != nil && !on["block_public_policy"] && !on["restrict_public_buckets"] {
			return fail("the bucket policy allows anyone", *policy)
		}
		if len(blocks) > 0 {
			e := evText(addresses(blocks), "%s", strings.Join(append(off, undecided...), ", "))
			if len(off) > 0 {
				if aclUnknown || policyUnknown {
					return fail(fmt.Sprintf("Block Public Access is partly off (%s), and the bucket's ACL or policy is known only after apply", strings.Join(off, ", ")), e)
				}
				f := fail(fmt.Sprintf("Block Public Access is partly off (%s); nothing the plan shows is public yet", strings.Join(off, ", ")), e)
				f.Severity = check.SeverityMedium
				return f
			}
			return unknown("Block Public Access flags are known only after apply", e)
		}
		none := evText("aws_s3_bucket_public_access_block", "none for this bucket in the plan")
		switch {
		case aclUnknown || policyUnknown:
			return unknown("the bucket's ACL or policy is known only after apply", none, ev(p, r, "acl"))
		case dataCreated(r):
			return pass("nothing in the plan makes the new bucket public, and S3 blocks public access on new buckets by default (since April 2023)", none)
		}
		return unknown("the bucket already exists and its Block Public Access settings are not in the plan (buckets created before April 2023 do not block public access by default)", none)
	},
}
