// The reader this package had before jsontext: a hand-written lexer and its
// field-by-field decoders, kept only while reader_equivalence_test.go
// compares it with the new reader on every plan and state in the
// repository. Both go together once the new reader is trusted.

package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	tfjson "github.com/hashicorp/terraform-json"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

func legacyDecodeBytes(path string, data []byte) (*Plan, error) {
	return legacyDecode(path, legacyNewParser(data))
}

func legacyDecodeReader(path string, r io.Reader) (*Plan, error) {
	return legacyDecode(path, legacyNewStreamParser(r, 1<<20))
}

func legacyDecode(path string, legacyParser *legacyParser) (*Plan, error) {
	p := &Plan{Path: path, Variables: map[string]any{}}
	d := &legacyDecoder{legacyParser: legacyParser, plan: p, raw: &tfstate{}}
	switch d.peek() {
	case '{':
	case 0:
		if d.rdErr != nil {
			return nil, d.rdErr
		}
		return nil, ErrEmpty
	default:
		return nil, fmt.Errorf("%w: the document is not a JSON object", ErrNotTerraform)
	}
	var sawPlan, sawState bool
	err := d.members(func(key string) error {
		switch key {
		case "format_version":
			return d.stringInto(&p.FormatVersion)
		case "terraform_version":
			return d.stringInto(&p.TerraformVersion)
		case "errored":
			v, err := d.value()
			p.Errored, _ = v.(bool)
			return err
		case "variables":
			sawPlan = true
			return d.variables()
		case "resource_changes":
			sawPlan = true
			err := d.elements(d.resourceChange)
			d.changesRead = true
			return err
		case "planned_values", "output_changes", "resource_drift", "relevant_attributes", "deferred_changes":
			sawPlan = true
			return d.skip()
		case "prior_state":
			sawPlan = true
			return d.stateDoc(true)
		case "values":
			sawState = true
			return d.stateValues(false)
		case "configuration":
			sawPlan = true
			var err error
			p.Config, err = d.config()
			return err
		case "checks":
			return d.spanInto(&p.CheckBlocks)
		case "version":
			var err error
			d.raw.version, err = d.value()
			return err
		case "serial", "lineage":
			d.raw.seen = true
			return d.skip()
		case "resources":
			return d.tfstateResources()
		case "outputs":
			return d.tfstateOutputs()
		default:
			return d.skip()
		}
	})
	if err == nil {
		err = d.end()
	}
	if err != nil {
		return nil, err
	}
	switch {
	case sawPlan:
		p.Kind = KindPlan
	case sawState || p.FormatVersion != "":
		p.Kind = KindState
	case d.raw.isTfstate():
		if err := d.raw.check(); err != nil {
			return nil, err
		}
		p.Kind = KindState
		p.Resources = d.raw.resources
		p.Warnings = append(p.Warnings, d.raw.warnings...)
	default:
		return nil, fmt.Errorf("%w: no format_version, resource_changes or values, nor a state file's version and resources (was it written by `terraform show -json`, or is it a terraform.tfstate?)", ErrNotTerraform)
	}
	for _, r := range d.pendingPrior {
		d.fromPriorState(r)
	}
	d.pendingPrior = nil
	if p.FormatVersion == "" && p.Kind == KindPlan {
		return nil, errors.New("not a Terraform JSON plan: format_version is missing")
	}
	if err := checkFormatVersion(p.FormatVersion); err != nil {
		return nil, err
	}
	p.index()
	return p, nil
}

type legacyDecoder struct {
	*legacyParser
	plan         *Plan
	raw          *tfstate
	changesRead  bool
	changes      map[string]*Resource
	pendingPrior []*Resource
}

func (d *legacyDecoder) stringInto(dst *string) error {
	v, err := d.value()
	if s, ok := v.(string); ok {
		*dst = s
	}
	return err
}
func (d *legacyDecoder) spanInto(dst any) error {
	raw, err := d.span()
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return d.errorf("%s", jsonErrorText(err))
	}
	return nil
}
func (d *legacyDecoder) variables() error {
	return d.members(func(name string) error {
		return d.members(func(key string) error {
			if key != "value" {
				return d.skip()
			}
			v, err := d.value()
			d.plan.Variables[name] = v
			return err
		})
	})
}
func (d *legacyDecoder) resourceChange() error {
	r := &Resource{}
	err := d.members(func(key string) error {
		switch key {
		case "address":
			return d.stringInto(&r.Address)
		case "module_address":
			return d.stringInto(&r.ModuleAddress)
		case "mode":
			var s string
			err := d.stringInto(&s)
			r.Mode = tfjson.ResourceMode(s)
			return err
		case "type":
			return d.stringInto(&r.Type)
		case "name":
			return d.stringInto(&r.Name)
		case "index":
			v, err := d.value()
			r.Index = v
			return err
		case "provider_name":
			return d.stringInto(&r.ProviderName)
		case "deposed":
			return d.stringInto(&r.DeposedKey)
		case "action_reason":
			return d.stringInto(&r.ActionReason)
		case "change":
			return d.change(r)
		default:
			return d.skip()
		}
	})
	if err != nil {
		return err
	}
	if r.Address == "" || r.Type == "" {
		return d.errorf("resource change without address or type")
	}
	if r.Mode == "" {
		r.Mode = tfjson.ManagedResourceMode
	}
	d.plan.Resources = append(d.plan.Resources, r)
	return nil
}
func (d *legacyDecoder) change(r *Resource) error {
	return d.members(func(key string) error {
		var err error
		switch key {
		case "actions":
			var v any
			v, err = d.value()
			for _, a := range asList(v) {
				if s, ok := a.(string); ok {
					r.Actions = append(r.Actions, tfjson.Action(s))
				}
			}
		case "before":
			r.Before, err = d.value()
		case "after":
			r.After, err = d.value()
		case "after_unknown":
			r.AfterUnknown, err = d.marks()
		case "before_sensitive":
			r.BeforeSensitive, err = d.marks()
		case "after_sensitive":
			r.AfterSensitive, err = d.marks()
		case "replace_paths":
			var v any
			v, err = d.value()
			for _, path := range asList(v) {
				var steps Path
				for _, s := range asList(path) {
					switch s := s.(type) {
					case string:
						steps = append(steps, s)
					case float64:
						steps = append(steps, int(s))
					}
				}
				r.ReplacePaths = append(r.ReplacePaths, steps)
			}
		default:
			err = d.skip()
		}
		return err
	})
}
func (d *legacyDecoder) stateDoc(prior bool) error {
	if d.peek() == 'n' {
		return d.skip()
	}
	return d.members(func(key string) error {
		if key == "values" {
			return d.stateValues(prior)
		}
		return d.skip()
	})
}
func (d *legacyDecoder) stateValues(prior bool) error {
	if d.peek() == 'n' {
		return d.skip()
	}
	return d.members(func(key string) error {
		if key == "root_module" {
			return d.stateModule(prior, 0)
		}
		return d.skip()
	})
}
func (d *legacyDecoder) stateModule(prior bool, depth int) error {
	if depth > 64 {
		return d.errorf("modules nested deeper than 64")
	}
	if d.peek() == 'n' {
		return d.skip()
	}
	var address string
	var resources []*Resource
	err := d.members(func(key string) error {
		switch key {
		case "address":
			return d.stringInto(&address)
		case "resources":
			return d.elements(func() error {
				r, err := d.stateResource()
				if r != nil {
					resources = append(resources, r)
				}
				return err
			})
		case "child_modules":
			return d.elements(func() error {
				return d.stateModule(prior, depth+1)
			})
		}
		return d.skip()
	})
	if err != nil {
		return err
	}
	for _, r := range resources {
		if address != "" && !strings.HasPrefix(r.Address, address+".") {
			r.Address = address + "." + r.Address
		}
		if key := r.IndexKey(); key != "" && !strings.HasSuffix(r.Address, "]") {
			r.Address += "[" + key + "]"
		}
		r.ModuleAddress = moduleOf(r.Address)
		switch {
		case !prior:
			d.plan.Resources = append(d.plan.Resources, r)
		case d.changesRead:
			d.fromPriorState(r)
		default:
			d.pendingPrior = append(d.pendingPrior, r)
		}
	}
	return nil
}
func (d *legacyDecoder) stateResource() (*Resource, error) {
	r := &Resource{}
	var sensitive any
	err := d.members(func(key string) error {
		var err error
		switch key {
		case "address":
			err = d.stringInto(&r.Address)
		case "mode":
			var s string
			err = d.stringInto(&s)
			r.Mode = tfjson.ResourceMode(s)
		case "type":
			err = d.stringInto(&r.Type)
		case "name":
			err = d.stringInto(&r.Name)
		case "index":
			r.Index, err = d.value()
		case "provider_name":
			err = d.stringInto(&r.ProviderName)
		case "deposed_key":
			err = d.stringInto(&r.DeposedKey)
		case "values":
			r.After, err = d.value()
		case "sensitive_values":
			sensitive, err = d.marks()
		default:
			err = d.skip()
		}
		return err
	})
	if err != nil || r.Address == "" || r.Type == "" {
		return nil, err
	}
	if r.Mode == "" {
		r.Mode = tfjson.ManagedResourceMode
	}
	r.AfterSensitive = sensitive
	r.Before, r.BeforeSensitive = r.After, sensitive
	r.Actions = tfjson.Actions{tfjson.ActionNoop}
	return r, nil
}
func (d *legacyDecoder) fromPriorState(r *Resource) {
	if d.changes == nil {
		d.changes = make(map[string]*Resource, len(d.plan.Resources))
		for _, c := range d.plan.Resources {
			if c.DeposedKey == "" {
				d.changes[c.Address] = c
			}
		}
	}
	c := d.changes[r.Address]
	switch {
	case r.DeposedKey != "":
	case r.Mode == tfjson.DataResourceMode:
		if c == nil {
			r.Actions = tfjson.Actions{tfjson.ActionRead}
			d.plan.Resources = append(d.plan.Resources, r)
		}
	case c == nil:
		d.plan.Resources = append(d.plan.Resources, r)
	case c.Before == nil && !c.Actions.Create():
		c.Before, c.BeforeSensitive = r.After, r.AfterSensitive
	}
}
func (d *legacyDecoder) config() (*tfjson.Config, error) {
	if d.peek() == 'n' {
		return nil, d.skip()
	}
	c := &tfjson.Config{ProviderConfigs: map[string]*tfjson.ProviderConfig{}}
	err := d.members(func(key string) error {
		switch key {
		case "provider_config":
			return d.members(func(name string) error {
				pc, err := d.providerConfig()
				c.ProviderConfigs[name] = pc
				return err
			})
		case "root_module":
			m, err := d.configModule(0)
			c.RootModule = m
			return err
		}
		return d.skip()
	})
	return c, err
}
func (d *legacyDecoder) providerConfig() (*tfjson.ProviderConfig, error) {
	pc := &tfjson.ProviderConfig{}
	err := d.members(func(key string) error {
		switch key {
		case "name":
			return d.stringInto(&pc.Name)
		case "full_name":
			return d.stringInto(&pc.FullName)
		case "alias":
			return d.stringInto(&pc.Alias)
		case "module_address":
			return d.stringInto(&pc.ModuleAddress)
		case "version_constraint":
			return d.stringInto(&pc.VersionConstraint)
		case "expressions":
			var err error
			pc.Expressions, err = d.expressions()
			return err
		}
		return d.skip()
	})
	return pc, err
}
func (d *legacyDecoder) configModule(depth int) (*tfjson.ConfigModule, error) {
	if depth > 64 {
		return nil, d.errorf("modules nested deeper than 64")
	}
	if d.peek() == 'n' {
		return nil, d.skip()
	}
	m := &tfjson.ConfigModule{}
	err := d.members(func(key string) error {
		switch key {
		case "outputs":
			m.Outputs = map[string]*tfjson.ConfigOutput{}
			return d.members(func(name string) error {
				o := &tfjson.ConfigOutput{}
				m.Outputs[name] = o
				return d.members(func(key string) error {
					switch key {
					case "sensitive":
						v, err := d.value()
						o.Sensitive, _ = v.(bool)
						return err
					case "expression":
						var err error
						o.Expression, err = d.expression()
						return err
					}
					return d.skip()
				})
			})
		case "resources":
			return d.elements(func() error {
				r, err := d.configResource()
				if r != nil {
					m.Resources = append(m.Resources, r)
				}
				return err
			})
		case "module_calls":
			m.ModuleCalls = map[string]*tfjson.ModuleCall{}
			return d.members(func(name string) error {
				call, err := d.moduleCall(depth)
				m.ModuleCalls[name] = call
				return err
			})
		case "variables":
			m.Variables = map[string]*tfjson.ConfigVariable{}
			return d.members(func(name string) error {
				v := &tfjson.ConfigVariable{}
				m.Variables[name] = v
				return d.members(func(key string) error {
					var err error
					switch key {
					case "sensitive":
						var b any
						b, err = d.value()
						v.Sensitive, _ = b.(bool)
					case "default":
						v.Default, err = d.value()
					default:
						err = d.skip()
					}
					return err
				})
			})
		}
		return d.skip()
	})
	return m, err
}
func (d *legacyDecoder) moduleCall(depth int) (*tfjson.ModuleCall, error) {
	call := &tfjson.ModuleCall{}
	err := d.members(func(key string) error {
		var err error
		switch key {
		case "source":
			err = d.stringInto(&call.Source)
		case "expressions":
			call.Expressions, err = d.expressions()
		case "count_expression":
			call.CountExpression, err = d.expression()
		case "for_each_expression":
			call.ForEachExpression, err = d.expression()
		case "module":
			call.Module, err = d.configModule(depth + 1)
		default:
			err = d.skip()
		}
		return err
	})
	return call, err
}
func (d *legacyDecoder) configResource() (*tfjson.ConfigResource, error) {
	r := &tfjson.ConfigResource{}
	err := d.members(func(key string) error {
		var err error
		switch key {
		case "address":
			err = d.stringInto(&r.Address)
		case "mode":
			var s string
			err = d.stringInto(&s)
			r.Mode = tfjson.ResourceMode(s)
		case "type":
			err = d.stringInto(&r.Type)
		case "name":
			err = d.stringInto(&r.Name)
		case "provider_config_key":
			err = d.stringInto(&r.ProviderConfigKey)
		case "expressions":
			r.Expressions, err = d.expressions()
		case "count_expression":
			r.CountExpression, err = d.expression()
		case "for_each_expression":
			r.ForEachExpression, err = d.expression()
		default:
			err = d.skip()
		}
		return err
	})
	if r.Address == "" {
		return nil, err
	}
	return r, err
}
func (d *legacyDecoder) expressions() (map[string]*tfjson.Expression, error) {
	out := map[string]*tfjson.Expression{}
	err := d.members(func(name string) error {
		e, err := d.expression()
		out[name] = e
		return err
	})
	return out, err
}
func (d *legacyDecoder) expression() (*tfjson.Expression, error) {
	data := &tfjson.ExpressionData{}
	var err error
	switch d.peek() {
	case '[':
		err = d.elements(func() error {
			if d.peek() != '{' {
				return d.skip()
			}
			block, err := d.expressions()
			data.NestedBlocks = append(data.NestedBlocks, block)
			return err
		})
	case '{':
		err = d.members(func(key string) error {
			var err error
			switch key {
			case "constant_value":
				data.ConstantValue, err = d.value()
			case "references":
				var v any
				v, err = d.value()
				for _, ref := range asList(v) {
					if s, ok := ref.(string); ok {
						data.References = append(data.References, s)
					}
				}
			default:
				err = d.skip()
			}
			return err
		})
		if len(data.References) > 0 {
			data.ConstantValue = tfjson.UnknownConstantValue
		}
	default:
		err = d.skip()
	}
	return &tfjson.Expression{ExpressionData: data}, err
}
func (d *legacyDecoder) tfstateResources() error {
	if d.peek() != '[' {
		d.raw.fail(d.errorf("resources is not a list"))
		return d.skip()
	}
	return d.elements(func() error {
		if d.peek() != '{' {
			d.raw.fail(d.errorf("a resource is not an object"))
			return d.skip()
		}
		return d.tfstateResource()
	})
}
func (d *legacyDecoder) tfstateResource() error {
	var module, mode, typ, name, provider string
	var instances []tfstateInstance
	err := d.members(func(key string) error {
		switch key {
		case "module":
			return d.stringInto(&module)
		case "mode":
			return d.stringInto(&mode)
		case "type":
			return d.stringInto(&typ)
		case "name":
			return d.stringInto(&name)
		case "provider":
			return d.stringInto(&provider)
		case "instances":
			if d.peek() != '[' {
				d.raw.fail(d.errorf("instances is not a list"))
				return d.skip()
			}
			return d.elements(func() error {
				if d.peek() != '{' {
					d.raw.fail(d.errorf("an instance is not an object"))
					return d.skip()
				}
				in, err := d.tfstateInstance()
				instances = append(instances, in)
				return err
			})
		}
		return d.skip()
	})
	if err != nil {
		return err
	}
	if typ == "" || name == "" {
		d.raw.fail(d.errorf("resource without type or name"))
		return nil
	}
	var resMode tfjson.ResourceMode
	switch mode {
	case "managed", "":
		resMode = tfjson.ManagedResourceMode
	case "data":
		resMode = tfjson.DataResourceMode
	default:
		d.raw.fail(d.errorf("resource %s.%s has mode %q, neither managed nor data", typ, name, mode))
		return nil
	}
	for _, in := range instances {
		r := &Resource{ModuleAddress: module, Mode: resMode, Type: typ, Name: name, Index: in.index, ProviderName: providerSource(provider), DeposedKey: in.deposed, After: in.attrs, Before: in.attrs, Actions: tfjson.Actions{tfjson.ActionNoop}}
		r.AfterSensitive, r.BeforeSensitive = in.sensitive, in.sensitive
		r.Address = instanceAddress(r)
		if in.flat {
			d.raw.warnings = append(d.raw.warnings, fmt.Sprintf("%s is recorded as Terraform 0.11 wrote it (attributes_flat): its values are not read, and the checks that need them say unknown; `terraform apply` with Terraform 0.12 or later rewrites it", r.Address))
		}
		d.raw.resources = append(d.raw.resources, r)
	}
	return nil
}
func (d *legacyDecoder) tfstateInstance() (tfstateInstance, error) {
	var in tfstateInstance
	err := d.members(func(key string) error {
		switch key {
		case "index_key":
			v, err := d.value()
			if err != nil {
				return err
			}
			switch k := v.(type) {
			case nil, string:
				in.index = k
			case float64:
				if k != math.Trunc(k) || k < 0 || k > math.MaxInt32 {
					d.raw.fail(d.errorf("index_key %v is not a count index", k))
				}
				in.index = k
			default:
				d.raw.fail(d.errorf("index_key is neither a number nor a string"))
			}
			return nil
		case "deposed":
			return d.stringInto(&in.deposed)
		case "attributes":
			v, err := d.value()
			in.attrs = unwrapDynamic(v)
			return err
		case "attributes_flat":
			in.flat = true
			return d.skip()
		case "sensitive_attributes":
			v, err := d.value()
			in.sensitive = sensitiveMarks(v)
			return err
		}
		return d.skip()
	})
	if in.attrs == nil {
		in.attrs = Object{}
	}
	return in, err
}
func (d *legacyDecoder) tfstateOutputs() error {
	if d.peek() != '{' {
		return d.skip()
	}
	return d.members(func(string) error {
		if d.peek() != '{' {
			return d.skip()
		}
		var value any
		sensitive := false
		err := d.members(func(key string) error {
			var err error
			switch key {
			case "value":
				value, err = d.value()
			case "sensitive":
				var v any
				v, err = d.value()
				sensitive = v == true
			default:
				err = d.skip()
			}
			return err
		})
		if sensitive && value != nil {
			d.plan.AddSecret(value)
		}
		return err
	})
}

type legacyParser struct {
	r          io.Reader
	data       []byte
	pos        int
	base       int64
	pin        int64
	eof        bool
	rdErr      error
	lines, col int
	depth      int
	intern     map[string]string
	fields     []Field
	elems      []any
}

func legacyNewParser(data []byte) *legacyParser {
	return &legacyParser{data: data, pin: -1, eof: true, intern: make(map[string]string, 4096)}
}
func legacyNewStreamParser(r io.Reader, window int) *legacyParser {
	p := legacyNewParser(make([]byte, 0, window))
	p.r, p.eof = r, false
	return p
}
func (p *legacyParser) more() bool {
	for !p.eof {
		keep := p.pos
		if p.pin >= 0 && int(p.pin-p.base) < keep {
			keep = int(p.pin - p.base)
		}
		if keep > 0 {
			p.advance(p.data[:keep])
			n := copy(p.data, p.data[keep:])
			p.data = p.data[:n]
			p.pos -= keep
			p.base += int64(keep)
		}
		if len(p.data) == cap(p.data) {
			grown := make([]byte, len(p.data), 2*cap(p.data)+1)
			copy(grown, p.data)
			p.data = grown
		}
		n, err := p.r.Read(p.data[len(p.data):cap(p.data)])
		p.data = p.data[:len(p.data)+n]
		if err != nil {
			p.eof = true
			if err != io.EOF {
				p.rdErr = err
			}
		}
		if n > 0 {
			return true
		}
	}
	return false
}
func (p *legacyParser) advance(dropped []byte) {
	if i := bytes.LastIndexByte(dropped, '\n'); i >= 0 {
		p.lines += bytes.Count(dropped, []byte{'\n'})
		p.col = len(dropped) - i - 1
		return
	}
	p.col += len(dropped)
}
func (p *legacyParser) ensure(n int) bool {
	for len(p.data)-p.pos < n {
		if !p.more() {
			return false
		}
	}
	return true
}
func (p *legacyParser) errorf(format string, args ...any) error {
	if p.rdErr != nil {
		return p.rdErr
	}
	end := min(p.pos, len(p.data))
	line, col := 1+p.lines, 1+p.col+end
	if i := bytes.LastIndexByte(p.data[:end], '\n'); i >= 0 {
		line += bytes.Count(p.data[:end], []byte{'\n'})
		col = end - i
	}
	return &SyntaxError{Line: line, Column: col, Msg: fmt.Sprintf(format, args...)}
}
func (p *legacyParser) ws() {
	for {
		for p.pos < len(p.data) {
			switch p.data[p.pos] {
			case ' ', '\t', '\n', '\r':
				p.pos++
			default:
				return
			}
		}
		if !p.more() {
			return
		}
	}
}
func (p *legacyParser) peek() byte {
	p.ws()
	if p.pos >= len(p.data) {
		return 0
	}
	return p.data[p.pos]
}
func (p *legacyParser) expect(c byte) error {
	if p.peek() != c {
		if p.pos >= len(p.data) {
			return p.errorf("unexpected end of input, want %q", c)
		}
		return p.errorf("unexpected %q, want %q", p.data[p.pos], c)
	}
	p.pos++
	return nil
}
func (p *legacyParser) end() error {
	if p.peek() != 0 {
		return p.errorf("unexpected data after the top-level value")
	}
	if p.rdErr != nil {
		return p.rdErr
	}
	return nil
}
func (p *legacyParser) members(fn func(key string) error) error {
	if err := p.expect('{'); err != nil {
		return err
	}
	if p.peek() == '}' {
		p.pos++
		return nil
	}
	for {
		if p.peek() != '"' {
			return p.errorf("want an object key")
		}
		key, err := p.str()
		if err != nil {
			return err
		}
		if err := p.expect(':'); err != nil {
			return err
		}
		if err := fn(key); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return nil
		default:
			return p.errorf("want ',' or '}' in object")
		}
	}
}
func (p *legacyParser) elements(fn func() error) error {
	if err := p.expect('['); err != nil {
		return err
	}
	if p.peek() == ']' {
		p.pos++
		return nil
	}
	for {
		if err := fn(); err != nil {
			return err
		}
		switch p.peek() {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return nil
		default:
			return p.errorf("want ',' or ']' in array")
		}
	}
}
func (p *legacyParser) value() (any, error) {
	switch c := p.peek(); c {
	case '{':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.fields)
		err := p.members(func(key string) error {
			v, err := p.value()
			p.fields = append(p.fields, Field{Name: key, Value: v})
			return err
		})
		p.depth--
		obj := make(Object, len(p.fields)-mark)
		copy(obj, p.fields[mark:])
		clear(p.fields[mark:])
		p.fields = p.fields[:mark]
		return obj, err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.elems)
		err := p.elements(func() error {
			v, err := p.value()
			p.elems = append(p.elems, v)
			return err
		})
		p.depth--
		list := make([]any, len(p.elems)-mark)
		copy(list, p.elems[mark:])
		clear(p.elems[mark:])
		p.elems = p.elems[:mark]
		return list, err
	case '"':
		return p.str()
	case 't':
		return true, p.literal("true")
	case 'f':
		return false, p.literal("false")
	case 'n':
		return nil, p.literal("null")
	case 0:
		return nil, p.errorf("unexpected end of input")
	default:
		if c == '-' || (c >= '0' && c <= '9') {
			return p.number()
		}
		return nil, p.errorf("unexpected %q", c)
	}
}
func (p *legacyParser) marks() (any, error) {
	switch c := p.peek(); c {
	case '{':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.fields)
		err := p.members(func(key string) error {
			v, err := p.marks()
			if v != nil {
				p.fields = append(p.fields, Field{Name: key, Value: v})
			}
			return err
		})
		p.depth--
		var obj Object
		if n := len(p.fields) - mark; n > 0 {
			obj = make(Object, n)
			copy(obj, p.fields[mark:])
		}
		clear(p.fields[mark:])
		p.fields = p.fields[:mark]
		if obj == nil {
			return nil, err
		}
		return obj, err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return nil, p.errorf("nesting deeper than %d", maxDepth)
		}
		mark := len(p.elems)
		marked := false
		err := p.elements(func() error {
			v, err := p.marks()
			marked = marked || v != nil
			p.elems = append(p.elems, v)
			return err
		})
		p.depth--
		var list []any
		if marked {
			list = make([]any, len(p.elems)-mark)
			copy(list, p.elems[mark:])
		}
		clear(p.elems[mark:])
		p.elems = p.elems[:mark]
		if list == nil {
			return nil, err
		}
		return list, err
	case 't':
		return true, p.literal("true")
	default:
		return nil, p.skip()
	}
}
func (p *legacyParser) skip() error {
	switch c := p.peek(); c {
	case '{':
		if p.depth++; p.depth > maxDepth {
			return p.errorf("nesting deeper than %d", maxDepth)
		}
		err := p.members(func(string) error {
			return p.skip()
		})
		p.depth--
		return err
	case '[':
		if p.depth++; p.depth > maxDepth {
			return p.errorf("nesting deeper than %d", maxDepth)
		}
		err := p.elements(p.skip)
		p.depth--
		return err
	case '"':
		_, _, err := p.strSpan()
		return err
	default:
		_, err := p.value()
		return err
	}
}
func (p *legacyParser) span() ([]byte, error) {
	p.ws()
	start := p.base + int64(p.pos)
	defer p.pinAt(start)()
	if err := p.skip(); err != nil {
		return nil, err
	}
	return bytes.Clone(p.data[start-p.base : p.pos]), nil
}
func (p *legacyParser) pinAt(off int64) func() {
	old := p.pin
	if old < 0 || off < old {
		p.pin = off
	}
	return func() {
		p.pin = old
	}
}
func (p *legacyParser) literal(word string) error {
	if !p.ensure(len(word)) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return p.errorf("invalid literal, want %s", word)
	}
	p.pos += len(word)
	return nil
}
func (p *legacyParser) number() (any, error) {
	defer p.pinAt(p.base + int64(p.pos))()
	start := p.base + int64(p.pos)
	negative := p.data[p.pos] == '-'
	if negative {
		p.pos++
	}
	digits := p.base + int64(p.pos)
	isInt := true
	for p.pos < len(p.data) || p.more() {
		c := p.data[p.pos]
		if c >= '0' && c <= '9' {
			p.pos++
			continue
		}
		if c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-' {
			isInt = false
			p.pos++
			continue
		}
		break
	}
	if p.base+int64(p.pos) == digits {
		return nil, p.errorf("invalid number")
	}
	text := p.data[start-p.base : p.pos]
	if isInt && len(text) < 16 {
		var n int64
		for _, c := range p.data[digits-p.base : p.pos] {
			n = n*10 + int64(c-'0')
		}
		if negative {
			n = -n
		}
		if n >= 0 && n < int64(len(smallInts)) {
			return smallInts[n], nil
		}
		return float64(n), nil
	}
	f, err := strconv.ParseFloat(string(text), 64)
	if err != nil {
		return nil, p.errorf("invalid number %q", text)
	}
	return f, nil
}
func (p *legacyParser) strSpan() ([]byte, bool, error) {
	if p.peek() != '"' {
		return nil, false, p.errorf("want a string")
	}
	p.pos++
	start := p.base + int64(p.pos)
	defer p.pinAt(start)()
	escaped := false
	for {
		for p.pos < len(p.data) {
			switch c := p.data[p.pos]; {
			case c == '"':
				raw := p.data[start-p.base : p.pos]
				p.pos++
				return raw, escaped, nil
			case c == '\\':
				escaped = true
				p.pos++
				if !p.ensure(1) {
					return nil, false, p.errorf("unterminated string")
				}
				p.pos++
			case c < 0x20:
				return nil, false, p.errorf("control character in string")
			default:
				p.pos++
			}
		}
		if !p.more() {
			return nil, false, p.errorf("unterminated string")
		}
	}
}
func (p *legacyParser) str() (string, error) {
	raw, escaped, err := p.strSpan()
	if err != nil {
		return "", err
	}
	if escaped {
		s, err := legacyUnescape(raw)
		if err != nil {
			return "", p.errorf("%v", err)
		}
		return s, nil
	}
	if len(raw) <= internMax {
		if s, ok := p.intern[string(raw)]; ok {
			return s, nil
		}
		s := string(raw)
		p.intern[s] = s
		return s, nil
	}
	return string(raw), nil
}
func legacyUnescape(raw []byte) (string, error) {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", fmt.Errorf("invalid escape at end of string")
		}
		switch raw[i] {
		case '"', '\\', '/':
			out = append(out, raw[i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := legacyHex4(raw[i+1:])
			if !ok {
				return "", fmt.Errorf("invalid \\u escape")
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if r2, ok := legacyHex4(raw[min(i+3, len(raw)):]); ok && i+2 < len(raw) && raw[i+1] == '\\' && raw[i+2] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
		default:
			return "", fmt.Errorf("invalid escape \\%c", raw[i])
		}
	}
	return string(out), nil
}
func legacyHex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}

// useLegacyReader makes Decode and DecodeReader use the old reader, for
// benchmarks that compare the two (READINESS_LEGACY_READER=1).
var useLegacyReader = os.Getenv("READINESS_LEGACY_READER") != ""
