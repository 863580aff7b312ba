package policy

import (
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"

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

// objectives is what a resource must meet, and who asked.
type objectives struct {
	rpo, rto         time.Duration
	hasRPO, hasRTO   bool
	rpoFrom, rtoFrom string
	problem          string // a malformed objective tag
}

// objectivesFor resolves a resource's objectives: its own readiness:rpo and
// readiness:rto tags win; otherwise the strictest of the objective blocks
// that select it.
func (p *Policy) objectivesFor(r *model.Resource) objectives {
	var out objectives
	tags := ResourceTags(r)
	for _, o := range p.Objectives {
		if !o.selects(r, tags) {
			continue
		}
		from := fmt.Sprintf("objective %q [%s]", o.Name, o.Source)
		if o.RPO != nil && (!out.hasRPO || *o.RPO < out.rpo) {
			out.rpo, out.hasRPO, out.rpoFrom = *o.RPO, true, from
		}
		if o.RTO != nil && (!out.hasRTO || *o.RTO < out.rto) {
			out.rto, out.hasRTO, out.rtoFrom = *o.RTO, true, from
		}
	}
	if v, ok := tags.Get(RPOTag); ok {
		if d, err := period.ParseDuration(v); err == nil {
			out.rpo, out.hasRPO, out.rpoFrom = d, true, "tag "+RPOTag
		} else {
			out.problem = fmt.Sprintf("tag %s: %v", RPOTag, err)
		}
	}
	if v, ok := tags.Get(RTOTag); ok {
		if d, err := period.ParseDuration(v); err == nil {
			out.rto, out.hasRTO, out.rtoFrom = d, true, "tag "+RTOTag
		} else {
			out.problem = fmt.Sprintf("tag %s: %v", RTOTag, err)
		}
	}
	return out
}
