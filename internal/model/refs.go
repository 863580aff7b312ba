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
	var out []*Resource
	seen := map[*Resource]bool{}
	var visit func(e *tfjson.Expression)
	visit = func(e *tfjson.Expression) {
		if e == nil || e.ExpressionData == nil {
			return
		}
		for _, to := range p.resolve(ModulePath(r.ModuleAddress), r.ModuleAddress, keyedBy(r, e.References), mostSpecific(e.References)) {
			if !seen[to] {
				seen[to] = true
				out = append(out, to)
			}
		}
		for _, block := range e.NestedBlocks {
			for _, nested := range block {
				visit(nested)
			}
		}
	}
	for _, e := range exprs {
		visit(e)
	}
	return out
}

// keyedBy returns r when an expression's references use r's own instance
// key (count.index, each.key, each.value), so that a reference to another
// counted resource means the instance with the same key; otherwise nil.
func keyedBy(r *Resource, refs []string) *Resource {
	if r.Index == nil {
		return nil
	}
	for _, ref := range refs {
		if ref == "count.index" || ref == "each.key" || ref == "each.value" || strings.HasPrefix(ref, "each.value.") {
			return r
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
// as written (aws_subnet.a.id, var.subnets, module.net.ids).
func (r *Resource) ExprRefs(attr string) []string {
	if r.Config == nil {
		return nil
	}
	if e := r.Config.Expressions[attr]; e != nil {
		return exprRefs(e)
	}
	return nil
}

// ConstantValue returns the constant value of an attribute in r's
// configuration, and whether the configuration sets it to a constant.
func (r *Resource) ConstantValue(attr string) (any, bool) {
	if r.Config == nil {
		return nil, false
	}
	e := r.Config.Expressions[attr]
	if e == nil || e.ExpressionData == nil || len(e.References) > 0 || e.NestedBlocks != nil {
		return nil, false
	}
	return e.ConstantValue, true
}

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

// resolve turns references written in module modPath (instance moduleInst)
// into resource instances.
func (p *Plan) resolve(modPath, moduleInst string, from *Resource, refs []string) []*Resource {
	seen := map[*Resource]bool{}
	var out []*Resource
	var walk func(modPath, moduleInst string, refs []string, depth int)
	walk = func(modPath, moduleInst string, refs []string, depth int) {
		if depth > maxRefDepth {
			return
		}
		for _, ref := range refs {
			parts := splitRef(ref)
			if len(parts) < 2 {
				continue
			}
			switch parts[0].name {
			case "var":
				if modPath == "" {
					continue
				}
				parent, _ := parentModule(modPath)
				call := p.calls[modPath]
				if call == nil {
					continue
				}
				if e := call.Expressions[parts[1].name]; e != nil {
					walk(parent, parentInstance(moduleInst), exprRefs(e), depth+1)
				}
			case "module":
				child := join(modPath, "module."+parts[1].name)
				m := p.modules[child]
				childInst := join(moduleInst, "module."+parts[1].name+parts[1].key)
				if m == nil {
					continue
				}
				if len(parts) >= 3 {
					if o := m.Outputs[parts[2].name]; o != nil {
						walk(child, childInst, exprRefs(o.Expression), depth+1)
					}
					continue
				}
				for _, o := range m.Outputs {
					walk(child, childInst, exprRefs(o.Expression), depth+1)
				}
			case "local", "each", "count", "path", "terraform", "self":
				continue
			default:
				addr := parts[0].name + "." + parts[1].name
				key := parts[1].key
				if parts[0].name == "data" {
					if len(parts) < 3 {
						continue
					}
					addr = "data." + parts[1].name + "." + parts[2].name
					key = parts[2].key
				}
				sameKey := from
				if depth > 0 {
					sameKey = nil // the key belongs to the referrer's own module only
				}
				for _, to := range p.pick(join(modPath, addr), moduleInst, key, sameKey) {
					if !seen[to] {
						seen[to] = true
						out = append(out, to)
					}
				}
			}
		}
	}
	walk(modPath, moduleInst, refs, 0)
	return out
}

// pick chooses the instances of a resource block that a reference means: the
// instance named by key, else the one with sameKey's own index when the
// referrer counts over the same keys, else every instance (in the referring
// module instance when it has some).
func (p *Plan) pick(configAddr, moduleInst, key string, sameKey *Resource) []*Resource {
	all := p.byConfig[configAddr]
	if len(all) <= 1 {
		return all
	}
	// Prefer instances in the referring module instance.
	var local []*Resource
	for _, r := range all {
		if r.ModuleAddress == moduleInst {
			local = append(local, r)
		}
	}
	if len(local) > 0 {
		all = local
	}
	if key != "" {
		for _, r := range all {
			if "["+r.IndexKey()+"]" == key {
				return []*Resource{r}
			}
		}
	}
	if sameKey != nil && sameKey.Index != nil {
		for _, r := range all {
			if r.Index == sameKey.Index {
				return []*Resource{r}
			}
		}
	}
	return all
}

type refPart struct {
	name string
	key  string // "[0]" or "[\"a\"]" or ""
}

// splitRef splits a reference such as module.a["x"].out or aws_s3_bucket.b[0].id.
func splitRef(ref string) []refPart {
	var parts []refPart
	i := 0
	for i < len(ref) {
		j := i
		for j < len(ref) && ref[j] != '.' && ref[j] != '[' {
			j++
		}
		part := refPart{name: ref[i:j]}
		if j < len(ref) && ref[j] == '[' {
			end := segmentEnd(ref, i)
			part.key = ref[j:end]
			j = end
		}
		parts = append(parts, part)
		if j < len(ref) && ref[j] == '.' {
			j++
		}
		if j == i {
			break
		}
		i = j
	}
	return parts
}

// parentModule splits module.a.module.b into module.a and b.
func parentModule(modPath string) (string, string) {
	i := strings.LastIndex(modPath, "module.")
	if i <= 0 {
		return "", strings.TrimPrefix(modPath, "module.")
	}
	return modPath[:i-1], modPath[i+len("module."):]
}

// parentInstance drops the last module.NAME[KEY] step of a module instance address.
func parentInstance(moduleInst string) string {
	pos, last := 0, -1
	for hasPrefixAt(moduleInst, pos, "module.") {
		last = pos
		end := segmentEnd(moduleInst, pos+len("module."))
		if end >= len(moduleInst) {
			break
		}
		pos = end + 1
	}
	if last <= 0 {
		return ""
	}
	return moduleInst[:last-1]
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
