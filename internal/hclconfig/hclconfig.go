// Package hclconfig reads a Terraform configuration directory without
// running Terraform, and builds the same model a plan gives (kind config),
// so that every check runs on configuration unchanged.
//
// It reads the .tf and .tf.json files of the directory and of every module
// called with a local source (./modules/x), or installed by terraform init
// under .terraform/modules; a module call it cannot read fails the load
// unless Options.SkipUnreadModules makes it a warning. Variables take their
// values from the directory's terraform.tfvars and *.auto.tfvars files and
// from Options.Vars, else their defaults; locals, literals and expressions
// over them are evaluated with every pure function of Terraform 1.8's
// language (file functions inside the calling module's directory only),
// and count and for_each are expanded when their values are known, else
// the block is one [*] instance whose count is unknown (model.Count).
// Whatever Terraform would know only from a provider or at apply (resource
// attributes, data sources, impure functions, variables without a value)
// is unknown, and is marked so in the model as a plan marks after_unknown:
// it is never guessed. An argument the configuration leaves out is null
// (model.Resource.Static), as Terraform plans it, and the AWS provider's
// default_tags merge into tags_all.
package hclconfig

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/prodready/terraform-provider-readiness/internal/budget"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Result is a configuration read into the model.
type Result struct {
	Plan *model.Plan
	// Warnings say, once each, what the plan leaves out or cannot know:
	// override files, module calls not read (with
	// Options.SkipUnreadModules), then root variables without a value.
	// Files are named as the directory was given (infra/main.tf:12). The
	// plan holds them too (model.Plan.Warnings), for reports.
	Warnings []string
	// Unread are the module calls not read, with
	// Options.SkipUnreadModules (without it they fail the load).
	Unread []UnreadModule
	// Unset are the root variables without a value (no default, no
	// variable definitions file, no Options.Vars): what depends on them is
	// unknown.
	Unset []UnsetVariable
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

// Load is Read with the warnings: LoadWith without options.
func Load(dir string) (*Result, error) { return LoadWith(dir, Options{}) }

// LoadWith reads the configuration in dir with variable values, a
// workspace, and module calls it cannot read as opts say.
func LoadWith(dir string, opts Options) (res *Result, err error) {
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
		base:      filepath.Clean(dir),
		workspace: opts.Workspace,
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
	values, err := l.rootValues(s, opts.Vars)
	if err != nil {
		return nil, err
	}
	s.setVariables(func(v *variable) (cty.Value, bool) {
		val, ok := values[v.name]
		return val, ok
	})
	l.unset(s, values)

	cfg := &tfjson.Config{ProviderConfigs: l.pconfigs, RootModule: l.configModule(s)}
	s.build()
	if l.overBudget != nil {
		return nil, l.overBudget
	}
	if len(l.unreadCalls) > 0 && !opts.SkipUnreadModules {
		return nil, &UnreadError{Modules: l.unreadCalls}
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
	res = &Result{Plan: p, Warnings: l.warnings, Unread: l.unreadCalls, Unset: l.unsetVars}
	for _, u := range l.unreadCalls {
		res.Warnings = append(res.Warnings, u.Warning())
	}
	for _, u := range l.unsetVars {
		res.Warnings = append(res.Warnings, u.Warning())
	}
	p.Warnings = res.Warnings
	return res, nil
}

// loader holds what is shared while reading one configuration.
type loader struct {
	root string
	// base is the directory as the caller named it, which warnings name
	// files from.
	base      string
	workspace string // terraform.workspace, "" for unknown
	parser    *hclparse.Parser
	modules   map[string]*module // by directory
	installed map[string]string  // installed module keys to directories
	warnings  []string
	warned    map[string]bool
	// unreadCalls are the module calls that could not be read, and
	// unsetVars the root variables without a value, with their warnings.
	unreadCalls []UnreadModule
	unsetVars   []UnsetVariable
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

// build adds the resource instances of this module instance and of its
// children to the plan.
func (s *scope) build() { s.buildIn(model.Count{}) }

// buildIn is build for a module instance whose own number of instances is
// outer: unknown when its call's count or for_each (or an outer call's) is.
func (s *scope) buildIn(outer model.Count) {
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
		s.buildResource(rb, cr, outer)
	}
	for _, call := range s.mod.calls {
		if c := s.childrenOf(call.name); c != nil {
			_, count := s.count(call.count, call.forEach, join(s.path, "module."+call.name), outer)
			for _, child := range c.scopes {
				child.buildIn(count)
			}
		}
	}
}

// count expands a block's count or for_each (the block at configuration
// address of, in a module instance whose number of instances is outer) and
// says what is known of the number of its instances: unknown when its own
// count or for_each is, named as the closest reason; else outer's.
func (s *scope) count(count, forEach hcl.Expression, of string, outer model.Count) ([]instanceKey, model.Count) {
	keys, kind := s.expand(count, forEach)
	switch {
	case kind != expandUnknown:
		return keys, outer
	case count != nil:
		return keys, model.UnknownCount("count", of)
	}
	return keys, model.UnknownCount("for_each", of)
}

func (s *scope) buildResource(rb *resourceBlock, cr *tfjson.ConfigResource, outer model.Count) {
	keys, count := s.count(rb.count, rb.forEach, join(s.path, rb.address()), outer)
	providerName := s.providerSource(rb)
	for _, k := range keys {
		v := s.withTagsAll(rb, s.blockValue(rb.body, k.instance(), true, 0))
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
			// Dynamic blocks are expanded into the configuration, and an
			// argument left out is null, as Terraform plans it.
			ConfigComplete: true,
			Count:          count,
			Static:         true,
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
