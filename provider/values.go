package provider

import (
	"context"
	"fmt"
	"math/big"
	"sort"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/prodready/terraform-provider-readiness/checks"
	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

// This file judges one resource's values for the provider functions: the
// values become a one-resource plan, and every resource check for the type
// runs on it.

// functionAddress is the address results of the functions carry.
func functionAddress(resourceType string) string { return resourceType + ".this" }

// judgeValues runs every resource check whose types include resourceType
// on values, with the production profile. partial reports whether values
// holds unknown parts.
func judgeValues(ctx context.Context, resourceType string, values types.Dynamic) (rep *engine.Report, partial bool, err error) {
	var after, unknown any = nil, true
	if !values.IsUnknown() && !values.IsUnderlyingValueUnknown() {
		tv, err := values.UnderlyingValue().ToTerraformValue(ctx)
		if err != nil {
			return nil, false, err
		}
		after, unknown = fromTerraform(tv)
	}
	if unknown != nil {
		partial = true
	} else {
		unknown = model.Object{}
	}
	if _, ok := after.(model.Object); !ok && unknown != true {
		return nil, false, fmt.Errorf("values must be an object of the resource's attributes, such as the resource itself (aws_db_instance.main) or an object literal")
	}
	r := &model.Resource{
		Address:        functionAddress(resourceType),
		Mode:           tfjson.ManagedResourceMode,
		Type:           resourceType,
		Name:           "this",
		Actions:        tfjson.Actions{tfjson.ActionNoop},
		Before:         after,
		After:          after,
		AfterUnknown:   unknown,
		AfterSensitive: model.Object{},
	}
	p := model.NewPlan("values", model.KindPlan, []*model.Resource{r}, nil, nil)
	prof, _ := profile.Lookup(profile.Default)
	rep = engine.Run([]*model.Plan{p}, resourceChecks(resourceType), engine.Options{Profile: prof, FailOn: check.AtLeast(check.SeverityHigh), PlannedOnly: true})
	return rep, partial, nil
}

// judgedType refuses a resource type that no check judges alone, naming the
// nearest one that a check does: a typo must not make every check pass.
func judgedType(resourceType string) error {
	if len(resourceChecks(resourceType)) > 0 {
		return nil
	}
	return fmt.Errorf("no readiness check judges resource type %q alone, so its values would always be ready.%s "+
		"The checks and their types are listed by `readiness checks` and the readiness_checks data source",
		resourceType, suggest.DidYouMean(resourceType, catalogueTypes(true)))
}

// resourceChecks are the registered checks that judge one resource of the
// type from its values alone (not those that compare a plan's before and
// after).
func resourceChecks(resourceType string) []check.Check {
	var out []check.Check
	for _, c := range checks.All() {
		if c.Resource == nil || c.Transition {
			continue
		}
		for _, t := range c.ResourceTypes {
			if t == resourceType {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// fromTerraform turns a Terraform value into the model's compact values
// and an after_unknown tree, as a plan holds them: unknown attributes of an
// object are left out of the value, unknown list elements are null.
func fromTerraform(v tftypes.Value) (value, unknown any) {
	if !v.IsKnown() {
		return nil, true
	}
	if v.IsNull() {
		return nil, nil
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s, nil
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b, nil
	case typ.Is(tftypes.Number):
		f := new(big.Float)
		_ = v.As(&f)
		n, _ := f.Float64()
		return n, nil
	case typ.Is(tftypes.List{}) || typ.Is(tftypes.Set{}) || typ.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		list := make([]any, 0, len(elems))
		marks := make([]any, 0, len(elems))
		some := false
		for _, e := range elems {
			ev, eu := fromTerraform(e)
			list = append(list, ev)
			if eu != nil {
				some = true
			} else {
				eu = false
			}
			marks = append(marks, eu)
		}
		if some {
			return list, marks
		}
		return list, nil
	case typ.Is(tftypes.Map{}) || typ.Is(tftypes.Object{}):
		var m map[string]tftypes.Value
		_ = v.As(&m)
		names := make([]string, 0, len(m))
		for k := range m {
			names = append(names, k)
		}
		sort.Strings(names)
		obj := model.Object{}
		var marks model.Object
		for _, k := range names {
			ev, eu := fromTerraform(m[k])
			if eu != nil {
				marks = append(marks, model.Field{Name: k, Value: eu})
			}
			if eu == true {
				continue
			}
			obj = append(obj, model.Field{Name: k, Value: ev})
		}
		if marks != nil {
			return obj, marks
		}
		return obj, nil
	}
	return nil, true
}
