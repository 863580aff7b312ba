package policy

import (
	"fmt"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/prodready/terraform-provider-readiness/internal/budget"
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

// Check turns the custom check into a check like every other. Each call
// starts a run of its own, which tells each error once.
func (c *Custom) Check() check.Check {
	budget.Instrument(c.Condition)
	if c.Message != nil {
		budget.Instrument(c.Message)
	}
	run := &customRun{errs: map[string]error{}, budget: budget.New(budget.Default)}
	run.functions = run.budget.Functions(Functions())
	return check.Check{Meta: c.Meta, Resource: func(plan *model.Plan, r *model.Resource) check.Finding {
		return c.judge(run, plan, r)
	}}
}

func (c *Custom) judge(run *customRun, plan *model.Plan, r *model.Resource) check.Finding {
	if err := run.stopped(); err != nil {
		return check.Finding{Err: err}
	}
	run.evaluating.Lock()
	defer run.evaluating.Unlock()
	b := run.budget
	b.Start()
	ctx := &hcl.EvalContext{
		Variables: map[string]cty.Value{"self": selfValue(plan, r, uses(c.Condition, c.Message))},
		Functions: run.functions,
	}
	ev := c.evidence(plan, r)
	v, diags := c.Condition.Value(ctx)
	if err := b.Err(); err != nil {
		return check.Finding{Err: run.exceeded(where(diags, err, c.Condition)+": the condition "+err.Error(), r)}
	}
	if d := firstError(diags); d != nil {
		if why, ok := unknownBecause(plan, d, c.Condition); ok {
			return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "cannot evaluate the condition: " + why}
		}
		return check.Finding{Err: run.invalid(describe(d, c.Condition, "the condition cannot be evaluated")+hint(d, c.Condition), r)}
	}
	v, _ = v.UnmarkDeep()
	switch {
	case !v.IsKnown():
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "the condition depends on values known only after apply"}
	case v.IsNull():
		return check.Finding{Status: check.StatusUnknown, Evidence: ev, Message: "the condition is null: a value it reads is not set"}
	}
	holds, err := convert.Convert(v, cty.Bool)
	if err != nil {
		return check.Finding{Err: run.invalid(fmt.Sprintf("%s: the condition is a %s, not a bool", c.Condition.Range(), v.Type().FriendlyName()), r)}
	}
	if holds.True() {
		return check.Finding{Status: check.StatusPass, Evidence: ev, Message: "the condition holds"}
	}
	msg, err := c.message(run, ctx, b, plan, r)
	if err != nil {
		return check.Finding{Err: err}
	}
	return check.Finding{Status: check.StatusFail, Evidence: ev, Message: msg}
}

// message renders the failure message. A message that would show a
// sensitive value is withheld; one that cannot be rendered for a mistake
// of its own is the check's error.
func (c *Custom) message(run *customRun, ctx *hcl.EvalContext, b *budget.Budget, plan *model.Plan, r *model.Resource) (string, error) {
	const fallback = "the condition does not hold"
	if c.Message == nil {
		return fallback, nil
	}
	v, diags := c.Message.Value(ctx)
	if err := b.Err(); err != nil {
		return "", run.exceeded(where(diags, err, c.Message)+": the message "+err.Error(), r)
	}
	if d := firstError(diags); d != nil {
		if why, ok := unknownBecause(plan, d, c.Message); ok {
			return fallback + " (the message cannot be rendered: " + why + ")", nil
		}
		return "", run.invalid(describe(d, c.Message, "the message cannot be rendered")+hint(d, c.Message), r)
	}
	switch {
	case v.ContainsMarked():
		return fallback + " (the message is withheld: it would show a sensitive value)", nil
	case !v.IsWhollyKnown():
		return fallback + " (the message shows values known only after apply)", nil
	case v.IsNull():
		return fallback, nil
	}
	s, err := convert.Convert(v, cty.String)
	if err != nil {
		return "", run.invalid(fmt.Sprintf("%s: the message is a %s, not a string", c.Message.Range(), v.Type().FriendlyName()), r)
	}
	return s.AsString(), nil
}

// unknownBecause says why an error leaves the result unknown rather than
// the check invalid: the expression read a null value (an attribute not
// set), or, in a configuration read without Terraform, an attribute the
// configuration does not set (its default is the provider's to know).
func unknownBecause(plan *model.Plan, d *hcl.Diagnostic, expr hcl.Expression) (string, bool) {
	switch {
	case readsNull(d):
		return describe(d, expr, "") + ": a value it reads is null", true
	case plan.Kind == model.KindConfig && d.Summary == "Unsupported attribute" && !onSelf(d, expr):
		return describe(d, expr, "") + ": the configuration does not set it, and its default is known only to the provider", true
	}
	return "", false
}

// hint says how to read an attribute only some versions of a provider
// have.
func hint(d *hcl.Diagnostic, expr hcl.Expression) string {
	if d.Summary == "Unsupported attribute" && !onSelf(d, expr) {
		return "; if some provider versions lack the attribute, read it with try() or can()"
	}
	return ""
}

// where is the place of the budget's error: the expression that exceeded
// it, or the whole expression when try() or can() swallowed the
// diagnostic.
func where(diags hcl.Diagnostics, err error, expr hcl.Expression) string {
	for _, d := range diags {
		if d.Subject != nil && strings.Contains(d.Detail, err.Error()) {
			return d.Subject.String()
		}
	}
	return expr.Range().String()
}

// customRun is one custom check over one scan: each error is reported
// with the first resource that showed it, and the same error on other
// resources is the same error, which the engine reports once. Once the
// budget is exceeded the check stops: a runaway condition costs its
// budget once, not once per resource. Evaluations share the budget and
// its functions (built once), one at a time.
type customRun struct {
	mu   sync.Mutex
	errs map[string]error
	stop error

	evaluating sync.Mutex
	budget     *budget.Budget
	functions  map[string]function.Function
}

func (run *customRun) invalid(what string, r *model.Resource) error {
	run.mu.Lock()
	defer run.mu.Unlock()
	if err, ok := run.errs[what]; ok {
		return err
	}
	err := fmt.Errorf("%s (on %s)", what, r.Address)
	run.errs[what] = err
	return err
}

func (run *customRun) exceeded(what string, r *model.Resource) error {
	err := run.invalid(what, r)
	run.mu.Lock()
	defer run.mu.Unlock()
	run.stop = err
	return err
}

func (run *customRun) stopped() error {
	run.mu.Lock()
	defer run.mu.Unlock()
	return run.stop
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
