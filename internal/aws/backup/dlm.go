package backup

import (
	"fmt"
	"slices"
	"time"

	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// SnapshotCoverage is the verdict of the plan's Data Lifecycle Manager
// policies on one EBS volume, and why.
type SnapshotCoverage struct {
	Verdict Verdict
	By      *model.Resource // the deciding policy (yes or maybe)
	How     string
	Count   int // policies in the plan
}

// Snapshots judges whether an enabled Data Lifecycle Manager snapshot
// policy in the plan targets an EBS volume: a default policy for volumes,
// a VOLUME policy whose target_tags match the volume's tags, or an INSTANCE
// policy whose target_tags match the instance the volume is attached to. A
// policy reaches volumes of its own region only.
func Snapshots(p *model.Plan, vol *model.Resource) SnapshotCoverage {
	x := dlmPoliciesOf(p)
	out := SnapshotCoverage{Count: len(x.all)}
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
	for _, pol := range x.candidates(append([]*model.Resource{vol}, instances...)) {
		if reg, ok := p.Region(pol); ok && volRegionOK && reg != volRegion {
			continue
		}
		v, h := dlmPolicyTargets(pol, vol, instances)
		if state := pol.Attr("state"); v > No {
			if s, ok := state.Str(); ok && s == "DISABLED" {
				continue
			}
			if state.Unknown {
				v, h = Maybe, "state is known only after apply"
			}
		}
		if v > out.Verdict {
			out.Verdict, out.By, out.How = v, pol, h
		}
		if out.Verdict == Yes {
			break
		}
	}
	return out
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
	var out []*model.Resource
	for i, pol := range x.all {
		if picked[i] {
			out = append(out, pol)
		}
	}
	return out
}

// dlmTagKeys reads a resource's tags as Tag does: the known tags (key and
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

func dlmPolicyTargets(pol, vol *model.Resource, instances []*model.Resource) (Verdict, string) {
	if d, _ := pol.Attr("default_policy").Str(); d == "VOLUME" {
		return Yes, "default policy for every volume of the region"
	}
	details := pol.Attr("policy_details")
	if details.Unknown {
		return Maybe, "policy_details is known only after apply"
	}
	if t, ok := pol.Attr("policy_details", 0, "policy_type").Str(); ok && t != "EBS_SNAPSHOT_MANAGEMENT" {
		return No, ""
	}
	types := pol.Attr("policy_details", 0, "resource_types")
	tags := pol.Attr("policy_details", 0, "target_tags")
	if types.Unknown || tags.Unknown {
		return Maybe, "resource_types or target_tags is known only after apply"
	}
	verdict, how := No, ""
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
				if v := tagEquals(t, f.Name, want); v > verdict {
					verdict, how = v, fmt.Sprintf("target_tags %s = %q on %s", f.Name, want, t.Address)
				}
			}
		}
	}
	return verdict, how
}

// SnapshotInterval is the longest time between two snapshots of a Data
// Lifecycle Manager policy: of its most frequent schedule (create_rule's
// interval in hours, or its cron_expression), or a default policy's
// create_interval in days (1 when unset). how names the schedule, or why
// it cannot be told: ok is false when a value it needs is known only after
// apply or the expression is not understood.
func SnapshotInterval(pol *model.Resource) (d time.Duration, how string, ok bool) {
	if def, _ := pol.Attr("default_policy").Str(); def != "" {
		a := pol.Attr("policy_details", 0, "create_interval")
		n, set := a.Number()
		switch {
		case a.Unknown:
			return 0, "create_interval is known only after apply", false
		case !set || n <= 0:
			n = 1
		}
		return time.Duration(n * float64(24*time.Hour)), fmt.Sprintf("default policy every %g day(s)", n), true
	}
	scheds := pol.Attr("policy_details", 0, "schedule")
	if pol.Attr("policy_details").Unknown || scheds.Unknown {
		return 0, "schedule is known only after apply", false
	}
	best, bestHow := time.Duration(0), ""
	for i := range scheds.List() {
		name, _ := pol.Attr("policy_details", 0, "schedule", i, "name").Str()
		rule := model.Path{"policy_details", 0, "schedule", i, "create_rule", 0}
		cron := pol.Attr(append(rule, "cron_expression")...)
		hours := pol.Attr(append(rule, "interval")...)
		var di time.Duration
		switch {
		case cron.Unknown || hours.Unknown:
			return 0, fmt.Sprintf("schedule %q is known only after apply", name), false
		case cron.Value != nil && cron.Value != "":
			expr, _ := cron.Str()
			var err error
			if di, err = period.ScheduleInterval(expr); err != nil {
				return 0, fmt.Sprintf("schedule %q: %v", name, err), false
			}
		default:
			n, set := hours.Number()
			if !set || n <= 0 {
				continue // no create_rule: the schedule takes no snapshot
			}
			di = time.Duration(n * float64(time.Hour))
		}
		if best == 0 || di < best {
			best, bestHow = di, fmt.Sprintf("schedule %q", name)
		}
	}
	if best == 0 {
		return 0, "no schedule creates snapshots", false
	}
	return best, bestHow, true
}
