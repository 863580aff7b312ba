// Package hclconfig reads a Terraform configuration directory without
// running Terraform, and builds the same model a plan gives (kind config),
// so that every check runs on configuration unchanged.
//
// It reads the .tf and .tf.json files of the directory and of every module
// called with a local source (./modules/x), or installed by terraform init
// under .terraform/modules. Variables take their values from the
// directory's terraform.tfvars and *.auto.tfvars files, else their
// defaults; locals, literals and expressions over them are evaluated with a
// safe subset of Terraform's functions, and count and for_each are expanded
// when their values are known. Whatever Terraform would know only from a
// provider or at apply (resource attributes, data sources, functions this
// reader does not evaluate, variables without a value) is unknown, and is
// marked so in the model as a plan marks after_unknown: it is never
// guessed. An attribute the configuration does not set is not in the
// model at all, as without the provider's schema its default is not known.
package hclconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/prodready/terraform-provider-readiness/internal/budget"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/nesting"
)

// Result is a configuration read into the model.
type Result struct {
	Plan *model.Plan
	// Warnings name what could not be read and is therefore missing from
	// the plan: modules whose source is neither local nor installed,
	// override files.
	Warnings []string
}

// Read reads the configuration in dir into a plan of kind config. Errors
// name the file, line and column of each problem, relative to dir.
func Read(dir string) (*model.Plan, error) {
	r, err := Load(dir)
	if err != nil {
		return nil, err
	}
	return r.Plan, nil
}

// Load is Read with the warnings.
func Load(dir string) (res *Result, err error) {
	defer func() {
		// A configuration this reader mishandles must not take down the
		// CLI or the provider: it becomes an error naming the directory.
		if v := recover(); v != nil {
			res, err = nil, fmt.Errorf("internal error reading the configuration (please report it): %v", v)
		}
	}()
	info, err := os.Stat(dir)
	if err != nil {
		return nil, describe(err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("not a directory")
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	l := &loader{
		root:      filepath.Clean(root),
		parser:    hclparse.NewParser(),
		modules:   map[string]*module{},
		installed: installedModules(root),
		configs:   map[string]*tfjson.ConfigModule{},
		pconfigs:  map[string]*tfjson.ProviderConfig{},
		budget:    budget.New(loadBudget),
	}
	l.functions = l.budget.Functions(functions)
	mod, err := l.loadModule(l.root)
	if err != nil {
		return nil, err
	}
	s := newScope(l, mod, nil, "", "", nil)
	tfvars, err := l.tfvars(s)
	if err != nil {
		return nil, err
	}
	s.setVariables(func(v *variable) (cty.Value, bool) {
		val, ok := tfvars[v.name]
		return val, ok
	})

	cfg := &tfjson.Config{ProviderConfigs: l.pconfigs, RootModule: l.configModule(s)}
	s.build()
	if l.overBudget != nil {
		return nil, l.overBudget
	}

	vars := map[string]any{}
	for name, v := range s.vars {
		if value, unknown, _ := toModel(v); unknown == nil {
			vars[name] = value
		}
	}
	p := model.NewPlan(dir, model.KindConfig, l.resources, cfg, vars)
	for _, v := range l.secrets {
		p.AddSecret(v)
	}
	return &Result{Plan: p, Warnings: l.warnings}, nil
}

// loader holds what is shared while reading one configuration.
type loader struct {
	root      string
	parser    *hclparse.Parser
	modules   map[string]*module // by directory
	installed map[string]string  // installed module keys to directories
	warnings  []string
	warned    map[string]bool
	// secrets are values marked sensitive that the plan's marks do not
	// hold (constants in the configuration): Plan.Scrub must know them.
	secrets []any

	// budget bounds every evaluation of the load together, and functions
	// are the functions charged to it; overBudget is the first expression
	// that exceeded it, which fails the load.
	budget     *budget.Budget
	functions  map[string]function.Function
	overBudget error

	resources []*model.Resource
	configs   map[string]*tfjson.ConfigModule // by module path
	pconfigs  map[string]*tfjson.ProviderConfig
}

func (l *loader) warnf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if l.warned == nil {
		l.warned = map[string]bool{}
	}
	if !l.warned[msg] {
		l.warned[msg] = true
		l.warnings = append(l.warnings, msg)
	}
}

// tfvars reads terraform.tfvars and *.auto.tfvars (and their .json forms)
// from the root directory, later files overriding earlier ones, as
// Terraform does.
func (l *loader) tfvars(s *scope) (map[string]cty.Value, error) {
	entries, err := os.ReadDir(l.root)
	if err != nil {
		return nil, describe(err)
	}
	var auto []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && (strings.HasSuffix(n, ".auto.tfvars") || strings.HasSuffix(n, ".auto.tfvars.json")) {
			auto = append(auto, n)
		}
	}
	sort.Strings(auto)
	files := append([]string{"terraform.tfvars", "terraform.tfvars.json"}, auto...)
	out := map[string]cty.Value{}
	var diags hcl.Diagnostics
	for _, name := range files {
		path := filepath.Join(l.root, name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		f, d := nesting.ParseFile(l.parser, path)
		diags = append(diags, d...)
		if d.HasErrors() || f == nil {
			continue
		}
		attrs, d := f.Body.JustAttributes()
		diags = append(diags, d...)
		for n, a := range attrs {
			out[n] = s.constant(a.Expr)
		}
	}
	if diags.HasErrors() {
		return nil, l.diagError(diags)
	}
	return out, nil
}

// childModule loads the module a call names, when its source is a local
// path or a module terraform init installed; otherwise it warns and
// returns nil.
func (l *loader) childModule(s *scope, call *callBlock) *module {
	dir, ok := l.moduleDir(s, call)
	if !ok {
		l.warnf("%s: source %q is neither a local path nor installed by terraform init: its resources are not read", join(s.path, "module."+call.name), call.source)
		return nil
	}
	mod, err := l.loadModule(dir)
	if err != nil {
		l.warnf("%s: %v: its resources are not read", join(s.path, "module."+call.name), err)
		return nil
	}
	return mod
}

func (l *loader) moduleDir(s *scope, call *callBlock) (string, bool) {
	src := call.source
	if strings.HasPrefix(src, "./") || strings.HasPrefix(src, "../") || src == "." || src == ".." {
		return filepath.Join(s.mod.dir, filepath.FromSlash(src)), true
	}
	// modules.json keys are call names joined by dots: vpc, vpc.subnets.
	key := strings.ReplaceAll(strings.TrimPrefix(join(s.path, "module."+call.name), "module."), ".module.", ".")
	dir, ok := l.installed[key]
	return dir, ok
}

// build adds the resource instances of this module instance and of its
// children to the plan.
func (s *scope) build() {
	cm := s.l.configs[s.path]
	for _, rb := range s.mod.resources {
		var cr *tfjson.ConfigResource
		if cm != nil {
			for _, c := range cm.Resources {
				if c.Address == rb.address() {
					cr = c
				}
			}
		}
		s.buildResource(rb, cr)
	}
	for _, call := range s.mod.calls {
		if c := s.childrenOf(call.name); c != nil {
			for _, child := range c.scopes {
				child.build()
			}
		}
	}
}

func (s *scope) buildResource(rb *resourceBlock, cr *tfjson.ConfigResource) {
	keys, _ := s.expand(rb.count, rb.forEach)
	providerName := s.providerSource(rb)
	for _, k := range keys {
		v := s.blockValue(rb.body, k.instance(), true, 0)
		after, unknown, sensitive := toModel(v)
		if after == nil {
			after = model.Object{}
		}
		if unknown == nil {
			unknown = model.Object{}
		}
		if sensitive == nil {
			sensitive = model.Object{}
		}
		r := &model.Resource{
			Address:        join(s.addr, rb.address()+k.suffix()),
			ModuleAddress:  s.addr,
			Mode:           rb.mode,
			Type:           rb.typ,
			Name:           rb.name,
			Index:          k.indexValue(),
			ProviderName:   providerName,
			Actions:        tfjson.Actions{tfjson.ActionCreate},
			After:          after,
			AfterUnknown:   unknown,
			AfterSensitive: sensitive,
			Config:         cr,
			// Dynamic blocks are expanded into the configuration.
			ConfigComplete: true,
		}
		if rb.mode == tfjson.DataResourceMode {
			r.Actions = tfjson.Actions{tfjson.ActionRead}
		}
		s.l.resources = append(s.l.resources, r)
	}
}

// metaArguments are a resource block's arguments and blocks that are for
// Terraform, not the provider: they are not in a plan's values.
var metaArguments = map[string]bool{
	"count": true, "for_each": true, "provider": true, "depends_on": true,
	"lifecycle": true, "provisioner": true, "connection": true,
}

// blockValue evaluates a resource's body (top is true) or a nested block's
// into an object: arguments as their values, nested blocks as lists of
// objects, as plans show them.
func (s *scope) blockValue(body hcl.Body, in *instance, top bool, depth int) cty.Value {
	attrs, blocks := blockContent(body)
	vals := map[string]cty.Value{}
	for _, a := range attrs {
		if top && metaArguments[a.Name] {
			continue
		}
		vals[a.Name] = s.eval(a.Expr, in)
	}
	if depth > 16 {
		return cty.ObjectVal(vals)
	}
	nested := map[string][]cty.Value{}
	unknown := map[string]bool{}
	var order []string
	add := func(typ string, v cty.Value) {
		if _, ok := nested[typ]; !ok {
			order = append(order, typ)
			nested[typ] = []cty.Value{}
		}
		if v != cty.NilVal {
			nested[typ] = append(nested[typ], v)
		}
	}
	for _, b := range blocks {
		switch {
		case top && metaArguments[b.Type]:
			continue
		case b.Type == "dynamic" && len(b.Labels) == 1:
			typ := b.Labels[0]
			add(typ, cty.NilVal)
			items, ok := s.dynamicItems(b, in, depth)
			if !ok {
				unknown[typ] = true
				continue
			}
			for _, v := range items {
				add(typ, v)
			}
		case len(b.Labels) == 0:
			add(b.Type, s.blockValue(b.Body, in, false, depth+1))
		}
	}
	for _, typ := range order {
		if unknown[typ] {
			vals[typ] = cty.DynamicVal
			continue
		}
		vals[typ] = cty.TupleVal(nested[typ])
		if len(nested[typ]) == 0 {
			vals[typ] = cty.EmptyTupleVal
		}
	}
	return cty.ObjectVal(vals)
}

// dynamicItems expands a dynamic block; false when its for_each is unknown.
func (s *scope) dynamicItems(b *hcl.Block, in *instance, depth int) ([]cty.Value, bool) {
	attrs, blocks := blockContent(b.Body)
	iterator := b.Labels[0]
	var forEach hcl.Expression
	for _, a := range attrs {
		switch a.Name {
		case "for_each":
			forEach = a.Expr
		case "iterator":
			if tr, d := hcl.AbsTraversalForExpr(a.Expr); !d.HasErrors() && len(tr) == 1 {
				iterator = tr.RootName()
			}
		}
	}
	var content hcl.Body
	for _, cb := range blocks {
		if cb.Type == "content" {
			content = cb.Body
		}
	}
	if forEach == nil || content == nil {
		return nil, false
	}
	coll, _ := s.eval(forEach, in).UnmarkDeep()
	if !coll.IsKnown() || coll.IsNull() || !coll.CanIterateElements() {
		return nil, false
	}
	var out []cty.Value
	for it := coll.ElementIterator(); it.Next(); {
		k, v := it.Element()
		sub := &iteratorScope{scope: s, name: iterator, value: cty.ObjectVal(map[string]cty.Value{"key": k, "value": v})}
		out = append(out, sub.blockValue(content, in, depth+1))
	}
	return out, true
}

// iteratorScope evaluates a dynamic block's content, where the iterator
// (named after the block, or by iterator) holds key and value.
type iteratorScope struct {
	*scope
	name  string
	value cty.Value
}

func (is *iteratorScope) blockValue(body hcl.Body, in *instance, depth int) cty.Value {
	attrs, blocks := blockContent(body)
	vals := map[string]cty.Value{}
	for _, a := range attrs {
		vals[a.Name] = is.evalWith(a.Expr, in)
	}
	nested := map[string][]cty.Value{}
	var order []string
	for _, b := range blocks {
		if len(b.Labels) != 0 || depth > 16 {
			continue
		}
		if _, ok := nested[b.Type]; !ok {
			order = append(order, b.Type)
		}
		nested[b.Type] = append(nested[b.Type], is.blockValue(b.Body, in, depth+1))
	}
	for _, typ := range order {
		vals[typ] = cty.TupleVal(nested[typ])
	}
	return cty.ObjectVal(vals)
}

// evalWith evaluates expr with the iterator in scope: it is substituted by
// wrapping the expression's variables.
func (is *iteratorScope) evalWith(expr hcl.Expression, in *instance) cty.Value {
	return is.scope.eval(&withVariable{Expression: expr, name: is.name, value: is.value}, in)
}

// withVariable is an expression evaluated with one more variable in its
// context.
type withVariable struct {
	hcl.Expression
	name  string
	value cty.Value
}

func (w *withVariable) Value(ctx *hcl.EvalContext) (cty.Value, hcl.Diagnostics) {
	child := ctx.NewChild()
	child.Variables = map[string]cty.Value{w.name: w.value}
	return w.Expression.Value(child)
}

func (w *withVariable) Variables() []hcl.Traversal {
	var out []hcl.Traversal
	for _, tr := range w.Expression.Variables() {
		if tr.RootName() != w.name {
			out = append(out, tr)
		}
	}
	return out
}

// providerSource is the provider's source address, as plans write
// provider_name: registry.terraform.io/hashicorp/aws.
func (s *scope) providerSource(rb *resourceBlock) string {
	name, _, _ := strings.Cut(rb.provider, ".")
	if name == "" {
		name, _, _ = strings.Cut(rb.typ, "_")
	}
	src := s.mod.sources[name]
	switch {
	case src != "":
	case name == "terraform":
		return "terraform.io/builtin/terraform" // terraform_data
	default:
		src = "hashicorp/" + name
	}
	if strings.Count(src, "/") == 1 {
		src = "registry.terraform.io/" + src
	}
	return strings.ToLower(src)
}
