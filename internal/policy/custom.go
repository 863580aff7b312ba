package policy

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Custom is a team's own check, declared in the configuration: a condition
// over each resource of its types that must hold.
type Custom struct {
	check.Meta
	// Docs is the check's documentation page; "" links to the configuration
	// reference.
	Docs string
	// Condition is true when the resource passes.
	Condition hcl.Expression
	// Message, when not nil, is the failure's message (a string template).
	Message hcl.Expression
	Range   hcl.Range
}

// sensitive marks values the plan marks sensitive, so that no message
// prints them.
const sensitive = "sensitive"

// Check turns the custom check into a check like every other.
func (c *Custom) Check() check.Check {
	return check.Check{Meta: c.Meta, Resource: c.judge}
}

func (c *Custom) judge(plan *model.Plan, r *model.Resource) check.Finding {
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"self": selfValue(plan, r, uses(c.Condition, c.Message))},
		Functions: Functions(),
	}
	ev := c.evidence(plan, r)
	v, diags := c.Condition.Value(ctx)
	if diags.HasErrors() {
		return check.Finding{Status: check.StatusUnknown, Evidence: ev,
			Message: "cannot evaluate the condition: " + describe(diags, hasSensitive(r))}
	}
	v, _ = v.UnmarkDeep()
	switch {
	case !v.IsKnown():
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "the condition depends on values known only after apply"}
	case v.IsNull():
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "the condition is null: a value it reads is not set"}
	}
	b, err := convert.Convert(v, cty.Bool)
	if err != nil {
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: fmt.Sprintf("the condition is a %s, not a bool", v.Type().FriendlyName())}
	}
	if b.True() {
		return check.Finding{Status: check.StatusPass, Evidence: ev, Message: "the condition holds"}
	}
	return check.Finding{Status: check.StatusFail, Evidence: ev, Message: c.message(ctx, r)}
}

// message renders the failure message. A message that would show a
// sensitive value is withheld.
func (c *Custom) message(ctx *hcl.EvalContext, r *model.Resource) string {
	const fallback = "the condition does not hold"
	if c.Message == nil {
		return fallback
	}
	v, diags := c.Message.Value(ctx)
	switch {
	case diags.HasErrors():
		return fallback + " (the message cannot be rendered: " + describe(diags, hasSensitive(r)) + ")"
	case v.ContainsMarked():
		return fallback + " (the message is withheld: it would show a sensitive value)"
	case !v.IsWhollyKnown():
		return fallback + " (the message shows values known only after apply)"
	case v.IsNull():
		return fallback
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		return fallback + " (the message is not a string)"
	}
	return s.AsString()
}

// describe renders diagnostics on one line. Details may quote values, so
// they are left out for resources with sensitive values.
func describe(diags hcl.Diagnostics, secret bool) string {
	var parts []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		s := d.Summary
		if d.Subject != nil {
			s = d.Subject.String() + ": " + s
		}
		if d.Detail != "" && !secret {
			s += "; " + d.Detail
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// evidence shows the planned attributes the condition reads through
// self.after, as every check shows its evidence.
func (c *Custom) evidence(plan *model.Plan, r *model.Resource) []check.Evidence {
	ev := []check.Evidence{}
	seen := map[string]bool{}
	for _, t := range c.Condition.Variables() {
		if len(t) < 3 || t.RootName() != "self" {
			continue
		}
		if a, ok := t[1].(hcl.TraverseAttr); !ok || a.Name != "after" {
			continue
		}
		var path model.Path
	steps:
		for _, s := range t[2:] {
			switch s := s.(type) {
			case hcl.TraverseAttr:
				path = append(path, s.Name)
			case hcl.TraverseIndex:
				switch {
				case s.Key.Type() == cty.String:
					path = append(path, s.Key.AsString())
				case s.Key.Type() == cty.Number:
					n, _ := s.Key.AsBigFloat().Int64()
					path = append(path, int(n))
				default:
					break steps
				}
			default:
				break steps
			}
		}
		if len(path) == 0 || seen[path.String()] {
			continue
		}
		seen[path.String()] = true
		ev = append(ev, check.Evidence{Attribute: path.String(), Value: plan.Show(r, r.Attr(path...))})
	}
	return ev
}

// needs says which costly parts of self an expression reads.
type needs struct{ before, refs, referrers bool }

func uses(exprs ...hcl.Expression) needs {
	var n needs
	for _, e := range exprs {
		if e == nil {
			continue
		}
		for _, t := range e.Variables() {
			if len(t) < 2 {
				// self as a whole: give it everything.
				n = needs{true, true, true}
				continue
			}
			if a, ok := t[1].(hcl.TraverseAttr); ok {
				switch a.Name {
				case "before":
					n.before = true
				case "refs":
					n.refs = true
				case "referrers":
					n.referrers = true
				}
			}
		}
	}
	return n
}

// selfValue is what expressions see of a resource as self.
func selfValue(plan *model.Plan, r *model.Resource, n needs) cty.Value {
	attrs := baseAttrs(r)
	attrs["index"] = indexValue(r)
	attrs["mode"] = cty.StringVal(string(r.Mode))
	attrs["provider"] = cty.StringVal(r.ProviderName)
	actions := make([]cty.Value, 0, len(r.Actions))
	for _, a := range r.Actions {
		actions = append(actions, cty.StringVal(string(a)))
	}
	attrs["actions"] = cty.ListValEmpty(cty.String)
	if len(actions) > 0 {
		attrs["actions"] = cty.ListVal(actions)
	}
	attrs["before"] = cty.NullVal(cty.DynamicPseudoType)
	if n.before {
		attrs["before"] = ToCty(r.Before, nil, r.BeforeSensitive)
	}
	attrs["refs"] = cty.EmptyTupleVal
	if n.refs {
		attrs["refs"] = neighbours(plan.Refs(r))
	}
	attrs["referrers"] = cty.EmptyTupleVal
	if n.referrers {
		attrs["referrers"] = neighbours(plan.Referrers(r))
	}
	return cty.ObjectVal(attrs)
}

// baseAttrs are what self and each neighbour have: address, type, name,
// module, after and tags.
func baseAttrs(r *model.Resource) map[string]cty.Value {
	tags := map[string]cty.Value{}
	for k, v := range ResourceTags(r) {
		tags[k] = cty.StringVal(v)
	}
	tagVal := cty.MapValEmpty(cty.String)
	if len(tags) > 0 {
		tagVal = cty.MapVal(tags)
	}
	if tagsSensitive(r) {
		tagVal = tagVal.Mark(sensitive)
	}
	return map[string]cty.Value{
		"address": cty.StringVal(r.Address),
		"type":    cty.StringVal(r.Type),
		"name":    cty.StringVal(r.Name),
		"module":  cty.StringVal(r.ModuleAddress),
		"after":   ToCty(r.After, r.AfterUnknown, r.AfterSensitive),
		"tags":    tagVal,
	}
}

func neighbours(rs []*model.Resource) cty.Value {
	if len(rs) == 0 {
		return cty.EmptyTupleVal
	}
	out := make([]cty.Value, 0, len(rs))
	for _, n := range rs {
		out = append(out, cty.ObjectVal(baseAttrs(n)))
	}
	return cty.TupleVal(out)
}

func indexValue(r *model.Resource) cty.Value {
	switch k := r.Index.(type) {
	case float64:
		return cty.NumberFloatVal(k)
	case string:
		return cty.StringVal(k)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

// ToCty converts a planned value to cty: values that unknown (an
// after_unknown tree) marks are unknown, and values that sens (an
// after_sensitive tree) marks carry the sensitive mark.
func ToCty(v, unknown, sens any) cty.Value {
	if b, ok := sens.(bool); ok {
		if b {
			return ToCty(v, unknown, nil).Mark(sensitive)
		}
		sens = nil
	}
	if b, ok := unknown.(bool); ok {
		if b {
			return cty.DynamicVal
		}
		unknown = nil
	}
	switch v := v.(type) {
	case bool:
		return cty.BoolVal(v)
	case float64:
		return cty.NumberFloatVal(v)
	case string:
		return cty.StringVal(v)
	case []any:
		if len(v) == 0 {
			return cty.EmptyTupleVal
		}
		out := make([]cty.Value, len(v))
		for i, e := range v {
			out[i] = ToCty(e, child(unknown, i), child(sens, i))
		}
		return cty.TupleVal(out)
	case model.Object:
		out := make(map[string]cty.Value, len(v))
		for _, f := range v {
			out[f.Name] = ToCty(f.Value, child(unknown, f.Name), child(sens, f.Name))
		}
		// Attributes unknown until apply may be missing from after.
		if o, ok := unknown.(model.Object); ok {
			for _, f := range o {
				if _, have := out[f.Name]; !have && containsTrue(f.Value) {
					out[f.Name] = ToCty(nil, f.Value, child(sens, f.Name))
				}
			}
		}
		return cty.ObjectVal(out)
	}
	if o, ok := unknown.(model.Object); ok && containsTrue(o) {
		return ToCty(model.Object{}, o, sens)
	}
	return cty.NullVal(cty.DynamicPseudoType)
}

func child(marks any, s model.Step) any {
	v, _ := model.Lookup(marks, model.Path{s})
	return v
}

func containsTrue(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case []any:
		for _, e := range v {
			if containsTrue(e) {
				return true
			}
		}
	case model.Object:
		for _, f := range v {
			if containsTrue(f.Value) {
				return true
			}
		}
	}
	return false
}

func hasSensitive(r *model.Resource) bool { return containsTrue(r.AfterSensitive) }

func tagsSensitive(r *model.Resource) bool {
	for _, path := range tagPaths {
		v, _ := model.Lookup(r.AfterSensitive, path)
		if containsTrue(v) {
			return true
		}
		if len(path) > 0 {
			if b, _ := child(r.AfterSensitive, path[0]).(bool); b {
				return true
			}
		}
	}
	return false
}

// ValidateExpr checks what an expression may use: the variable self and the
// functions of Functions. Anything else (file, templatefile, var, local) is
// an error at its place in the file.
func ValidateExpr(expr hcl.Expression) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, t := range expr.Variables() {
		if t.RootName() != "self" {
			r := t.SourceRange()
			diags = append(diags, &hcl.Diagnostic{
				Severity: hcl.DiagError,
				Summary:  "Unknown variable",
				Detail:   fmt.Sprintf("There is no variable named %q: a check's expressions read the resource as self (self.after, self.tags, self.refs, self.referrers, ...).", t.RootName()),
				Subject:  &r,
			})
		}
	}
	if syn, ok := expr.(hclsyntax.Expression); ok {
		funcs := Functions()
		diags = append(diags, hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
			call, ok := n.(*hclsyntax.FunctionCallExpr)
			if !ok {
				return nil
			}
			if _, ok := funcs[call.Name]; ok {
				return nil
			}
			r := call.NameRange
			return hcl.Diagnostics{{
				Severity: hcl.DiagError,
				Summary:  "Call to unknown function",
				Detail: fmt.Sprintf("There is no function named %q in readiness checks: they read only the plan, never files, "+
					"the network or the clock. Available: %s.", call.Name, strings.Join(FunctionNames(), ", ")),
				Subject: &r,
			}}
		})...)
	}
	return diags
}
