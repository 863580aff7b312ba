package checks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers of the AWS resilience checks: which AWS Backup selections and
// Data Lifecycle Manager policies cover a data store, global clusters and
// their members, and the metrics an alarm reads.

// resTri is a three-valued verdict: no, undecided (a value the decision
// needs is known only after apply), yes.
type resTri int

const (
	resNo resTri = iota
	resMaybe
	resYes
)

func resAnd(a, b resTri) resTri { return min(a, b) }
func resOr(a, b resTri) resTri  { return max(a, b) }

// resTriOf turns a match and whether it was decided into a verdict.
func resTriOf(match, decided bool) resTri {
	switch {
	case !decided:
		return resMaybe
	case match:
		return resYes
	}
	return resNo
}

// resUnknownPart stands for a part of a resource's ARN known only after
// apply (a generated identifier): only a wildcard matches it for sure.
const resUnknownPart = "\x00"

// backupARNSpec says how AWS Backup names a resource type in ARNs:
// arn:PARTITION:SERVICE:REGION:ACCOUNT:PREFIX<id attribute>.
type backupARNSpec struct {
	service, prefix, id string
	global              bool // S3: no region or account in the ARN
}

// backupTypes are the data stores AWS Backup protects, with their ARNs.
// EBS volumes are judged apart (aws_ebs_volume_backup), since Data
// Lifecycle Manager protects them too.
var backupTypes = map[string]backupARNSpec{
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

// backupStatefulTypes are the types aws_backup_plan_coverage judges.
var backupStatefulTypes = []string{
	"aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster", "aws_dynamodb_table",
	"aws_efs_file_system", "aws_fsx_lustre_file_system", "aws_fsx_windows_file_system",
	"aws_fsx_ontap_file_system", "aws_fsx_openzfs_file_system", "aws_s3_bucket", "aws_redshift_cluster",
}

// backupSelection is what the plan says of one aws_backup_selection.
type backupSelection struct {
	r           *model.Resource
	refs        []*model.Resource // what its resources argument refers to
	resources   model.Attr
	notRes      model.Attr
	notRefs     []*model.Resource
	region      string
	regionKnown bool
}

type backupIndexKey struct{}

// backupSelections returns the plan's AWS Backup selections, read once per
// plan.
func backupSelections(p *model.Plan) []*backupSelection {
	return p.Memo(backupIndexKey{}, func() any {
		var out []*backupSelection
		for _, s := range p.OfType("aws_backup_selection") {
			reg, ok := p.Region(s)
			out = append(out, &backupSelection{
				r: s, refs: p.Refs(s, "resources"), resources: s.Attr("resources"),
				notRes: s.Attr("not_resources"), notRefs: p.Refs(s, "not_resources"),
				region: reg, regionKnown: ok,
			})
		}
		return out
	}).([]*backupSelection)
}

// backupCoverage is the verdict of the plan's AWS Backup selections on one
// resource, and why.
type backupCoverage struct {
	verdict resTri
	by      *model.Resource // the deciding selection (yes or maybe)
	how     string
	count   int // selections in the plan
}

// backupCovers judges whether any AWS Backup selection in the plan selects r.
func backupCovers(p *model.Plan, r *model.Resource) backupCoverage {
	sels := backupSelections(p)
	out := backupCoverage{count: len(sels)}
	for _, s := range sels {
		v, how := s.selects(p, r)
		if v > out.verdict {
			out.verdict, out.by, out.how = v, s.r, how
		}
		if v == resYes {
			break
		}
	}
	return out
}

// selects applies AWS Backup's rules: (resources AND every condition) OR
// any selection_tag, then minus not_resources. A selection protects
// resources of its own region only.
func (s *backupSelection) selects(p *model.Plan, r *model.Resource) (resTri, string) {
	if reg, ok := p.Region(r); ok && s.regionKnown && reg != s.region {
		return resNo, ""
	}
	inRes, how := backupARNsMatch(p, r, s.resources, s.refs)
	cond, condHow := backupConditions(s.r, r)
	v := resAnd(inRes, cond)
	if v > resNo && condHow != "" {
		how += " and " + condHow
	}
	tags, tagHow := backupSelectionTags(s.r, r)
	if tags > v {
		v, how = tags, tagHow
	}
	if v == resNo {
		return resNo, ""
	}
	if s.notRes.Unknown && s.r.Configured("not_resources") == model.NotSet {
		return v, how // computed when unset: AWS returns no exclusions
	}
	excluded, exHow := backupARNsMatch(p, r, s.notRes, s.notRefs)
	switch excluded {
	case resYes:
		return resNo, ""
	case resMaybe:
		return resAnd(v, resMaybe), "not_resources " + exHow
	}
	return v, how
}

// backupARNsMatch judges a list of ARNs or ARN patterns (resources or
// not_resources) against r: a configuration reference to r, or a known
// pattern that matches r's ARN.
func backupARNsMatch(p *model.Plan, r *model.Resource, list model.Attr, refs []*model.Resource) (resTri, string) {
	if slices.Contains(refs, r) {
		return resYes, "refers to it"
	}
	if list.Unknown {
		if len(refs) > 0 {
			return resNo, ""
		}
		return resMaybe, "is known only after apply"
	}
	verdict, how := resNo, ""
	for i, e := range list.List() {
		pattern, ok := e.(string)
		if !ok {
			// An element known only after apply that no reference
			// explains may be r's ARN.
			if len(refs) == 0 && verdict == resNo {
				verdict, how = resMaybe, fmt.Sprintf("element %d is known only after apply", i)
			}
			continue
		}
		switch backupARNMatch(p, r, pattern) {
		case resYes:
			return resYes, fmt.Sprintf("holds %q", pattern)
		case resMaybe:
			verdict, how = resMaybe, fmt.Sprintf("%q may match its ARN, which is known only after apply", pattern)
		}
	}
	return verdict, how
}

// backupARNMatch matches one ARN or pattern (* matches any run of
// characters) against r's ARN: its known arn, or one built from its type
// and identifier. The region and account of a resource not yet created are
// taken to be the pattern's: a selection reaches its own account and region
// only, and its region is compared apart.
func backupARNMatch(p *model.Plan, r *model.Resource, pattern string) resTri {
	if pattern == "*" {
		return resYes
	}
	arn, ok := r.Attr("arn").Str()
	if !ok || arn == "" {
		arn = backupSyntheticARN(p, r, pattern)
	}
	if resGlob(pattern, arn, false) {
		return resYes
	}
	if strings.Contains(arn, resUnknownPart) && resGlob(pattern, arn, true) {
		return resMaybe
	}
	return resNo
}

func backupSyntheticARN(p *model.Plan, r *model.Resource, pattern string) string {
	spec, ok := backupTypes[r.Type]
	if !ok {
		return resUnknownPart
	}
	seg := strings.SplitN(pattern, ":", 6)
	region, account := resUnknownPart, resUnknownPart
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
		id = resUnknownPart
	}
	return "arn:" + partition + ":" + spec.service + ":" + region + ":" + account + ":" + spec.prefix + id
}

// resGlob matches s against a pattern in which * matches any run of
// characters. With lenient, each resUnknownPart in s may stand for any run
// of the pattern (it may turn out to match); without, only * matches it.
func resGlob(pattern, s string, lenient bool) bool {
	// match[i][j]: pattern[i:] matches s[j:].
	n, m := len(pattern), len(s)
	match := make([][]bool, n+1)
	for i := range match {
		match[i] = make([]bool, m+1)
	}
	match[n][m] = true
	for i := n; i >= 0; i-- {
		for j := m; j >= 0; j-- {
			if i == n && j == m {
				continue
			}
			var ok bool
			switch {
			case i < n && pattern[i] == '*':
				ok = match[i+1][j] || j < m && match[i][j+1]
			case j < m && s[j] == resUnknownPart[0] && lenient:
				ok = match[i][j+1] || i < n && match[i+1][j]
			case i < n && j < m:
				ok = pattern[i] == s[j] && match[i+1][j+1]
			}
			match[i][j] = ok
		}
	}
	return match[0][0]
}

// resTag returns the value of one of r's tags: from tags_all (which adds
// the provider's default_tags) when known, else from tags.
func resTag(r *model.Resource, key string) (string, resTri) {
	all := r.Attr("tags_all")
	if all.Present && !all.Unknown {
		return resTagIn(r, "tags_all", key)
	}
	v, t := resTagIn(r, "tags", key)
	if t == resNo && all.Unknown {
		return "", resMaybe // default_tags may add it
	}
	return v, t
}

func resTagIn(r *model.Resource, attr, key string) (string, resTri) {
	a := r.Attr(attr)
	if a.Unknown {
		return "", resMaybe
	}
	if v, ok := a.Object().Get(key); ok {
		if s, ok := v.(string); ok {
			return s, resYes
		}
	}
	if marked, _ := model.Lookup(r.AfterUnknown, model.Path{attr, key}); marked == true {
		return "", resMaybe
	}
	return "", resNo
}

// backupTagKey strips the aws:ResourceTag/ prefix that condition keys carry.
func backupTagKey(k string) string { return strings.TrimPrefix(k, "aws:ResourceTag/") }

// backupSelectionTags judges the selection_tag blocks, of which any may
// match (STRINGEQUALS only).
func backupSelectionTags(sel, r *model.Resource) (resTri, string) {
	a := sel.Attr("selection_tag")
	if a.Unknown {
		return resMaybe, "selection_tag is known only after apply"
	}
	verdict, how := resNo, ""
	for i := range a.List() {
		key, ok1 := sel.Attr("selection_tag", i, "key").Str()
		want, ok2 := sel.Attr("selection_tag", i, "value").Str()
		if !ok1 || !ok2 {
			verdict, how = resOr(verdict, resMaybe), "a selection_tag is known only after apply"
			continue
		}
		got, has := resTag(r, backupTagKey(key))
		v := resAnd(has, resTriOf(got == want, has != resMaybe))
		if v > verdict {
			verdict, how = v, fmt.Sprintf("selection_tag %s = %q", key, want)
		}
	}
	return verdict, how
}

// backupConditions judges the condition block, whose every test must hold.
// Without one, it holds.
func backupConditions(sel, r *model.Resource) (resTri, string) {
	a := sel.Attr("condition")
	if a.Unknown {
		switch sel.ConfiguredBlock("condition") {
		case model.Set:
			return resMaybe, "condition is known only after apply"
		case model.CannotTell:
			return resMaybe, "condition may come from a dynamic block the plan does not show"
		}
		return resYes, ""
	}
	verdict := resYes
	var parts []string
	for i := range a.List() {
		for _, op := range []string{"string_equals", "string_not_equals", "string_like", "string_not_like"} {
			for j := range sel.Attr("condition", i, op).List() {
				key, ok1 := sel.Attr("condition", i, op, j, "key").Str()
				want, ok2 := sel.Attr("condition", i, op, j, "value").Str()
				if !ok1 || !ok2 {
					verdict = resAnd(verdict, resMaybe)
					continue
				}
				got, has := resTag(r, backupTagKey(key))
				var v resTri
				switch has {
				case resMaybe:
					v = resMaybe
				case resNo:
					// A condition on a missing tag: only the negations hold.
					v = resTriOf(strings.Contains(op, "_not_"), true)
				default:
					eq := got == want
					if strings.HasSuffix(op, "like") {
						eq = resGlob(want, got, false)
					}
					v = resTriOf(eq != strings.Contains(op, "_not_"), true)
				}
				verdict = resAnd(verdict, v)
				parts = append(parts, fmt.Sprintf("%s %s %q", op, key, want))
			}
		}
	}
	return verdict, strings.Join(parts, ", ")
}

// dlmCoverage judges whether an enabled Data Lifecycle Manager snapshot
// policy in the plan targets an EBS volume: a default policy for volumes,
// a VOLUME policy whose target_tags match the volume's tags, or an INSTANCE
// policy whose target_tags match the instance the volume is attached to.
func dlmCoverage(p *model.Plan, vol *model.Resource) (resTri, *model.Resource, string) {
	verdict, by, how := resNo, (*model.Resource)(nil), ""
	var instances []*model.Resource
	for _, att := range p.Referrers(vol, "aws_volume_attachment") {
		if slices.Contains(p.Refs(att, "volume_id"), vol) {
			for _, i := range p.Refs(att, "instance_id") {
				if i.Type == "aws_instance" {
					instances = append(instances, i)
				}
			}
		}
	}
	volRegion, volRegionOK := p.Region(vol)
	for _, pol := range dlmPoliciesOf(p).candidates(append([]*model.Resource{vol}, instances...)) {
		if reg, ok := p.Region(pol); ok && volRegionOK && reg != volRegion {
			continue
		}
		v, h := dlmPolicyTargets(pol, vol, instances)
		if state := pol.Attr("state"); v > resNo {
			if s, ok := state.Str(); ok && s == "DISABLED" {
				continue
			}
			if state.Unknown {
				v, h = resMaybe, "state is known only after apply"
			}
		}
		if v > verdict {
			verdict, by, how = v, pol, h
		}
		if verdict == resYes {
			break
		}
	}
	return verdict, by, how
}

type dlmIndexKey struct{}

// dlmIndex holds the plan's Data Lifecycle Manager policies, indexed once
// by the target tags they look for, so that each volume is judged against
// the few policies that may target it.
type dlmIndex struct {
	all    []*model.Resource
	always []int            // their verdict does not depend on tags: default policies, unknown details
	tagged []int            // their verdict depends on the targets' tags
	byTag  map[string][]int // target tag key and value -> tagged policies
	byKey  map[string][]int // target tag key -> tagged policies
}

func dlmPoliciesOf(p *model.Plan) *dlmIndex {
	return p.Memo(dlmIndexKey{}, func() any {
		x := &dlmIndex{all: p.OfType("aws_dlm_lifecycle_policy"), byTag: map[string][]int{}, byKey: map[string][]int{}}
		for i, pol := range x.all {
			// As dlmPolicyTargets decides.
			if d, _ := pol.Attr("default_policy").Str(); d == "VOLUME" || pol.Attr("policy_details").Unknown {
				x.always = append(x.always, i)
				continue
			}
			if t, ok := pol.Attr("policy_details", 0, "policy_type").Str(); ok && t != "EBS_SNAPSHOT_MANAGEMENT" {
				continue
			}
			tags := pol.Attr("policy_details", 0, "target_tags")
			if pol.Attr("policy_details", 0, "resource_types").Unknown || tags.Unknown {
				x.always = append(x.always, i)
				continue
			}
			if len(tags.Object()) > 0 {
				x.tagged = append(x.tagged, i)
			}
			for _, f := range tags.Object() {
				want, _ := f.Value.(string)
				x.byTag[f.Name+"\x00"+want] = append(x.byTag[f.Name+"\x00"+want], i)
				x.byKey[f.Name] = append(x.byKey[f.Name], i)
			}
		}
		return x
	}).(*dlmIndex)
}

// candidates returns, in plan order, the policies that may target a volume
// whose tags, and its instances' tags, are those of targets: every other
// policy's verdict is no.
func (x *dlmIndex) candidates(targets []*model.Resource) []*model.Resource {
	picked := map[int]bool{}
	pick := func(list []int) {
		for _, i := range list {
			picked[i] = true
		}
	}
	pick(x.always)
	for _, t := range targets {
		known, maybe, anyKey := dlmTagKeys(t)
		if anyKey {
			pick(x.tagged)
			break
		}
		for _, kv := range known {
			pick(x.byTag[kv])
		}
		for _, k := range maybe {
			pick(x.byKey[k])
		}
	}
	return pickInOrder(x.all, picked)
}

// dlmTagKeys reads a resource's tags as resTag does: the known tags (key and
// value), the keys whose value is known only after apply, and whether every
// key may have any value (the tags are known only after apply).
func dlmTagKeys(r *model.Resource) (known, maybe []string, anyKey bool) {
	attr := "tags"
	all := r.Attr("tags_all")
	if all.Present && !all.Unknown {
		attr = "tags_all"
	} else if all.Unknown {
		return nil, nil, true // default_tags may add any tag
	}
	a := r.Attr(attr)
	if a.Unknown {
		return nil, nil, true
	}
	for _, f := range a.Object() {
		if s, ok := f.Value.(string); ok {
			known = append(known, f.Name+"\x00"+s)
		}
	}
	marks, _ := model.Lookup(r.AfterUnknown, model.Path{attr})
	if m, ok := marks.(model.Object); ok {
		for _, f := range m {
			if f.Value == true {
				maybe = append(maybe, f.Name)
			}
		}
	}
	return known, maybe, false
}

func dlmPolicyTargets(pol, vol *model.Resource, instances []*model.Resource) (resTri, string) {
	if d, _ := pol.Attr("default_policy").Str(); d == "VOLUME" {
		return resYes, "default policy for every volume of the region"
	}
	details := pol.Attr("policy_details")
	if details.Unknown {
		return resMaybe, "policy_details is known only after apply"
	}
	if t, ok := pol.Attr("policy_details", 0, "policy_type").Str(); ok && t != "EBS_SNAPSHOT_MANAGEMENT" {
		return resNo, ""
	}
	types := pol.Attr("policy_details", 0, "resource_types")
	tags := pol.Attr("policy_details", 0, "target_tags")
	if types.Unknown || tags.Unknown {
		return resMaybe, "resource_types or target_tags is known only after apply"
	}
	verdict, how := resNo, ""
	for _, typ := range types.Strings() {
		targets := []*model.Resource{vol}
		if typ == "INSTANCE" {
			targets = instances
		} else if typ != "VOLUME" {
			continue
		}
		for _, t := range targets {
			for _, f := range tags.Object() {
				want, _ := f.Value.(string)
				got, has := resTag(t, f.Name)
				v := resAnd(has, resTriOf(got == want, has != resMaybe))
				if v > verdict {
					verdict, how = v, fmt.Sprintf("target_tags %s = %q on %s", f.Name, want, t.Address)
				}
			}
		}
	}
	return verdict, how
}

// globalClusterTypes maps each global database type to its member clusters.
var globalClusterTypes = map[string]string{
	"aws_rds_global_cluster":     "aws_rds_cluster",
	"aws_docdb_global_cluster":   "aws_docdb_cluster",
	"aws_neptune_global_cluster": "aws_neptune_cluster",
}

// resARNRegion returns the region field of an ARN.
func resARNRegion(arn string) (string, bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) < 6 || !strings.HasPrefix(arn, "arn:") || parts[3] == "" {
		return "", false
	}
	return parts[3], true
}

// metricWant names the metrics an alarm should read: CloudWatch metric
// names, and the Datadog metric names that stand for them in a monitor's
// query.
type metricWant struct{ cloudwatch, datadog []string }
