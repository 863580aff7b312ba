package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Reading a planned value for a judgement, when the plan may leave it null,
// unknown or absent, and the provider's API then applies a default. settle
// is the reader the Google Cloud, Azure and Kubernetes checks share: a value
// known only after apply that the configuration does not set is the default,
// and so is a null one; one the plan does not hold at all is unknown, unless
// a block that would hold it is null or empty.
//
// Two readers elsewhere look alike but decide absent attributes otherwise,
// and are kept apart on purpose: instSetting (support_instance.go) also
// takes the default for an attribute missing from a block that is present,
// and configuredOrDefault (support_aws_compute.go) for any missing
// attribute, top-level ones included.

// settle reads the attribute at path for a judgement. It returns the planned
// value, or dflt when the plan leaves the attribute null, when its enclosing
// block is absent, or when the provider computes it and the configuration
// leaves it unset (the evidence says which, and marks the reading as an
// assumption when a block on the way may be a dynamic one the plan does not
// show). With dflt nil there is no default to fall back on. The reason is
// non-empty when the plan cannot tell the value: known only after apply, or
// absent from the provider version's schema.
func settle(p *model.Plan, r *model.Resource, dflt any, path ...model.Step) (any, check.Evidence, string) {
	return settleAt(p, r, dflt, false, path)
}

// settleBlock is settle for a path whose last step names a block type:
// unset, it holds no block.
func settleBlock(p *model.Plan, r *model.Resource, path ...model.Step) (any, check.Evidence, string) {
	return settleAt(p, r, []any{}, true, path)
}

func settleAt(p *model.Plan, r *model.Resource, dflt any, block bool, path []model.Step) (any, check.Evidence, string) {
	a := r.Attr(path...)
	e := ev(p, r, path...)
	name := model.Path(path).String()
	unset, assumed := computedUnset(r, block, path)
	switch {
	case unset:
		if dflt == nil {
			return nil, e, fmt.Sprintf("%s is not set and the provider decides it during apply", name)
		}
		e.Value = fmt.Sprintf("(not set in configuration: defaults to %s)", model.Render(dflt))
		if assumed {
			e = assumeUnset(e, name)
		}
		return dflt, e, ""
	case a.Unknown:
		return nil, e, fmt.Sprintf("%s is known only after apply", name)
	case !a.Present && !absentAsUnset(r, path):
		return nil, e, fmt.Sprintf("the plan does not hold %s (not in this provider version's schema)", name)
	case a.Value == nil && dflt != nil:
		if a.Present {
			e.Value = fmt.Sprintf("null (unset: defaults to %s)", model.Render(dflt))
		} else {
			e.Value = fmt.Sprintf("(block not set: defaults to %s)", model.Render(dflt))
		}
		return dflt, e, ""
	}
	return a.Value, e, ""
}

// unsetComputed reports whether the attribute at path is unknown only
// because the provider computes it: the configuration does not set it.
// assumed says the plan cannot confirm it: a block on the way is missing
// from the plan's configuration but may be a dynamic one.
func unsetComputed(r *model.Resource, path ...model.Step) (unset, assumed bool) {
	return computedUnset(r, false, path)
}

// unsetComputedBlock is unsetComputed for a path whose last step names a
// block type, which a dynamic block may set.
func unsetComputedBlock(r *model.Resource, path ...model.Step) (unset, assumed bool) {
	return computedUnset(r, true, path)
}

// isUnsetComputed is unsetComputed's first answer.
func isUnsetComputed(r *model.Resource, path ...model.Step) bool {
	unset, _ := unsetComputed(r, path...)
	return unset
}

// isUnsetComputedBlock is unsetComputedBlock's first answer.
func isUnsetComputedBlock(r *model.Resource, path ...model.Step) bool {
	unset, _ := unsetComputedBlock(r, path...)
	return unset
}

func computedUnset(r *model.Resource, block bool, path []model.Step) (unset, assumed bool) {
	if !r.Attr(path...).Unknown {
		return false, false
	}
	setting := r.Configured(path...)
	if block {
		setting = r.ConfiguredBlock(path...)
	}
	switch {
	case setting == model.NotSet:
		return true, false
	case setting == model.CannotTell && r.Config != nil:
		return true, true
	}
	return false, false
}

// absentAsUnset reports whether an attribute missing from the plan is
// missing because a block holding it is null or empty (so it is unset),
// rather than because the provider version's schema lacks it: plans write
// every attribute of a present block, null when unset.
func absentAsUnset(r *model.Resource, path []model.Step) bool {
	for i := len(path) - 1; i > 0; i-- {
		a := r.Attr(path[:i]...)
		if !a.Present || a.Unknown {
			continue
		}
		switch a.Value.(type) {
		case nil, []any:
			return true
		}
		return false
	}
	return false
}

// boolOf reads a boolean value; older providers write some as strings.
func boolOf(v any) (bool, bool) {
	switch v := v.(type) {
	case bool:
		return v, true
	case string:
		b, err := strconv.ParseBool(v)
		return b, err == nil
	}
	return false, false
}

// numberOf reads a number; the Kubernetes provider writes some as strings.
func numberOf(v any) (float64, bool) {
	switch v := v.(type) {
	case float64:
		return v, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		return f, err == nil
	}
	return 0, false
}

// objectOf reads an object or map value.
func objectOf(v any) model.Object {
	o, _ := v.(model.Object)
	return o
}

// fieldOf returns the member name of an object value, if it is one.
func fieldOf(v any, name string) any {
	f, _ := objectOf(v).Get(name)
	return f
}
