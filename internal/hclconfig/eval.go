package hclconfig

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/prodready/terraform-provider-readiness/internal/budget"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// scope is one instance of a module: the root, or module.app["blue"]. It
// evaluates expressions written in that module, knowing its variables and
// lazily its locals and its child modules' outputs. Everything that Terraform
// would know only from a provider (resource and data source attributes) is
// unknown, and so is everything computed from it.
type scope struct {
	l      *loader
	mod    *module
	parent *scope
	addr   string // module instance address, "" at the root
	path   string // module path without instance keys
	call   *callBlock
	depth  int

	vars      map[string]cty.Value
	locals    map[string]cty.Value
	resources map[string]cty.Value // memoised resourceValue
	busy      map[string]bool
	children  map[string]*children
	outputs   cty.Value // memoised object of outputs
	// fns are the module's functions (functions_file.go).
	fns map[string]function.Function
}

// children are the instances of one module call.
type children struct {
	value  cty.Value // what module.NAME evaluates to
	scopes []*scope
}

// instance holds count.index or each.key and each.value for one instance of
// a resource or module call.
type instance struct {
	count      bool
	index      cty.Value
	each       bool
	key, value cty.Value
}

// maxDepth bounds module nesting, which also stops a module calling itself.
const maxDepth = 32

func newScope(l *loader, mod *module, parent *scope, addr, path string, call *callBlock) *scope {
	s := &scope{
		l: l, mod: mod, parent: parent, addr: addr, path: path, call: call,
		vars:      map[string]cty.Value{},
		locals:    map[string]cty.Value{},
		resources: map[string]cty.Value{},
		busy:      map[string]bool{},
		children:  map[string]*children{},
	}
	if parent != nil {
		s.depth = parent.depth + 1
	}
	return s
}

// eval evaluates an expression in the scope. A value that cannot be known
// without running Terraform, or an expression this reader cannot evaluate, is
// unknown.
func (s *scope) eval(expr hcl.Expression, in *instance) cty.Value {
	if expr == nil {
		return cty.NullVal(cty.DynamicPseudoType)
	}
	budget.Instrument(expr)
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{}, Functions: s.functions()}
	locals := map[string]cty.Value{}
	mods := map[string]cty.Value{}
	resources := map[string]map[string]cty.Value{} // type, then name
	data := map[string]map[string]cty.Value{}
	addResource := func(to map[string]map[string]cty.Value, mode tfjson.ResourceMode, typ, name string) {
		if typ == "" || name == "" {
			return
		}
		if to[typ] == nil {
			to[typ] = map[string]cty.Value{}
		}
		to[typ][name] = s.resourceValue(mode, typ, name)
	}
	for _, tr := range expr.Variables() {
		root := tr.RootName()
		switch root {
		case "var":
			ctx.Variables["var"] = cty.ObjectVal(s.vars)
		case "local":
			if name := attrAt(tr, 1); name != "" {
				locals[name] = s.local(name)
			}
		case "module":
			if name := attrAt(tr, 1); name != "" {
				mods[name] = s.module(name)
			}
		case "path":
			ctx.Variables["path"] = cty.ObjectVal(map[string]cty.Value{
				"module": cty.StringVal(filepath.ToSlash(s.l.rel(s.mod.dir))),
				"root":   cty.StringVal("."),
				"cwd":    cty.StringVal(filepath.ToSlash(s.l.root)),
			})
		case "terraform":
			ctx.Variables["terraform"] = cty.ObjectVal(map[string]cty.Value{"workspace": s.l.workspaceValue()})
		case "count":
			if in != nil && in.count {
				ctx.Variables["count"] = cty.ObjectVal(map[string]cty.Value{"index": in.index})
			} else {
				ctx.Variables["count"] = cty.DynamicVal
			}
		case "each":
			if in != nil && in.each {
				ctx.Variables["each"] = cty.ObjectVal(map[string]cty.Value{"key": in.key, "value": in.value})
			} else {
				ctx.Variables["each"] = cty.DynamicVal
			}
		case "self":
			ctx.Variables["self"] = cty.DynamicVal
		case "data":
			addResource(data, tfjson.DataResourceMode, attrAt(tr, 1), attrAt(tr, 2))
		default:
			addResource(resources, tfjson.ManagedResourceMode, root, attrAt(tr, 1))
		}
	}
	for typ, names := range resources {
		ctx.Variables[typ] = cty.ObjectVal(names)
	}
	if len(data) > 0 {
		types := map[string]cty.Value{}
		for typ, names := range data {
			types[typ] = cty.ObjectVal(names)
		}
		ctx.Variables["data"] = cty.ObjectVal(types)
	}
	ctx.Variables["local"] = cty.ObjectVal(locals)
	ctx.Variables["module"] = cty.ObjectVal(mods)
	v, diags := expr.Value(ctx)
	if s.l.spent(expr) || diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// loadBudget bounds all the evaluations of one configuration together: far
// more than the locals and expressions of a large real configuration take,
// far less than a runaway expression (setproduct(range(1024), range(1024),
// range(64)) in a local) would.
var loadBudget = budget.Limits{Steps: 1_000_000, Bytes: 256 << 20, Time: 20 * time.Second}

// spent reports whether the load's budget is exceeded, recording the first
// expression that found it so.
func (l *loader) spent(expr hcl.Expression) bool {
	err := l.budget.Err()
	if err != nil && l.overBudget == nil {
		r := expr.Range()
		l.overBudget = fmt.Errorf("%s:%d,%d: evaluating this expression %v, so the configuration is not read; "+
			"simplify it", l.rel(r.Filename), r.Start.Line, r.Start.Column, err)
	}
	return err != nil
}

// resourceValue is what a reference to a resource block evaluates to: its
// instances, whose keys are known when its count or for_each is, each with
// attributes known only to the provider. A block with neither is one
// unknown object.
func (s *scope) resourceValue(mode tfjson.ResourceMode, typ, name string) cty.Value {
	var rb *resourceBlock
	for _, b := range s.mod.resources {
		if b.mode == mode && b.typ == typ && b.name == name {
			rb = b
		}
	}
	key := "resource." + string(mode) + "." + typ + "." + name
	if v, ok := s.resources[key]; ok {
		return v
	}
	if rb == nil || s.busy[key] {
		return cty.DynamicVal
	}
	s.busy[key] = true
	v := s.instancesValue(rb)
	delete(s.busy, key)
	s.resources[key] = v
	return v
}

func (s *scope) instancesValue(rb *resourceBlock) cty.Value {
	keys, kind := s.expand(rb.count, rb.forEach)
	switch kind {
	case expandCount:
		elems := make([]cty.Value, len(keys))
		for i := range elems {
			elems[i] = cty.DynamicVal
		}
		if len(elems) == 0 {
			return cty.EmptyTupleVal
		}
		return cty.TupleVal(elems)
	case expandForEach:
		elems := map[string]cty.Value{}
		for _, k := range keys {
			elems[k.key.AsString()] = cty.DynamicVal
		}
		return cty.ObjectVal(elems)
	}
	return cty.DynamicVal
}

// attrAt returns the attribute name at step i of a traversal.
func attrAt(tr hcl.Traversal, i int) string {
	if len(tr) <= i {
		return ""
	}
	if a, ok := tr[i].(hcl.TraverseAttr); ok {
		return a.Name
	}
	return ""
}

// local evaluates local.name once; a local that refers to itself is unknown.
func (s *scope) local(name string) cty.Value {
	if v, ok := s.locals[name]; ok {
		return v
	}
	expr, ok := s.mod.locals[name]
	if !ok || s.busy["local."+name] {
		return cty.DynamicVal
	}
	s.busy["local."+name] = true
	v := s.eval(expr, nil)
	delete(s.busy, "local."+name)
	s.locals[name] = v
	return v
}

// module returns the value of module.name: an object of its outputs, or a
// list or map of them for a call with count or for_each.
func (s *scope) module(name string) cty.Value {
	c := s.childrenOf(name)
	if c == nil {
		return cty.DynamicVal
	}
	return c.value
}

// childrenOf expands a module call into its instances, once.
func (s *scope) childrenOf(name string) *children {
	if c, ok := s.children[name]; ok {
		return c
	}
	var call *callBlock
	for _, cb := range s.mod.calls {
		if cb.name == name {
			call = cb
		}
	}
	if call == nil || s.busy["module."+name] {
		return nil
	}
	s.busy["module."+name] = true
	defer delete(s.busy, "module."+name)

	c := &children{value: cty.DynamicVal}
	s.children[name] = c
	mod := s.l.childModule(s, call)
	if mod == nil || s.depth >= maxDepth {
		return c
	}
	path := join(s.path, "module."+name)
	keys, kind := s.expand(call.count, call.forEach)
	values := map[string]cty.Value{}
	var list []cty.Value
	for _, k := range keys {
		addr := join(s.addr, "module."+name+k.suffix())
		child := newScope(s.l, mod, s, addr, path, call)
		child.setVariables(func(v *variable) (cty.Value, bool) {
			expr, ok := call.inputs[v.name]
			if !ok {
				return cty.NilVal, false
			}
			return s.eval(expr, k.instance()), true
		})
		c.scopes = append(c.scopes, child)
		out := child.outputObject()
		switch kind {
		case expandCount:
			list = append(list, out)
		case expandForEach:
			values[k.key.AsString()] = out
		default:
			c.value = out
		}
	}
	switch kind {
	case expandCount:
		c.value = cty.TupleVal(list)
		if len(list) == 0 {
			c.value = cty.EmptyTupleVal
		}
	case expandForEach:
		c.value = cty.ObjectVal(values)
	case expandUnknown:
		c.value = cty.DynamicVal
	}
	return c
}

// setVariables gives each declared variable its value: the caller's
// (input reports it), else its default; without either it is unknown.
func (s *scope) setVariables(input func(*variable) (cty.Value, bool)) {
	for name, v := range s.mod.variables {
		val, ok := input(v)
		if !ok || (val.IsKnown() && val.IsNull() && v.def != nil) {
			val = cty.DynamicVal
			if v.def != nil {
				val = s.constant(v.def)
			}
		}
		val = v.convert(val)
		if v.sensitive {
			val = val.Mark(sensitiveMark)
		}
		s.vars[name] = val
	}
}

// constant evaluates an expression that may use functions but no
// references, as variable defaults and tfvars values are.
func (s *scope) constant(expr hcl.Expression) cty.Value {
	budget.Instrument(expr)
	v, diags := expr.Value(&hcl.EvalContext{Functions: s.functions()})
	if s.l.spent(expr) || diags.HasErrors() {
		return cty.DynamicVal
	}
	return v
}

// outputObject evaluates every output of the module instance.
func (s *scope) outputObject() cty.Value {
	if s.outputs != cty.NilVal {
		return s.outputs
	}
	s.outputs = cty.DynamicVal // while evaluating: a cycle sees unknown
	vals := map[string]cty.Value{}
	for name, o := range s.mod.outputs {
		v := s.eval(o.expr, nil)
		if o.sensitive {
			v = v.Mark(sensitiveMark)
		}
		vals[name] = v
	}
	s.outputs = cty.ObjectVal(vals)
	return s.outputs
}

type expandKind int

const (
	expandNone expandKind = iota
	expandCount
	expandForEach
	expandUnknown
)

// instanceKey is one instance of a resource or module call.
type instanceKey struct {
	kind  expandKind
	index int
	key   cty.Value
	value cty.Value
}

// suffix is the instance key as addresses write it: [0], ["blue"] or [*]
// for instances whose keys are unknown.
func (k instanceKey) suffix() string { return k.modelKey().String() }

// modelKey is the key as the model reads it back from the address.
func (k instanceKey) modelKey() model.Key {
	switch k.kind {
	case expandCount:
		return model.IntKey(k.index)
	case expandForEach:
		return model.StringKey(k.key.AsString())
	case expandUnknown:
		return model.UnknownKey
	}
	return model.NoKey
}

// indexValue is the key as the model stores it: float64 or string, or nil.
func (k instanceKey) indexValue() any {
	switch k.kind {
	case expandCount:
		return float64(k.index)
	case expandForEach:
		return k.key.AsString()
	}
	return nil
}

func (k instanceKey) instance() *instance {
	switch k.kind {
	case expandCount:
		return &instance{count: true, index: cty.NumberIntVal(int64(k.index))}
	case expandForEach:
		return &instance{each: true, key: k.key, value: k.value}
	case expandUnknown:
		return &instance{count: true, index: cty.UnknownVal(cty.Number), each: true, key: cty.UnknownVal(cty.String), value: cty.DynamicVal}
	}
	return nil
}

// expand evaluates count or for_each. When either is unknown, or not a value
// Terraform accepts, the block has one instance whose key is unknown ([*]),
// so that its configuration is still judged.
func (s *scope) expand(count, forEach hcl.Expression) ([]instanceKey, expandKind) {
	unknown := []instanceKey{{kind: expandUnknown}}
	switch {
	case count != nil:
		v, _ := s.eval(count, nil).Unmark()
		n, err := convert.Convert(v, cty.Number)
		if err != nil || !n.IsKnown() || n.IsNull() {
			return unknown, expandUnknown
		}
		i, acc := n.AsBigFloat().Int64()
		if acc != 0 || i < 0 || i > 100000 {
			return unknown, expandUnknown
		}
		keys := make([]instanceKey, i)
		for j := range keys {
			keys[j] = instanceKey{kind: expandCount, index: j}
		}
		return keys, expandCount
	case forEach != nil:
		v, _ := s.eval(forEach, nil).UnmarkDeep()
		if !v.IsKnown() || v.IsNull() {
			return unknown, expandUnknown
		}
		ty := v.Type()
		var keys []instanceKey
		switch {
		case ty.IsMapType() || ty.IsObjectType():
			for it := v.ElementIterator(); it.Next(); {
				k, e := it.Element()
				keys = append(keys, instanceKey{kind: expandForEach, key: k, value: e})
			}
		case ty.IsSetType():
			if !v.IsWhollyKnown() {
				return unknown, expandUnknown
			}
			for it := v.ElementIterator(); it.Next(); {
				_, e := it.Element()
				sv, err := convert.Convert(e, cty.String)
				if err != nil || sv.IsNull() {
					return unknown, expandUnknown
				}
				keys = append(keys, instanceKey{kind: expandForEach, key: sv, value: sv})
			}
		default:
			return unknown, expandUnknown
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].key.AsString() < keys[j].key.AsString() })
		return keys, expandForEach
	}
	return []instanceKey{{kind: expandNone}}, expandNone
}

// providerConfigKey resolves a resource's provider (local name and alias)
// to the key of the provider configuration it uses, following providers
// passed into modules, as the plan's configuration section names them:
// aws and aws.west at the root, module.x:aws for a module's own provider
// block.
func (s *scope) providerConfigKey(name, alias string) string {
	_, _, key := s.resolveProvider(name, alias)
	return key
}

// resolveProvider follows a provider's name and alias from this module to
// the configuration they denote: the scope whose block writes it and the
// block (nil when none is written), and its key as providerConfigKey says.
func (s *scope) resolveProvider(name, alias string) (*scope, *providerBlock, string) {
	key := providerKey(name, alias)
	for _, pb := range s.mod.providers {
		if pb.key() == key {
			if s.path == "" {
				return s, pb, key
			}
			return s, pb, s.path + ":" + key
		}
	}
	if s.parent == nil {
		return nil, nil, key
	}
	if ref, ok := s.call.providers[key]; ok {
		n, a, _ := strings.Cut(ref, ".")
		return s.parent.resolveProvider(n, a)
	}
	if alias == "" {
		return s.parent.resolveProvider(name, "")
	}
	return nil, nil, s.path + ":" + key
}

func join(prefix, addr string) string {
	if prefix == "" {
		return addr
	}
	return prefix + "." + addr
}
