package alerting

import (
	"slices"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Watch is what the plan's alert rules say of one resource.
type Watch struct {
	// Watching are the rules that name the resource: by a reference in
	// their configuration, or by a dimension, label matcher or tag whose
	// known value is its identifier.
	Watching []*Rule
	// Undecided are rules that may watch it: their dimensions or queries
	// are known only after apply, or they select its service's metrics (or
	// metrics of no known service) without naming any resource. Empty when
	// Watching is not.
	Undecided []*Rule
}

// verdict is three-valued.
type verdict int

const (
	notWatched verdict = iota
	watched
	mayWatch
)

// Watching finds the rules that watch r.
func (x *Model) Watching(r *model.Resource) Watch {
	var w Watch
	seen := map[*Rule]bool{}
	add := func(rule *Rule) {
		if !seen[rule] && !rule.composite {
			seen[rule] = true
			w.Watching = append(w.Watching, rule)
		}
	}
	for _, rule := range x.byRef[r] {
		add(rule)
	}
	spec, ok := specs[r.Type]
	if !ok {
		return w
	}
	ids := idsOf(r, spec)
	members := x.clusterMembers(r)
	var memberIDs []string
	for _, m := range members {
		for _, rule := range x.byRef[m] {
			add(rule)
		}
		if id, ok := m.Attr("identifier").Str(); ok && id != "" {
			memberIDs = append(memberIDs, id)
		}
	}
	idx := x.indexFor(r.Type, spec)
	for _, rule := range idx.naming(ids, memberIDs) {
		if !seen[rule] && rule.names(idx.keys, ids, memberIDs) {
			add(rule)
		}
	}
	if len(w.Watching) == 0 {
		for _, rule := range idx.mayWatch {
			if !seen[rule] && !rule.watchesAnother(r) {
				w.Undecided = append(w.Undecided, rule)
			}
		}
	}
	return w
}

// Resources lists the resources that hold rules, each once, in order.
func Resources(rules []*Rule) []*model.Resource {
	var out []*model.Resource
	seen := map[*model.Resource]bool{}
	for _, r := range rules {
		if !seen[r.Resource] {
			seen[r.Resource] = true
			out = append(out, r.Resource)
		}
	}
	return out
}

// idsOf returns the known values that name r in dimensions and labels.
func idsOf(r *model.Resource, spec Spec) []string {
	var out []string
	for _, a := range append([]string{spec.ID}, spec.AltIDs...) {
		if s, ok := r.Attr(a).Str(); ok && s != "" {
			out = append(out, s)
		}
	}
	return out
}

// clusterMembers says which resources are the instances of a cluster: an
// alarm on an Aurora, DocumentDB or Neptune member instance watches its
// cluster too.
var clusterMembers = map[string]string{
	"aws_rds_cluster":     "aws_rds_cluster_instance",
	"aws_docdb_cluster":   "aws_docdb_cluster_instance",
	"aws_neptune_cluster": "aws_neptune_cluster_instance",
}

// clusterMembers returns the member instances of a cluster: those whose
// cluster_identifier refers to it or holds its known identifier.
func (x *Model) clusterMembers(r *model.Resource) []*model.Resource {
	memberType, ok := clusterMembers[r.Type]
	if !ok {
		return nil
	}
	p := x.plan
	var out []*model.Resource
	for _, m := range p.Referrers(r, memberType) {
		if slices.Contains(p.Refs(m, "cluster_identifier"), r) {
			out = append(out, m)
		}
	}
	if id, ok := r.Attr("cluster_identifier").Str(); ok && id != "" {
		for _, m := range p.WithValue(id, model.Path{"cluster_identifier"}, memberType) {
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	return out
}

// names reports whether one of the rule's dimensions or label matchers
// selects one of ids (or of memberIDs, by DBInstanceIdentifier).
func (rule *Rule) names(k *specKeys, ids, memberIDs []string) bool {
	cwKeys, selKeys := rule.normKeys()
	for i, m := range rule.cw {
		if !m.nsUnknown && !slices.Contains(k.spec.Namespaces, m.ns) {
			continue
		}
		for j, d := range m.dims {
			key := cwKeys[i][j]
			if k.dims[key] && namesAny(d, ids, k.spec.Prefix) || key == "dbinstanceidentifier" && namesAny(d, memberIDs, false) {
				return true
			}
		}
	}
	inFamily := rule.inFamily(k.spec.Family)
	for i, m := range rule.sel.matchers {
		if m.Op != "=" && m.Op != "=~" || m.templated() {
			continue
		}
		key := selKeys[i]
		if !slices.Contains(k.identifiers, key) && !inFamily {
			continue
		}
		if namesAny(m, ids, k.spec.Prefix) || key == "dbinstanceidentifier" && namesAny(m, memberIDs, false) {
			return true
		}
	}
	return false
}

// unnamed judges what a rule that names none of a resource's identifiers
// says of a resource of spec's kind: the same for every such resource, so
// Watching computes it once per rule and type.
func (rule *Rule) unnamed(k *specKeys) verdict {
	cwKeys, selKeys := rule.normKeys()
	out := notWatched
	tied := false // the rule names some resource of this kind
	for i, m := range rule.cw {
		if !m.nsUnknown && !slices.Contains(k.spec.Namespaces, m.ns) {
			continue
		}
		for j := range m.dims {
			if k.dims[cwKeys[i][j]] {
				tied = true
			}
		}
		if m.dimsUnknown {
			out = mayWatch
		}
		for _, d := range k.spec.Dimensions {
			if slices.Contains(m.unknownDims, d) {
				out = mayWatch
			}
		}
		if rule.Kind != CloudWatchAlarm && !tied && len(m.dims) == 0 {
			out = mayWatch // a Grafana CloudWatch query over the whole namespace
		}
	}
	inFamily := rule.inFamily(k.spec.Family)
	for i, m := range rule.sel.matchers {
		if m.Op != "=" && m.Op != "=~" {
			continue
		}
		id := slices.Contains(k.identifiers, selKeys[i])
		if !id && !inFamily {
			continue
		}
		switch {
		case m.templated():
			out = mayWatch
		case id:
			tied = true
		}
	}
	if rule.Opaque {
		return mayWatch
	}
	if rule.Kind == CloudWatchAlarm || tied {
		return out
	}
	// Not named, and no identifier names another: the rule may watch it
	// when it reads the service's metrics, or metrics of no known service.
	for _, m := range rule.sel.metrics {
		if f := familyOf(rule.sys, m); f == "" || f == k.spec.Family {
			return mayWatch
		}
	}
	if len(rule.sel.metrics) == 0 && len(rule.cw) == 0 {
		return mayWatch
	}
	return out
}

// inFamily reports whether the rule reads a metric of the family.
func (rule *Rule) inFamily(family string) bool {
	for _, m := range rule.sel.metrics {
		if familyOf(rule.sys, m) == family {
			return true
		}
	}
	return false
}

// watchesAnother reports whether a rule's configuration refers to another
// resource of r's type (or of its alias: aws_alb is aws_lb): whatever its
// unknown values hold, it watches that one.
func (rule *Rule) watchesAnother(r *model.Resource) bool {
	for _, t := range rule.refs {
		if t != r && canonicalType(t.Type) == canonicalType(r.Type) {
			return true
		}
	}
	return false
}

func canonicalType(t string) string {
	if t == "aws_alb" {
		return "aws_lb"
	}
	return t
}

// namesAny reports whether a matcher selects one of the identifiers, or
// with prefix a member named <id>-NNN.
func namesAny(m Matcher, ids []string, prefix bool) bool {
	for _, id := range ids {
		if m.names(id) {
			return true
		}
		if prefix && m.Op == "=" && strings.HasPrefix(strings.ToLower(m.Value), strings.ToLower(id)+"-") {
			return true
		}
	}
	return false
}

// lastPart returns what follows the last dot of a dotted attribute name
// (aws.rds.DBInstanceIdentifier), or the name.
func lastPart(s string) string {
	if i := strings.LastIndex(s, "."); i >= 0 {
		return s[i+1:]
	}
	return s
}
