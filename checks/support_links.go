package checks

import (
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Links between resources that the checks of every domain follow: which
// resources point at another one (a versioning resource at its bucket, a
// flow log at its VPC), through a configuration reference or, failing that,
// a known value such as a literal name. Each answers from the plan's
// indexes (Referrers, WithValue, or an index of its own built once per
// plan), so that asking about every resource stays linear.

// linkedThrough returns the resources of the given types whose attribute attr
// points at target: first through the reference graph (their configuration
// of attr refers to target, across modules), then by known value (their
// planned attr equals value, as for a literal bucket name).
func linkedThrough(p *model.Plan, target *model.Resource, attr, value string, types ...string) []*model.Resource {
	var out []*model.Resource
	seen := map[*model.Resource]bool{}
	add := func(r *model.Resource) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, from := range p.Referrers(target, types...) {
		if refersThrough(p, from, target, attr) {
			add(from)
		}
	}
	for _, from := range p.WithValue(value, model.Path{attr}, types...) {
		add(from)
	}
	return out
}

// linkedFrom returns the resources of the given types that point at r: by a
// configuration reference first (through any attribute, unlike
// linkedThrough), or else by a known value at path equal to r's known value
// at own (an attachment whose autoscaling_group_name is the group's literal
// name).
func linkedFrom(p *model.Plan, r *model.Resource, own string, path model.Path, types ...string) []*model.Resource {
	out := p.Referrers(r, types...)
	if v, ok := r.Attr(own).Str(); ok && v != "" {
		for _, o := range p.WithValue(v, path, types...) {
			if !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

// s3Linked returns the resources of the given types that configure an
// S3 bucket through their bucket argument (aws_s3_bucket_versioning and
// the like), by reference or by the bucket's known name.
func s3Linked(p *model.Plan, bucket *model.Resource, types ...string) []*model.Resource {
	return linkedThrough(p, bucket, "bucket", strAt(bucket, "bucket"), types...)
}

type refersThroughKey struct {
	from *model.Resource
	attr string
}

// refersThrough reports whether from's configuration of attr refers to
// target. Terraform lists every prefix of a reference (module.db["a"].arn,
// then module.db["a"], then module.db); the model resolves the bare prefixes
// to every instance, so only the most specific references of the attribute
// and its nested blocks, taken together, are followed here. They are
// resolved once per resource and attribute.
func refersThrough(p *model.Plan, from, target *model.Resource, attr string) bool {
	if from.Config == nil {
		return false
	}
	refs := p.Memo(refersThroughKey{from, attr}, func() any {
		return p.RefsOf(from, from.ExprRefs(attr))
	}).([]*model.Resource)
	return slices.Contains(refs, target)
}

// A backLink finds the resources of some types that point at a target
// through one attribute: the flow logs of a VPC (vpc_id), the autoscalers of
// an instance group (target). Unlike linkedThrough it answers in plan order
// (by type, then input order), resolves the attribute's references as
// Plan.Refs does, and can compare known values case-insensitively. Declare
// each as a package variable: its index is built on first use, once per
// plan.
type backLink struct {
	types []string
	attr  string
	// fold compares known values case-insensitively (Azure names and IDs).
	fold bool
}

// backLinkIndex holds the resources of a backLink's types by the resources
// their attribute refers to and by its known value.
type backLinkIndex struct {
	all     []*model.Resource
	byRef   map[*model.Resource][]int
	byValue map[string][]int
}

// to returns, in plan order, the resources whose attribute refers to target
// in the configuration or holds one of values (known and non-empty).
func (l *backLink) to(p *model.Plan, target *model.Resource, values ...string) []*model.Resource {
	x := p.Memo(l, func() any {
		x := &backLinkIndex{all: p.OfType(l.types...), byRef: map[*model.Resource][]int{}, byValue: map[string][]int{}}
		for i, r := range x.all {
			for _, t := range p.Refs(r, l.attr) {
				x.byRef[t] = append(x.byRef[t], i)
			}
			if s, ok := r.Attr(l.attr).Str(); ok && s != "" {
				x.byValue[l.key(s)] = append(x.byValue[l.key(s)], i)
			}
		}
		return x
	}).(*backLinkIndex)
	picked := map[int]bool{}
	for _, i := range x.byRef[target] {
		picked[i] = true
	}
	for _, v := range values {
		if v == "" {
			continue
		}
		for _, i := range x.byValue[l.key(v)] {
			picked[i] = true
		}
	}
	return pickInOrder(x.all, picked)
}

func (l *backLink) key(s string) string {
	if l.fold {
		return strings.ToLower(s)
	}
	return s
}
