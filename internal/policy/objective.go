package policy

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/period"
)

// Objective declares how much data (RPO) and how much time (RTO) the
// resources it selects may lose in a disaster.
type Objective struct {
	Name string
	// Resources selects by address pattern; empty selects every resource
	// (that Tags allow).
	Resources []Pattern
	// Tags selects resources carrying every one of these tags (keys and
	// values compared without case); empty selects every resource.
	Tags   map[string]string
	RPO    *time.Duration
	RTO    *time.Duration
	Source string // where it was declared, e.g. .readiness.hcl:30
	Range  hcl.Range
}

// Tags that declare a resource's own objectives, as durations ("1h").
const (
	RPOTag = "readiness:rpo"
	RTOTag = "readiness:rto"
)

func (o Objective) selects(r *model.Resource, tags Tags) bool {
	if len(o.Resources) > 0 {
		hit := false
		for _, p := range o.Resources {
			if p.Match(r.Address) {
				hit = true
				break
			}
		}
		if !hit {
			return false
		}
	}
	for k, want := range o.Tags {
		if v, ok := tags.Get(k); !ok || !strings.EqualFold(v, want) {
			return false
		}
	}
	return true
}

// objectivesFor resolves a resource's objectives: its own readiness:rpo and
// readiness:rto tags win; otherwise the strictest of the objective blocks
// that select it. The recovery objective checks of the catalogue read them
// through check.Settings.Recovery.
func (p *Policy) objectivesFor(r *model.Resource) check.Objectives {
	var out check.Objectives
	tags := ResourceTags(r)
	for _, o := range p.Objectives {
		if !o.selects(r, tags) {
			continue
		}
		from := fmt.Sprintf("objective %q [%s]", o.Name, o.Source)
		if o.RPO != nil && (!out.HasRPO || *o.RPO < out.RPO) {
			out.RPO, out.HasRPO, out.RPOFrom = *o.RPO, true, from
		}
		if o.RTO != nil && (!out.HasRTO || *o.RTO < out.RTO) {
			out.RTO, out.HasRTO, out.RTOFrom = *o.RTO, true, from
		}
	}
	if v, ok := tags.Get(RPOTag); ok {
		if d, err := period.ParseDuration(v); err == nil {
			out.RPO, out.HasRPO, out.RPOFrom = d, true, "tag "+RPOTag
		} else {
			out.Problem = fmt.Sprintf("tag %s: %v", RPOTag, err)
		}
	}
	if v, ok := tags.Get(RTOTag); ok {
		if d, err := period.ParseDuration(v); err == nil {
			out.RTO, out.HasRTO, out.RTOFrom = d, true, "tag "+RTOTag
		} else {
			out.Problem = fmt.Sprintf("tag %s: %v", RTOTag, err)
		}
	}
	return out
}
