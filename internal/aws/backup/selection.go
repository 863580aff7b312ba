package backup

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// arnSpec says how AWS Backup names a resource type in ARNs:
// arn:PARTITION:SERVICE:REGION:ACCOUNT:PREFIX<id attribute>.
type arnSpec struct {
	service, prefix, id string
	global              bool // S3: no region or account in the ARN
}

// arnSpecs are the resource types AWS Backup protects, with their ARNs.
var arnSpecs = map[string]arnSpec{
	"aws_db_instance":             {"rds", "db:", "identifier", false},
	"aws_rds_cluster":             {"rds", "cluster:", "cluster_identifier", false},
	"aws_docdb_cluster":           {"rds", "cluster:", "cluster_identifier", false},
	"aws_neptune_cluster":         {"rds", "cluster:", "cluster_identifier", false},
	"aws_dynamodb_table":          {"dynamodb", "table/", "name", false},
	"aws_efs_file_system":         {"elasticfilesystem", "file-system/", "id", false},
	"aws_fsx_lustre_file_system":  {"fsx", "file-system/", "id", false},
	"aws_fsx_windows_file_system": {"fsx", "file-system/", "id", false},
	"aws_fsx_ontap_file_system":   {"fsx", "file-system/", "id", false},
	"aws_fsx_openzfs_file_system": {"fsx", "file-system/", "id", false},
	"aws_s3_bucket":               {"s3", "", "bucket", true},
	"aws_redshift_cluster":        {"redshift", "cluster:", "cluster_identifier", false},
	"aws_ebs_volume":              {"ec2", "volume/", "id", false},
}

// Protects reports whether AWS Backup can protect resources of type t:
// selections pick no other type.
func Protects(t string) bool {
	_, ok := arnSpecs[t]
	return ok
}

// Selection is what the plan says of one aws_backup_selection.
type Selection struct {
	Resource *model.Resource
	// Region is the selection's region, when the plan tells it; a
	// selection picks resources of its own region only.
	Region      string
	RegionKnown bool

	refs      []*model.Resource // what its resources argument refers to
	resources model.Attr
	notRes    model.Attr
	notRefs   []*model.Resource
}

// Plans returns the AWS Backup plans whose rules protect what the
// selection picks: the aws_backup_plan its plan_id refers to.
func (s *Selection) Plans(p *model.Plan) []*model.Resource {
	var out []*model.Resource
	for _, bp := range p.Refs(s.Resource, "plan_id") {
		if bp.Type == "aws_backup_plan" {
			out = append(out, bp)
		}
	}
	return out
}

type selectionsKey struct{}

// Selections returns the plan's AWS Backup selections, in plan order, read
// once per plan.
func Selections(p *model.Plan) []*Selection {
	return p.Memo(selectionsKey{}, func() any {
		var out []*Selection
		for _, s := range p.OfType("aws_backup_selection") {
			reg, ok := p.Region(s)
			out = append(out, &Selection{
				Resource: s, Region: reg, RegionKnown: ok,
				refs: p.Refs(s, "resources"), resources: s.Attr("resources"),
				notRes: s.Attr("not_resources"), notRefs: p.Refs(s, "not_resources"),
			})
		}
		return out
	}).([]*Selection)
}

// Coverage is the verdict of the plan's AWS Backup selections on one
// resource, and why.
type Coverage struct {
	Verdict Verdict
	By      *model.Resource // the deciding selection (yes or maybe)
	How     string
	Count   int // selections in the plan
}

// Covers judges whether any AWS Backup selection in the plan picks r.
func Covers(p *model.Plan, r *model.Resource) Coverage {
	sels := Selections(p)
	out := Coverage{Count: len(sels)}
	if !Protects(r.Type) {
		return out
	}
	for _, s := range sels {
		v, how := s.Selects(p, r)
		if v > out.Verdict {
			out.Verdict, out.By, out.How = v, s.Resource, how
		}
		if v == Yes {
			break
		}
	}
	return out
}

// Match is a selection that picks a resource, or may.
type Match struct {
	Selection *Selection
	Verdict   Verdict // Yes or Maybe
	How       string
}

// Matches returns every selection of the plan that picks r (Yes) or may
// (Maybe), in plan order.
func Matches(p *model.Plan, r *model.Resource) []Match {
	if !Protects(r.Type) {
		return nil
	}
	var out []Match
	for _, s := range Selections(p) {
		if v, how := s.Selects(p, r); v > No {
			out = append(out, Match{s, v, how})
		}
	}
	return out
}

// Selects applies AWS Backup's rules: (resources AND every condition) OR
// any selection_tag, then minus not_resources. A selection protects
// resources of its own region only.
func (s *Selection) Selects(p *model.Plan, r *model.Resource) (Verdict, string) {
	if reg, ok := p.Region(r); ok && s.RegionKnown && reg != s.Region {
		return No, ""
	}
	inRes, how := arnsMatch(p, r, s.resources, s.refs)
	cond, condHow := conditions(s.Resource, r)
	v := And(inRes, cond)
	if v > No && condHow != "" {
		how += " and " + condHow
	}
	tags, tagHow := selectionTags(s.Resource, r)
	if tags > v {
		v, how = tags, tagHow
	}
	if v == No {
		return No, ""
	}
	if s.notRes.Unknown && s.Resource.Configured("not_resources") == model.NotSet {
		return v, how // computed when unset: AWS returns no exclusions
	}
	excluded, exHow := arnsMatch(p, r, s.notRes, s.notRefs)
	switch excluded {
	case Yes:
		return No, ""
	case Maybe:
		return And(v, Maybe), "not_resources " + exHow
	}
	return v, how
}

// arnsMatch judges a list of ARNs or ARN patterns (resources or
// not_resources) against r: a configuration reference to r, or a known
// pattern that matches r's ARN.
func arnsMatch(p *model.Plan, r *model.Resource, list model.Attr, refs []*model.Resource) (Verdict, string) {
	if slices.Contains(refs, r) {
		return Yes, "refers to it"
	}
	if list.Unknown {
		if len(refs) > 0 {
			return No, ""
		}
		return Maybe, "is known only after apply"
	}
	verdict, how := No, ""
	for i, e := range list.List() {
		pattern, ok := e.(string)
		if !ok {
			// An element known only after apply that no reference
			// explains may be r's ARN.
			if len(refs) == 0 && verdict == No {
				verdict, how = Maybe, fmt.Sprintf("element %d is known only after apply", i)
			}
			continue
		}
		switch arnMatch(p, r, pattern) {
		case Yes:
			return Yes, fmt.Sprintf("holds %q", pattern)
		case Maybe:
			verdict, how = Maybe, fmt.Sprintf("%q may match its ARN, which is known only after apply", pattern)
		}
	}
	return verdict, how
}

// arnMatch matches one ARN or pattern (* matches any run of characters)
// against r's ARN: its known arn, or one built from its type and
// identifier. The region and account of a resource not yet created are
// taken to be the pattern's: a selection reaches its own account and region
// only, and its region is compared apart.
func arnMatch(p *model.Plan, r *model.Resource, pattern string) Verdict {
	if pattern == "*" {
		return Yes
	}
	arn, ok := r.Attr("arn").Str()
	if !ok || arn == "" {
		arn = syntheticARN(p, r, pattern)
	}
	if glob(pattern, arn, false) {
		return Yes
	}
	if strings.Contains(arn, unknownPart) && glob(pattern, arn, true) {
		return Maybe
	}
	return No
}

func syntheticARN(p *model.Plan, r *model.Resource, pattern string) string {
	spec, ok := arnSpecs[r.Type]
	if !ok {
		return unknownPart
	}
	seg := strings.SplitN(pattern, ":", 6)
	region, account := unknownPart, unknownPart
	if len(seg) == 6 {
		region, account = seg[3], seg[4]
	}
	if reg, ok := p.Region(r); ok {
		region = reg
	}
	partition := "aws"
	switch {
	case strings.HasPrefix(region, "cn-"):
		partition = "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		partition = "aws-us-gov"
	}
	if spec.global {
		region, account = "", ""
	}
	id, ok := r.Attr(spec.id).Str()
	if !ok || id == "" {
		id = unknownPart
	}
	return "arn:" + partition + ":" + spec.service + ":" + region + ":" + account + ":" + spec.prefix + id
}

// tagKey strips the aws:ResourceTag/ prefix that condition keys carry.
func tagKey(k string) string { return strings.TrimPrefix(k, "aws:ResourceTag/") }

// selectionTags judges the selection_tag blocks, of which any may match
// (STRINGEQUALS only).
func selectionTags(sel, r *model.Resource) (Verdict, string) {
	a := sel.Attr("selection_tag")
	if a.Unknown {
		return Maybe, "selection_tag is known only after apply"
	}
	verdict, how := No, ""
	for i := range a.List() {
		key, ok1 := sel.Attr("selection_tag", i, "key").Str()
		want, ok2 := sel.Attr("selection_tag", i, "value").Str()
		if !ok1 || !ok2 {
			verdict, how = Or(verdict, Maybe), "a selection_tag is known only after apply"
			continue
		}
		if v := tagEquals(r, tagKey(key), want); v > verdict {
			verdict, how = v, fmt.Sprintf("selection_tag %s = %q", key, want)
		}
	}
	return verdict, how
}

// conditionOps are the tests of a condition block.
var conditionOps = []string{"string_equals", "string_not_equals", "string_like", "string_not_like"}

// conditions judges the condition block, whose every test must hold.
// Without one, it holds.
func conditions(sel, r *model.Resource) (Verdict, string) {
	a := sel.Attr("condition")
	if a.Unknown {
		switch sel.ConfiguredBlock("condition") {
		case model.Set:
			return Maybe, "condition is known only after apply"
		case model.CannotTell:
			return Maybe, "condition may come from a dynamic block the plan does not show"
		}
		return Yes, ""
	}
	verdict := Yes
	var parts []string
	for i := range a.List() {
		for _, op := range conditionOps {
			for j := range sel.Attr("condition", i, op).List() {
				key, ok1 := sel.Attr("condition", i, op, j, "key").Str()
				want, ok2 := sel.Attr("condition", i, op, j, "value").Str()
				if !ok1 || !ok2 {
					verdict = And(verdict, Maybe)
					continue
				}
				verdict = And(verdict, condition(r, op, tagKey(key), want))
				parts = append(parts, fmt.Sprintf("%s %s %q", op, key, want))
			}
		}
	}
	return verdict, strings.Join(parts, ", ")
}

// condition judges one test of a condition block on r's tag key.
func condition(r *model.Resource, op, key, want string) Verdict {
	negated := strings.Contains(op, "_not_")
	got, has := Tag(r, key)
	switch has {
	case Maybe:
		return Maybe
	case No:
		// A condition on a missing tag: only the negations hold.
		return VerdictOf(negated, true)
	}
	eq := got == want
	if strings.HasSuffix(op, "like") {
		eq = Glob(want, got)
	}
	return VerdictOf(eq != negated, true)
}
