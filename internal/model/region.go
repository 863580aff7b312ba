package model

import "strings"

// Region returns the region a resource lives in, and whether it is known:
// the resource's own region attribute (AWS provider v6, Google, Azure
// location) when known, else its provider configuration's region, given as
// a constant or through a root variable. Aliased providers and providers
// declared in modules are followed through provider_config_key.
func (p *Plan) Region(r *Resource) (string, bool) {
	for _, attr := range []string{"region", "location"} {
		if s, ok := r.Attr(attr).Str(); ok && s != "" {
			return s, true
		}
	}
	return p.ProviderRegion(r)
}

// ProviderRegion returns the region of r's provider configuration.
func (p *Plan) ProviderRegion(r *Resource) (string, bool) {
	if p.Config == nil {
		return "", false
	}
	key := ""
	if r.Config != nil {
		key = r.Config.ProviderConfigKey
	}
	if key == "" {
		key = providerLocalName(r)
	}
	pc := p.Config.ProviderConfigs[key]
	// Older plans write module.NAME:aws for a provider inherited from a
	// calling module: look in each one up to the root.
	for pc == nil {
		i := strings.LastIndexByte(key, ':')
		if i < 0 {
			break
		}
		module, name := key[:i], key[i+1:]
		parent := ""
		if j := strings.LastIndex(module, ".module."); j >= 0 {
			parent = module[:j] + ":"
		}
		key = parent + name
		pc = p.Config.ProviderConfigs[key]
	}
	if pc == nil {
		return "", false
	}
	e := pc.Expressions["region"]
	if e == nil || e.ExpressionData == nil {
		return "", false
	}
	if s, ok := e.ConstantValue.(string); ok && len(e.References) == 0 {
		return s, true
	}
	if len(e.References) == 1 && strings.HasPrefix(e.References[0], "var.") && pc.ModuleAddress == "" {
		if s, ok := p.Variables[strings.TrimPrefix(e.References[0], "var.")].(string); ok {
			return s, true
		}
	}
	return "", false
}

// providerLocalName guesses the provider configuration key from the
// provider's address: registry.terraform.io/hashicorp/aws gives aws.
func providerLocalName(r *Resource) string {
	name := r.ProviderName
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	if name == "" {
		name, _, _ = strings.Cut(r.Type, "_")
	}
	return name
}

// WithValue returns the resources of the given types whose planned string
// attribute at path equals value: the known-value fallback for links that
// configuration references cannot make (a versioning resource whose bucket
// is a literal name). The first call for a set of types and a path indexes
// them, so that checks calling it once per resource stay linear.
func (p *Plan) WithValue(value string, path Path, types ...string) []*Resource {
	p.reach.Add(1)
	if value == "" {
		return nil
	}
	key := path.String() + "|" + strings.Join(types, ",")
	p.valuesMu.Lock()
	defer p.valuesMu.Unlock()
	idx, ok := p.values[key]
	if !ok {
		idx = map[string][]*Resource{}
		for _, r := range p.OfType(types...) {
			if s, ok := r.Attr(path...).Str(); ok && s != "" {
				idx[s] = append(idx[s], r)
			}
		}
		if p.values == nil {
			p.values = map[string]map[string][]*Resource{}
		}
		p.values[key] = idx
	}
	return idx[value]
}
