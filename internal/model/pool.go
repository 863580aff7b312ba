package model

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// A pool judges several inputs (roots kept apart, such as an application
// and the monitoring that watches it) as one estate: cross-resource checks
// see every resource (the alarm in one root covers the database in
// another), and each finding still names the input it comes from.
//
// Each input becomes a module of a synthetic root, named after its file or
// directory (module.app, module.monitoring), so that addresses stay unique
// and each input's references resolve inside it, as Terraform resolves a
// module's. Inputs link to each other only by known values (a name, an
// ARN), as separate roots do. Origin maps a pooled address back.

// poolMember is one input of a pool.
type poolMember struct {
	plan   *Plan
	prefix string // "module.NAME."
}

// Pool joins plans into one estate; nil and a single plan are returned as
// they are. The plans must not be used on their own afterwards: their
// resources move into the pool.
func Pool(plans []*Plan) *Plan {
	if len(plans) < 2 {
		if len(plans) == 1 {
			return plans[0]
		}
		return nil
	}
	root := &tfjson.ConfigModule{ModuleCalls: map[string]*tfjson.ModuleCall{}}
	pool := &Plan{
		Config:    &tfjson.Config{RootModule: root, ProviderConfigs: map[string]*tfjson.ProviderConfig{}},
		Variables: map[string]any{},
		Kind:      plans[0].Kind,
	}
	var paths []string
	for i, p := range plans {
		name := poolName(p.Path, i, root.ModuleCalls)
		m := poolMember{plan: p, prefix: "module." + name + "."}
		pool.pool = append(pool.pool, m)
		paths = append(paths, p.Path)
		if p.Kind != pool.Kind {
			pool.Kind = KindPlan
		}
		pool.TerraformVersion = p.TerraformVersion
		pool.FormatVersion = p.FormatVersion
		pool.Errored = pool.Errored || p.Errored
		root.ModuleCalls[name] = m.moduleCall()
		for key, pc := range m.providerConfigs() {
			pool.Config.ProviderConfigs[m.providerKey(key)] = pc
		}
		for _, r := range p.Resources {
			pool.Resources = append(pool.Resources, m.resource(r))
		}
		for _, c := range p.CheckBlocks {
			pool.CheckBlocks = append(pool.CheckBlocks, m.checkResult(c))
		}
		pool.extraSecrets = append(pool.extraSecrets, p.extraSecrets...)
		pool.Warnings = append(pool.Warnings, p.Warnings...)
	}
	pool.Path = strings.Join(paths, " + ")
	pool.index()
	return pool
}

// Members are the inputs a pool judges, in order; a plan that is not a
// pool is its own one member.
func (p *Plan) Members() []*Plan {
	if len(p.pool) == 0 {
		return []*Plan{p}
	}
	out := make([]*Plan, len(p.pool))
	for i, m := range p.pool {
		out[i] = m.plan
	}
	return out
}

// Origin says which input a finding's address comes from, and its address
// there. A finding about the whole pool, or an address of no member, comes
// from the pool itself.
func (p *Plan) Origin(address string) (*Plan, string) {
	for _, m := range p.pool {
		if rest, ok := strings.CutPrefix(address, m.prefix); ok {
			return m.plan, rest
		}
	}
	return p, address
}

var notIdentifier = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// poolName names an input's module after its file or directory (after its
// directory for a file named as every plan is: plan.json, tfplan), unique in
// the pool.
func poolName(path string, i int, taken map[string]*tfjson.ModuleCall) string {
	clean := filepath.Clean(path)
	candidates := []string{strings.TrimSuffix(filepath.Base(clean), filepath.Ext(clean))}
	if genericInputNames[strings.ToLower(candidates[0])] {
		candidates = []string{filepath.Base(filepath.Dir(clean)), candidates[0]}
	}
	for _, c := range candidates {
		name := strings.Trim(notIdentifier.ReplaceAllString(c, "_"), "_-")
		if name == "" || name == "." || name[0] >= '0' && name[0] <= '9' {
			continue
		}
		if _, dup := taken[name]; !dup {
			return name
		}
	}
	return fmt.Sprintf("input_%d", i+1)
}

// genericInputNames are file names that say nothing of the input.
var genericInputNames = map[string]bool{"plan": true, "tfplan": true, "state": true, "terraform": true, "main": true}

// moduleCall is the synthetic call of the member's root module, with its
// root variables as constants, so that references to them resolve.
func (m poolMember) moduleCall() *tfjson.ModuleCall {
	call := &tfjson.ModuleCall{Expressions: map[string]*tfjson.Expression{}}
	if m.plan.Config != nil {
		call.Module = m.plan.Config.RootModule
	}
	for name, v := range m.plan.Variables {
		call.Expressions[name] = &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{ConstantValue: toJSONValue(v)}}
	}
	return call
}

// providerConfigs are the member's provider configurations under its
// module, each region given through a root variable resolved to its value:
// under the pool's module, the variable is no longer the root's.
func (m poolMember) providerConfigs() map[string]*tfjson.ProviderConfig {
	p := m.plan
	out := map[string]*tfjson.ProviderConfig{}
	if p.Config == nil {
		return out
	}
	for key, pc := range p.Config.ProviderConfigs {
		if pc == nil {
			continue
		}
		c := *pc
		if e := c.Expressions["region"]; e != nil && e.ExpressionData != nil && len(e.References) == 1 && c.ModuleAddress == "" {
			if s, ok := p.Variables[strings.TrimPrefix(e.References[0], "var.")].(string); ok && strings.HasPrefix(e.References[0], "var.") {
				exprs := make(map[string]*tfjson.Expression, len(c.Expressions))
				for k, v := range c.Expressions {
					exprs[k] = v
				}
				exprs["region"] = &tfjson.Expression{ExpressionData: &tfjson.ExpressionData{ConstantValue: s}}
				c.Expressions = exprs
			}
		}
		c.ModuleAddress = joinModule(m.module(), c.ModuleAddress)
		out[key] = &c
	}
	return out
}

// module is the member's module address: module.NAME.
func (m poolMember) module() string { return strings.TrimSuffix(m.prefix, ".") }

// providerKey moves a provider configuration key under the member's
// module: aws is module.NAME:aws, module.x:aws is module.NAME.module.x:aws.
func (m poolMember) providerKey(key string) string {
	if strings.Contains(key, ":") {
		return m.prefix + key
	}
	return m.module() + ":" + key
}

// resource is r moved under the member's module.
func (m poolMember) resource(r *Resource) *Resource {
	c := *r
	c.Address = m.prefix + r.Address
	c.ModuleAddress = joinModule(m.module(), r.ModuleAddress)
	if r.Config != nil {
		cfg := *r.Config
		key := cfg.ProviderConfigKey
		if key == "" {
			key = providerLocalName(r)
		}
		cfg.ProviderConfigKey = m.providerKey(key)
		c.Config = &cfg
	}
	return &c
}

// checkResult is a check block's result with its addresses under the
// member's module.
func (m poolMember) checkResult(c tfjson.CheckResultStatic) tfjson.CheckResultStatic {
	c.Address.ToDisplay = m.prefix + c.Address.ToDisplay
	instances := make([]tfjson.CheckResultDynamic, len(c.Instances))
	for i, in := range c.Instances {
		if in.Address.ToDisplay != "" {
			in.Address.ToDisplay = m.prefix + in.Address.ToDisplay
		}
		instances[i] = in
	}
	c.Instances = instances
	return c
}

func joinModule(prefix, module string) string {
	if module == "" {
		return prefix
	}
	return prefix + "." + module
}

// toJSONValue turns a compact value back into what encoding/json gives, as
// configuration constants hold.
func toJSONValue(v any) any {
	switch v := v.(type) {
	case Object:
		out := make(map[string]any, len(v))
		for _, f := range v {
			out[f.Name] = toJSONValue(f.Value)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = toJSONValue(e)
		}
		return out
	}
	return v
}
