package hclconfig

import (
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
)

// configModule builds the configuration section a plan would have for the
// module at s.path (once per module path, from its first instance): its
// resources with their expressions and references, variables, outputs and
// module calls, so that the model's reference graph works on
// configuration as on plans.
func (l *loader) configModule(s *scope) *tfjson.ConfigModule {
	if cm, ok := l.configs[s.path]; ok {
		return cm
	}
	cm := &tfjson.ConfigModule{
		Outputs:     map[string]*tfjson.ConfigOutput{},
		ModuleCalls: map[string]*tfjson.ModuleCall{},
		Variables:   map[string]*tfjson.ConfigVariable{},
	}
	l.configs[s.path] = cm
	for _, pb := range s.mod.providers {
		key := pb.key()
		if s.path != "" {
			key = s.path + ":" + key
		}
		if _, dup := l.pconfigs[key]; dup {
			continue
		}
		src := s.mod.sources[pb.name]
		if src == "" {
			src = "hashicorp/" + pb.name
		}
		if strings.Count(src, "/") == 1 {
			src = "registry.terraform.io/" + src
		}
		l.pconfigs[key] = &tfjson.ProviderConfig{
			Name: pb.name, FullName: src, Alias: pb.alias, ModuleAddress: s.path,
			Expressions: s.providerExpressions(pb.body),
		}
	}
	for _, rb := range s.mod.resources {
		name, alias, _ := strings.Cut(rb.provider, ".")
		if name == "" {
			name, _, _ = strings.Cut(rb.typ, "_")
		}
		cm.Resources = append(cm.Resources, &tfjson.ConfigResource{
			Address:           rb.address(),
			Mode:              rb.mode,
			Type:              rb.typ,
			Name:              rb.name,
			ProviderConfigKey: s.providerConfigKey(name, alias),
			Expressions:       s.expressions(rb.body, true),
			CountExpression:   s.expression(rb.count),
			ForEachExpression: s.expression(rb.forEach),
		})
	}
	for name, v := range s.mod.variables {
		cv := &tfjson.ConfigVariable{Sensitive: v.sensitive}
		if v.def != nil {
			var sens any
			cv.Default, _, sens = toModel(s.constant(v.def))
			if sens != nil || v.sensitive {
				s.l.secrets = append(s.l.secrets, cv.Default)
			}
		}
		cm.Variables[name] = cv
	}
	for name, o := range s.mod.outputs {
		cm.Outputs[name] = &tfjson.ConfigOutput{Sensitive: o.sensitive, Expression: s.expression(o.expr)}
	}
	for _, call := range s.mod.calls {
		mc := &tfjson.ModuleCall{
			Source:            call.source,
			Expressions:       map[string]*tfjson.Expression{},
			CountExpression:   s.expression(call.count),
			ForEachExpression: s.expression(call.forEach),
		}
		for name, expr := range call.inputs {
			mc.Expressions[name] = s.expression(expr)
		}
		if c := s.childrenOf(call.name); c != nil && len(c.scopes) > 0 {
			mc.Module = l.configModule(c.scopes[0])
		}
		cm.ModuleCalls[call.name] = mc
	}
	return cm
}

// providerExpressions describes a provider block's arguments, each with
// the value it evaluates to when that is known: a plan's configuration
// gives only literals, but a directory read knows what local.region or
// var.region hold, and regions are judged from them.
func (s *scope) providerExpressions(body hcl.Body) map[string]*tfjson.Expression {
	out := s.expressions(body, false)
	attrs, _ := blockContent(body)
	for _, a := range attrs {
		e := out[a.Name]
		if e == nil || e.ExpressionData == nil || len(e.References) == 0 {
			continue
		}
		v, unknown, sens := toModel(s.eval(a.Expr, nil))
		if unknown != nil || sens != nil || v == nil {
			continue
		}
		e.ConstantValue, e.References = v, nil
	}
	return out
}

// expressions describes a block's arguments and nested blocks as a plan's
// configuration does.
func (s *scope) expressions(body hcl.Body, top bool) map[string]*tfjson.Expression {
	attrs, blocks := blockContent(body)
	out := map[string]*tfjson.Expression{}
	for _, a := range attrs {
		if top && metaArguments[a.Name] {
			continue
		}
		out[a.Name] = s.expression(a.Expr)
	}
	for _, b := range blocks {
		switch {
		case top && metaArguments[b.Type]:
		case b.Type == "dynamic" && len(b.Labels) == 1:
			_, inner := blockContent(b.Body)
			for _, c := range inner {
				if c.Type == "content" {
					s.addNested(out, b.Labels[0], s.expressions(c.Body, false))
				}
			}
		case len(b.Labels) == 0:
			s.addNested(out, b.Type, s.expressions(b.Body, false))
		}
	}
	return out
}

func (s *scope) addNested(out map[string]*tfjson.Expression, typ string, block map[string]*tfjson.Expression) {
	e := out[typ]
	if e == nil || e.ExpressionData == nil {
		e = &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{}}
		out[typ] = e
	}
	e.NestedBlocks = append(e.NestedBlocks, block)
}

// expression is one argument's expression: its references, or its constant
// value when it has none.
func (s *scope) expression(expr hcl.Expression) *tfjson.Expression {
	if expr == nil {
		return nil
	}
	data := &tfjson.ExpressionData{References: references(expr)}
	if len(data.References) > 0 {
		data.ConstantValue = tfjson.UnknownConstantValue
	} else {
		v, unknown, sens := toModel(s.constant(expr))
		data.ConstantValue = v
		if sens != nil {
			// Terraform writes no constant for sensitive("..."): the
			// value must not reach a message through the configuration.
			s.l.secrets = append(s.l.secrets, v)
		}
		if unknown != nil || sens != nil {
			data.ConstantValue = tfjson.UnknownConstantValue
		}
	}
	return &tfjson.Expression{ExpressionData: data}
}

// references lists what an expression refers to, as Terraform writes them
// in a plan: the whole reference, then the object it belongs to
// (aws_vpc.main[0].id, aws_vpc.main[0], aws_vpc.main; module.net.ids,
// module.net; each.value.name, each.value).
func references(expr hcl.Expression) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, tr := range expr.Variables() {
		steps := staticSteps(tr)
		if len(steps) == 0 {
			continue
		}
		var subject int // steps naming the referenced object
		switch tr.RootName() {
		case "var", "local", "path", "terraform", "count", "each":
			subject = 2
		case "module":
			subject = 2
		case "data":
			subject = 3
		case "self":
			continue
		default:
			subject = 2
		}
		add(render(steps))
		// The object with its instance key, then without.
		if len(steps) > subject && steps[subject].key {
			add(render(steps[:subject+1]))
		}
		add(render(steps[:min(subject, len(steps))]))
	}
	return out
}

// step is one static step of a traversal.
type step struct {
	text string // .name or [key]
	key  bool
}

// staticSteps renders a traversal up to its first step that is not a name
// or a literal key.
func staticSteps(tr hcl.Traversal) []step {
	var out []step
	for _, t := range tr {
		switch t := t.(type) {
		case hcl.TraverseRoot:
			out = append(out, step{text: t.Name})
		case hcl.TraverseAttr:
			out = append(out, step{text: "." + t.Name})
		case hcl.TraverseIndex:
			k := t.Key
			switch {
			case !k.IsKnown() || k.IsNull():
				return out
			case k.Type() == cty.String:
				out = append(out, step{text: "[" + strconv.Quote(k.AsString()) + "]", key: true})
			case k.Type() == cty.Number:
				out = append(out, step{text: "[" + k.AsBigFloat().Text('f', -1) + "]", key: true})
			default:
				return out
			}
		default:
			return out
		}
	}
	return out
}

func render(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteString(s.text)
	}
	return b.String()
}
