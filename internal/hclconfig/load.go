package hclconfig

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/typeexpr"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"

	"github.com/prodready/terraform-provider-readiness/internal/configfiles"
	"github.com/prodready/terraform-provider-readiness/internal/nesting"
	"github.com/prodready/terraform-provider-readiness/internal/oserr"
)

// module is one configuration directory as written: its blocks, not yet
// evaluated. A module called several times is loaded once.
type module struct {
	dir       string
	variables map[string]*variable
	locals    map[string]hcl.Expression
	outputs   map[string]*output
	resources []*resourceBlock
	calls     []*callBlock
	providers []*providerBlock
	// sources maps required_providers local names to source addresses.
	sources map[string]string
}

type variable struct {
	name      string
	def       hcl.Expression // nil without a default
	sensitive bool
	// typ is the type constraint (cty.DynamicPseudoType for any) and
	// defaults its optional attributes' defaults.
	typ      cty.Type
	defaults *typeexpr.Defaults
	// hclValue is set when a value given as text (-var) is an HCL
	// expression: for every type but string, number and bool, declared.
	hclValue bool
	// decl is where the variable block is.
	decl hcl.Range
}

// convert gives a value the variable's type, as Terraform does; a value
// that does not convert is unknown.
func (v *variable) convert(val cty.Value) cty.Value {
	if v.typ == cty.NilType || v.typ == cty.DynamicPseudoType {
		return val
	}
	plain, marks := val.UnmarkDeepWithPaths()
	if v.defaults != nil {
		plain = v.defaults.Apply(plain)
	}
	out, err := convert.Convert(plain, v.typ)
	if err != nil {
		return cty.UnknownVal(v.typ)
	}
	return out.MarkWithPaths(marks)
}

type output struct {
	expr      hcl.Expression
	sensitive bool
}

// resourceBlock is a resource or data block.
type resourceBlock struct {
	mode           tfjson.ResourceMode
	typ, name      string
	body           hcl.Body
	count, forEach hcl.Expression
	provider       string // the provider argument: aws or aws.west; "" for the default
}

// address is the block's address inside its module: aws_s3_bucket.logs or
// data.aws_iam_policy_document.p.
func (rb *resourceBlock) address() string {
	if rb.mode == tfjson.DataResourceMode {
		return "data." + rb.typ + "." + rb.name
	}
	return rb.typ + "." + rb.name
}

type callBlock struct {
	name, source   string
	decl           hcl.Range // where the module block is
	count, forEach hcl.Expression
	inputs         map[string]hcl.Expression
	// providers maps the child's provider names (aws, aws.west) to the
	// caller's (aws.replica).
	providers map[string]string
}

type providerBlock struct {
	name, alias string
	body        hcl.Body
}

// key is the provider configuration's name in its module: aws or aws.west.
func (pb *providerBlock) key() string { return providerKey(pb.name, pb.alias) }

func providerKey(name, alias string) string {
	if alias == "" {
		return name
	}
	return name + "." + alias
}

var fileSchema = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "terraform"},
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "variable", LabelNames: []string{"name"}},
	{Type: "locals"},
	{Type: "output", LabelNames: []string{"name"}},
	{Type: "module", LabelNames: []string{"name"}},
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
	{Type: "check", LabelNames: []string{"name"}},
	{Type: "moved"},
	{Type: "import"},
	{Type: "removed"},
}}

// ErrNoConfig is returned for a directory without .tf or .tf.json files.
var ErrNoConfig = errors.New("is a directory without Terraform configuration files (*.tf or *.tf.json)")

// loadModule reads every configuration file of dir.
func (l *loader) loadModule(dir string) (*module, error) {
	dir = filepath.Clean(dir)
	if m, ok := l.modules[dir]; ok {
		return m, nil
	}
	listed, err := configfiles.List(dir)
	if err != nil {
		return nil, l.dirError(dir, describe(err))
	}
	files := listed.Primary
	if len(files) == 0 {
		if dir == l.root {
			return nil, ErrNoConfig
		}
		return nil, l.dirError(dir, ErrNoConfig)
	}
	for _, o := range listed.OpenTofu {
		l.warnf("%s is an OpenTofu file, which this reader does not read: the configuration is read as Terraform reads it, from the .tf and .tf.json files (scan a plan from tofu show -json to judge what OpenTofu plans)", l.shown(filepath.Join(dir, o)))
	}
	m := &module{
		dir:       dir,
		variables: map[string]*variable{},
		locals:    map[string]hcl.Expression{},
		outputs:   map[string]*output{},
		sources:   map[string]string{},
	}
	var diags hcl.Diagnostics
	var blocks []*hcl.Block
	for _, name := range files {
		b, d := l.fileBlocks(filepath.Join(dir, name))
		diags = append(diags, d...)
		blocks = append(blocks, b...)
	}
	// Override files change the blocks of the others, in name order.
	for _, name := range listed.Override {
		b, d := l.fileBlocks(filepath.Join(dir, name))
		diags = append(diags, d...)
		blocks, d = applyOverrides(blocks, b)
		diags = append(diags, d...)
	}
	if !diags.HasErrors() {
		diags = append(diags, m.addBlocks(blocks)...)
	}
	if diags.HasErrors() {
		return nil, &moduleError{msg: diagText(diags, l.rel), shown: diagText(diags, l.shown)}
	}
	l.modules[dir] = m
	return m, nil
}

// moduleError is a module directory that cannot be read. Its message names
// files relative to the directory read, as the load's errors do; shown
// names them as that directory was given, as warnings do.
type moduleError struct {
	msg, shown string
	// missing is set when the directory is not there, is not a
	// directory, or holds no configuration files.
	missing bool
	err     error
}

func (e *moduleError) Error() string { return e.msg }
func (e *moduleError) Unwrap() error { return e.err }

func (l *loader) dirError(dir string, err error) error {
	return &moduleError{
		msg: l.rel(dir) + ": " + err.Error(), shown: l.shown(dir) + ": " + err.Error(), err: err,
		missing: true,
	}
}

// fileBlocks parses a configuration file and returns its top-level blocks.
func (l *loader) fileBlocks(path string) ([]*hcl.Block, hcl.Diagnostics) {
	f, diags := nesting.ParseFile(l.parser, path)
	if f == nil || diags.HasErrors() {
		return nil, diags
	}
	content, _, d := f.Body.PartialContent(fileSchema)
	return content.Blocks, append(diags, d...)
}

func (m *module) addBlocks(blocks []*hcl.Block) hcl.Diagnostics {
	var diags hcl.Diagnostics
	for _, b := range blocks {
		switch b.Type {
		case "terraform":
			diags = append(diags, m.addTerraform(b.Body)...)
		case "provider":
			pb := &providerBlock{name: b.Labels[0], body: b.Body}
			attrs, _ := b.Body.JustAttributes()
			if a := attrs["alias"]; a != nil {
				if v, d := a.Expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
					pb.alias = v.AsString()
				}
			}
			m.providers = append(m.providers, pb)
		case "variable":
			v := &variable{name: b.Labels[0], typ: cty.DynamicPseudoType, decl: b.DefRange}
			c, _, d := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "sensitive"}, {Name: "type"}}})
			diags = append(diags, d...)
			if a := c.Attributes["type"]; a != nil {
				ty, defaults, d := variableType(a.Expr)
				diags = append(diags, d...)
				if !d.HasErrors() {
					v.typ, v.defaults = ty, defaults
					v.hclValue = !ty.IsPrimitiveType()
				}
			}
			if a := c.Attributes["default"]; a != nil {
				v.def = a.Expr
			}
			if a := c.Attributes["sensitive"]; a != nil {
				if s, d := a.Expr.Value(nil); !d.HasErrors() && s.Type() == cty.Bool && s.IsKnown() && !s.IsNull() {
					v.sensitive = s.True()
				}
			}
			m.variables[v.name] = v
		case "locals":
			attrs, d := b.Body.JustAttributes()
			diags = append(diags, d...)
			for name, a := range attrs {
				m.locals[name] = a.Expr
			}
		case "output":
			o := &output{}
			c, _, d := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "value"}, {Name: "sensitive"}}})
			diags = append(diags, d...)
			if a := c.Attributes["value"]; a != nil {
				o.expr = a.Expr
			}
			if a := c.Attributes["sensitive"]; a != nil {
				if s, d := a.Expr.Value(nil); !d.HasErrors() && s.Type() == cty.Bool && s.IsKnown() && !s.IsNull() {
					o.sensitive = s.True()
				}
			}
			m.outputs[b.Labels[0]] = o
		case "module":
			cb, d := newCallBlock(b)
			diags = append(diags, d...)
			if cb != nil {
				m.calls = append(m.calls, cb)
			}
		case "resource", "data":
			rb := &resourceBlock{mode: tfjson.ManagedResourceMode, typ: b.Labels[0], name: b.Labels[1], body: b.Body}
			if b.Type == "data" {
				rb.mode = tfjson.DataResourceMode
			}
			c, _, d := b.Body.PartialContent(&hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "count"}, {Name: "for_each"}, {Name: "provider"}}})
			diags = append(diags, d...)
			if a := c.Attributes["count"]; a != nil {
				rb.count = a.Expr
			}
			if a := c.Attributes["for_each"]; a != nil {
				rb.forEach = a.Expr
			}
			if a := c.Attributes["provider"]; a != nil {
				rb.provider = providerRef(a.Expr)
			}
			m.resources = append(m.resources, rb)
		}
	}
	return diags
}

func (m *module) addTerraform(body hcl.Body) hcl.Diagnostics {
	c, _, diags := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "required_providers"}}})
	for _, b := range c.Blocks {
		attrs, d := b.Body.JustAttributes()
		diags = append(diags, d...)
		for name, a := range attrs {
			v, d := a.Expr.Value(nil)
			if d.HasErrors() || !v.IsWhollyKnown() || v.IsNull() || !v.Type().IsObjectType() || !v.Type().HasAttribute("source") {
				continue
			}
			if s := v.GetAttr("source"); s.Type() == cty.String && !s.IsNull() {
				m.sources[name] = s.AsString()
			}
		}
	}
	return diags
}

var callMeta = map[string]bool{"source": true, "version": true, "count": true, "for_each": true, "providers": true, "depends_on": true}

func newCallBlock(b *hcl.Block) (*callBlock, hcl.Diagnostics) {
	attrs, diags := b.Body.JustAttributes()
	cb := &callBlock{name: b.Labels[0], decl: b.DefRange, inputs: map[string]hcl.Expression{}, providers: map[string]string{}}
	for name, a := range attrs {
		switch name {
		case "source":
			v, d := a.Expr.Value(nil)
			if d.HasErrors() || v.Type() != cty.String || v.IsNull() || !v.IsKnown() {
				diags = append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid module source", Detail: "The source of module " + cb.name + " must be a literal string.", Subject: a.Expr.Range().Ptr()})
				continue
			}
			cb.source = v.AsString()
		case "count":
			cb.count = a.Expr
		case "for_each":
			cb.forEach = a.Expr
		case "providers":
			pairs, _ := hcl.ExprMap(a.Expr)
			for _, kv := range pairs {
				child, parent := providerRef(kv.Key), providerRef(kv.Value)
				if child != "" && parent != "" {
					cb.providers[child] = parent
				}
			}
		}
		if !callMeta[name] {
			cb.inputs[name] = a.Expr
		}
	}
	return cb, diags
}

// providerRef reads aws or aws.west from a provider reference.
func providerRef(expr hcl.Expression) string {
	tr, d := hcl.AbsTraversalForExpr(expr)
	if d.HasErrors() || len(tr) == 0 {
		// A quoted "aws.west", as older configurations write it.
		if v, d := expr.Value(nil); !d.HasErrors() && v.Type() == cty.String && v.IsKnown() && !v.IsNull() {
			return v.AsString()
		}
		return ""
	}
	out := tr.RootName()
	if len(tr) > 1 {
		if a, ok := tr[1].(hcl.TraverseAttr); ok {
			out += "." + a.Name
		}
	}
	return out
}

// blockContent splits a resource or nested block's body into its
// arguments and nested blocks, without a schema. For native syntax the file
// says which is which; for JSON, every member is read as an argument (a
// nested block written as a list of objects becomes a list of objects, as
// in a plan).
func blockContent(body hcl.Body) ([]*hcl.Attribute, []*hcl.Block) {
	if merged, ok := body.(mergedBody); ok {
		baseAttrs, baseBlocks := blockContent(merged.base)
		overAttrs, overBlocks := blockContent(merged.override)
		byName := map[string]*hcl.Attribute{}
		for _, a := range append(baseAttrs, overAttrs...) {
			byName[a.Name] = a
		}
		attrs := make([]*hcl.Attribute, 0, len(byName))
		for _, a := range byName {
			attrs = append(attrs, a)
		}
		sort.Slice(attrs, func(i, j int) bool { return attrs[i].Name < attrs[j].Name })
		return attrs, mergeBlocks(baseBlocks, overBlocks)
	}
	if syn, ok := body.(*hclsyntax.Body); ok {
		attrs := make([]*hcl.Attribute, 0, len(syn.Attributes))
		for _, a := range syn.Attributes {
			attrs = append(attrs, a.AsHCLAttribute())
		}
		sort.Slice(attrs, func(i, j int) bool { return attrs[i].Name < attrs[j].Name })
		blocks := make([]*hcl.Block, 0, len(syn.Blocks))
		for _, b := range syn.Blocks {
			blocks = append(blocks, b.AsHCLBlock())
		}
		return attrs, blocks
	}
	_, remain, _ := body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
		{Type: "lifecycle"}, {Type: "connection"},
		{Type: "provisioner", LabelNames: []string{"type"}},
		{Type: "dynamic", LabelNames: []string{"type"}},
	}})
	am, _ := remain.JustAttributes()
	attrs := make([]*hcl.Attribute, 0, len(am))
	for _, a := range am {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].Name < attrs[j].Name })
	return attrs, nil
}

// installedModules reads .terraform/modules/modules.json, which terraform
// init writes: module keys (vpc, vpc.subnets) to the directories it
// downloaded them into.
func installedModules(root string) map[string]string {
	data, err := oserr.ReadFile(filepath.Join(root, ".terraform", "modules", "modules.json"), oserr.MaxConfigFile)
	if err != nil {
		return nil
	}
	var doc struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if json.Unmarshal(data, &doc) != nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range doc.Modules {
		if m.Key == "" || m.Dir == "" {
			continue
		}
		dir := m.Dir
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(root, dir)
		}
		out[m.Key] = dir
	}
	return out
}

// diagError turns HCL error diagnostics into one error naming each place.
func (l *loader) diagError(diags hcl.Diagnostics) error {
	return errors.New(diagText(diags, l.rel))
}

// diagText names each place of HCL error diagnostics, and its files by
// name.
func diagText(diags hcl.Diagnostics, name func(string) string) string {
	var msgs []string
	for _, d := range diags {
		if d.Severity != hcl.DiagError {
			continue
		}
		msg := d.Summary
		if d.Detail != "" {
			msg += ": " + strings.TrimSuffix(d.Detail, ".")
		}
		switch {
		case d.Subject != nil && d.Subject.Start.Line == 0: // the whole file
			msg = name(d.Subject.Filename) + ": " + msg
		case d.Subject != nil:
			msg = fmt.Sprintf("%s:%d,%d: %s", name(d.Subject.Filename), d.Subject.Start.Line, d.Subject.Start.Column, msg)
		}
		msgs = append(msgs, msg)
		if len(msgs) == 5 {
			break
		}
	}
	return strings.Join(msgs, "; ")
}

// rel names a path relative to the directory being read.
func (l *loader) rel(path string) string {
	if r, err := filepath.Rel(l.root, path); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return path
}

var errNoDir = errors.New("no such directory")

func describe(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return errNoDir
	case errors.Is(err, os.ErrPermission):
		return errors.New("permission denied")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
