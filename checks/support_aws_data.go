package checks

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the AWS data-store checks: judgements shared by several
// services, database clusters and their members, and S3 access. The links
// between a data store and the resources that configure it are in
// support_links.go.

// dataCreated reports whether the plan creates the resource (anew or as a
// replacement), so that API defaults for new resources apply to it.
func dataCreated(r *model.Resource) bool {
	return r.Actions.Create() || r.Actions.Replace()
}

// dataAbsent reports a top-level attribute that the plan does not hold at all:
// not in the schema of the provider version that wrote the plan.
func dataAbsent(a model.Attr) bool { return !a.Unknown && !a.Present }

// dataMinNumber judges a number attribute that must be at least min. A null
// value means the API default dflt; unset is said in the evidence.
func dataMinNumber(p *model.Plan, r *model.Resource, attr string, min, dflt float64, passMsg, failMsg string) check.Finding {
	a := r.Attr(attr)
	e := ev(p, r, attr)
	switch {
	case a.Unknown:
		return unknown(attr+" is known only after apply", e)
	case dataAbsent(a):
		return unknown("the plan does not hold "+attr, e)
	}
	n, ok := a.Number()
	if !ok {
		if a.Value != nil {
			return unknown(attr+" is not a number", e)
		}
		n = dflt
		e.Value += fmt.Sprintf(" (unset: defaults to %g)", dflt)
	}
	if n >= min {
		return pass(passMsg, e)
	}
	return fail(failMsg, e)
}

// dataNonEmpty judges a list attribute that must hold at least one element;
// null and [] fail.
func dataNonEmpty(p *model.Plan, r *model.Resource, attr, passMsg, failMsg string) check.Finding {
	a := r.Attr(attr)
	e := ev(p, r, attr)
	switch {
	case a.Unknown:
		return unknown(attr+" is known only after apply", e)
	case dataAbsent(a):
		return unknown("the plan does not hold "+attr, e)
	case len(a.List()) > 0:
		return pass(passMsg, e)
	}
	if a.Value == nil {
		e.Value += " (unset)"
	}
	return fail(failMsg, e)
}

// dbClusterInstanceTypes maps each database cluster type to the type of its
// member instances.
var dbClusterInstanceTypes = map[string]string{
	"aws_rds_cluster":     "aws_rds_cluster_instance",
	"aws_neptune_cluster": "aws_neptune_cluster_instance",
	"aws_docdb_cluster":   "aws_docdb_cluster_instance",
}

// dataClusterInstances returns the member instances of a database cluster,
// linked by their cluster_identifier.
func dataClusterInstances(p *model.Plan, cluster *model.Resource) []*model.Resource {
	return linkedThrough(p, cluster, "cluster_identifier", strAt(cluster, "cluster_identifier"), dbClusterInstanceTypes[cluster.Type])
}

// dataReadReplica reports whether an aws_db_instance replicates another one.
func dataReadReplica(r *model.Resource) bool {
	a := r.Attr("replicate_source_db")
	if s, ok := a.Str(); ok && s != "" {
		return true
	}
	return a.Unknown && len(r.ExprRefs("replicate_source_db")) > 0
}

// dataCacheMember reports whether an aws_elasticache_cluster joins a
// replication group, which is then the resource to judge.
func dataCacheMember(r *model.Resource) bool {
	a := r.Attr("replication_group_id")
	if s, ok := a.Str(); ok && s != "" {
		return true
	}
	return a.Unknown && len(r.ExprRefs("replication_group_id")) > 0
}

// s3PublicGrantees are the ACL grantee groups that make a bucket public.
var s3PublicGrantees = []string{
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

var s3PublicCannedACLs = map[string]bool{"public-read": true, "public-read-write": true, "authenticated-read": true}

// s3PublicACL returns the evidence of an ACL that opens the bucket to
// everyone (its own acl or grant arguments, or a linked aws_s3_bucket_acl),
// or reports that a configured ACL is known only after apply.
func s3PublicACL(p *model.Plan, bucket *model.Resource) (found *check.Evidence, unknownACL bool) {
	judge := func(r *model.Resource, grants model.Path, uri model.Path) {
		a := r.Attr("acl")
		if s, ok := a.Str(); ok && s3PublicCannedACLs[s] && found == nil {
			e := evAt(p, r, "acl")
			found = &e
		}
		unknownACL = unknownACL || (a.Unknown && r.Configured("acl") != model.NotSet)
		for i := range r.Attr(grants...).List() {
			path := append(append(append(model.Path{}, grants...), i), uri...)
			if s, _ := r.Attr(path...).Str(); found == nil && slices.Contains(s3PublicGrantees, s) {
				e := evAt(p, r, path...)
				found = &e
			}
		}
	}
	judge(bucket, model.Path{"grant"}, model.Path{"uri"})
	for _, acl := range s3Linked(p, bucket, "aws_s3_bucket_acl") {
		judge(acl, model.Path{"access_control_policy", 0, "grant"}, model.Path{"grantee", 0, "uri"})
	}
	return found, unknownACL
}

// s3PublicPolicy returns the evidence of a bucket policy (inline or a linked
// aws_s3_bucket_policy) that allows any principal without a condition, or
// reports that a configured policy is known only after apply.
func s3PublicPolicy(p *model.Plan, bucket *model.Resource) (found *check.Evidence, unknownPolicy bool) {
	for _, r := range append([]*model.Resource{bucket}, s3Linked(p, bucket, "aws_s3_bucket_policy")...) {
		a := r.Attr("policy")
		if a.Unknown {
			unknownPolicy = unknownPolicy || r.Configured("policy") != model.NotSet
			continue
		}
		if s, ok := a.Str(); ok && s3PolicyAllowsAnyone(s) && found == nil {
			e := check.Evidence{Attribute: r.Address + ".policy", Value: "a statement allows Principal \"*\" without a condition"}
			found = &e
		}
	}
	return found, unknownPolicy
}

// s3PolicyAllowsAnyone reports whether an IAM policy document has an Allow
// statement for any principal ("*" or {"AWS": "*"}) with no condition.
func s3PolicyAllowsAnyone(doc string) bool {
	var policy struct {
		Statement json.RawMessage
	}
	if json.Unmarshal([]byte(doc), &policy) != nil {
		return false
	}
	var stmts []map[string]any
	if json.Unmarshal(policy.Statement, &stmts) != nil {
		var one map[string]any
		if json.Unmarshal(policy.Statement, &one) != nil {
			return false
		}
		stmts = []map[string]any{one}
	}
	for _, s := range stmts {
		if s["Effect"] != "Allow" || s["Condition"] != nil {
			continue
		}
		switch pr := s["Principal"].(type) {
		case string:
			if pr == "*" {
				return true
			}
		case map[string]any:
			if s3AnyWildcard(pr["AWS"]) {
				return true
			}
		}
	}
	return false
}

func s3AnyWildcard(v any) bool {
	switch v := v.(type) {
	case string:
		return v == "*"
	case []any:
		for _, e := range v {
			if e == "*" {
				return true
			}
		}
	}
	return false
}

// s3BlockFlags are the four settings of S3 Block Public Access.
var s3BlockFlags = []string{"block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"}

// s3PublicAccessBlocks returns the Block Public Access resources that apply
// to a bucket: its own aws_s3_bucket_public_access_block and any
// account-wide aws_s3_account_public_access_block in the plan.
func s3PublicAccessBlocks(p *model.Plan, bucket *model.Resource) []*model.Resource {
	return append(s3Linked(p, bucket, "aws_s3_bucket_public_access_block"), p.OfType("aws_s3_account_public_access_block")...)
}

// s3BlockFlag is the effective value of one Block Public Access flag over
// several resources: on when any turns it on.
func s3BlockFlag(blocks []*model.Resource, name string) (on, known bool) {
	known = true
	for _, b := range blocks {
		a := b.Attr(name)
		if v, ok := a.Bool(); ok && v {
			return true, true
		}
		known = known && !a.Unknown
	}
	return false, known
}
