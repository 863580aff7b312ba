package model

import (
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// maxRefDepth bounds how far references are followed through module
// variables and outputs.
const maxRefDepth = 16

// Refs returns the resource instances that r's configuration refers to,
// through any of the named attributes (all attributes when none are named),
// following references through module input variables and module outputs.
// A reference to a resource with several instances resolves to the instance
// with r's own key when there is one, else to every instance.
func (p *Plan) Refs(r *Resource, attrs ...string) []*Resource {
	p.reach.Add(1)
	if r.Config == nil {
		return nil
	}
	key := refsKey{r, strings.Join(attrs, "\x00")}
	p.refsMu.Lock()
	cached, ok := p.refsCache[key]
	p.refsMu.Unlock()
	if ok {
		return cached
	}
	out := p.resolveRefs(r, attrs)
	p.refsMu.Lock()
	if p.refsCache == nil {
		p.refsCache = map[refsKey][]*Resource{}
	}
	p.refsCache[key] = out
	p.refsMu.Unlock()
	return out
}

type refsKey struct {
	r     *Resource
	attrs string
}

func (p *Plan) resolveRefs(r *Resource, attrs []string) []*Resource {
	var exprs []*tfjson.Expression
	if len(attrs) == 0 {
		for _, e := range r.Config.Expressions {
			exprs = append(exprs, e)
		}
	} else {
		for _, a := range attrs {
			if e := r.Config.Expressions[a]; e != nil {
				exprs = append(exprs, e)
			}
		}
	}
	seen := map[*Resource]bool{}
	var out []*Resource
	for _, e := range exprs {
		out = p.visitExpr(r, e, seen, out)
	}
	return out
}

// visitExpr resolves the references of one expression of r's
// configuration, and of the blocks nested in it, each on its own, adding
// to out the resources not seen yet.
func (p *Plan) visitExpr(r *Resource, e *tfjson.Expression, seen map[*Resource]bool, out []*Resource) []*Resource {
	if e == nil || e.ExpressionData == nil {
		return out
	}
	for _, to := range p.resolve(r.Addr().Module(), p.keyedBy(r, e.References), mostSpecific(e.References)) {
		if !seen[to] {
			seen[to] = true
			out = append(out, to)
		}
	}
	for _, block := range e.NestedBlocks {
		for _, nested := range block {
			out = p.visitExpr(r, nested, seen, out)
		}
	}
	return out
}

// keyedBy returns r when an expression's references use r's own instance
// key (count.index, each.key, each.value), so that a reference to another
// counted resource means the instance with the same key; otherwise nil.
func (p *Plan) keyedBy(r *Resource, refs []string) *Resource {
	if !r.Addr().Key().Known() {
		return nil
	}
	for _, text := range refs {
		switch ref, _ := ParseRef(text); ref.Kind {
		case RefEach:
			return r
		case RefCount:
			if ref.Name == "index" {
				return r
			}
		}
	}
	return nil
}

// Referrers returns the resources of the given types (any type when none are
// named) whose configuration refers to r.
func (p *Plan) Referrers(r *Resource, types ...string) []*Resource {
	p.reach.Add(1)
	p.graphOnce.Do(p.buildGraph)
	var out []*Resource
	for _, from := range p.referrers[r] {
		if len(types) == 0 || contains(types, from.Type) {
			out = append(out, from)
		}
	}
	return out
}

func (p *Plan) buildGraph() {
	p.referrers = map[*Resource][]*Resource{}
	for _, from := range p.Resources {
		if from.Config == nil || !from.Exists() {
			continue
		}
		for _, to := range p.Refs(from) {
			if to != from {
				p.referrers[to] = append(p.referrers[to], from)
			}
		}
	}
}

// ExprRefs returns the references of one attribute of r's configuration,
// as written (aws_subnet.a.id, var.subnets, module.net.ids), the most
// specific only (see Expr.Refs).
func (r *Resource) ExprRefs(attr string) []string { return r.ConfigExpr(attr).Refs() }

// ConstantValue returns the constant value of an attribute in r's
// configuration, and whether the configuration sets it to a constant.
func (r *Resource) ConstantValue(attr string) (any, bool) { return r.ConfigExpr(attr).Constant() }

func allRefs(exprs map[string]*tfjson.Expression) []string {
	var out []string
	for _, e := range exprs {
		out = append(out, exprRefs(e)...)
	}
	return out
}

func exprRefs(e *tfjson.Expression) []string {
	if e == nil || e.ExpressionData == nil {
		return nil
	}
	out := mostSpecific(e.References)
	for _, block := range e.NestedBlocks {
		out = append(out, allRefs(block)...)
	}
	return out
}

// mostSpecific drops the references that merely prefix another one of the
// same expression: Terraform lists module.x["eu"].out, module.x["eu"] and
// module.x for one traversal, and the shorter ones would link every
// instance and every output.
func mostSpecific(refs []string) []string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		prefix := false
		for _, other := range refs {
			if len(other) > len(r) && strings.HasPrefix(other, r) && (other[len(r)] == '.' || other[len(r)] == '[') {
				prefix = true
				break
			}
		}
		if !prefix {
			out = append(out, r)
		}
	}
	return out
}

// resolve turns references written in module instance in (whose steps
// may lack keys) into resource instances. from, when set, is the referrer
// whose own key picks among the instances of a block counted alike.
func (p *Plan) resolve(in ModuleInstance, from *Resource, refs []string) []*Resource {
	seen := map[*Resource]bool{}
	var out []*Resource
	var walk func(in ModuleInstance, refs []string, depth int)
	walk = func(in ModuleInstance, refs []string, depth int) {
		if depth > maxRefDepth {
			return
		}
		for _, text := range refs {
			switch ref, _ := ParseRef(text); ref.Kind {
			case RefVar:
				if len(in) == 0 {
					continue
				}
				if call := p.calls[in.Path()]; call != nil {
					if e := call.Expressions[ref.Name]; e != nil {
						walk(in.Parent(), exprRefs(e), depth+1)
					}
				}
			case RefModule:
				child := in.Child(ref.Name, ref.Key)
				m := p.modules[child.Path()]
				if m == nil {
					continue
				}
				if ref.Output != "" {
					if o := m.Outputs[ref.Output]; o != nil {
						walk(child, exprRefs(o.Expression), depth+1)
					}
					continue
				}
				for _, o := range m.Outputs {
					walk(child, exprRefs(o.Expression), depth+1)
				}
			case RefResource, RefData:
				sameKey := from
				if depth > 0 {
					sameKey = nil // the key belongs to the referrer's own module only
				}
				for _, to := range p.pick(ref.ConfigAddress(in), in, ref.Key, sameKey) {
					if !seen[to] {
						seen[to] = true
						out = append(out, to)
					}
				}
			}
		}
	}
	walk(in, refs, 0)
	return out
}

// pick chooses the instances of a resource block that a reference means: the
// instance named by key, else the one with sameKey's own key when the
// referrer counts over the same keys, else every instance (in the referring
// module instance when it has some).
func (p *Plan) pick(configAddr string, in ModuleInstance, key Key, sameKey *Resource) []*Resource {
	all := p.byConfig[configAddr]
	if len(all) <= 1 {
		return all
	}
	// Prefer instances in the referring module instance.
	var local []*Resource
	for _, r := range all {
		if r.Addr().Module().Equal(in) {
			local = append(local, r)
		}
	}
	if len(local) > 0 {
		all = local
	}
	if key.Known() {
		for _, r := range all {
			if r.Addr().Key() == key {
				return []*Resource{r}
			}
		}
	}
	if sameKey != nil {
		if own := sameKey.Addr().Key(); own.Known() {
			for _, r := range all {
				if r.Addr().Key() == own {
					return []*Resource{r}
				}
			}
		}
	}
	return all
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
