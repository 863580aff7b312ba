package model

import (
	"sync"
	"sync/atomic"

	tfjson "github.com/hashicorp/terraform-json"
)

// Kind says what an input was.
type Kind string

// Input kinds.
const (
	KindPlan   Kind = "plan"
	KindState  Kind = "state"
	KindConfig Kind = "config"
)

// Plan is one input, parsed once: every resource instance, the
// configuration they came from, and indexes over them. Checks read it and
// never the raw JSON.
type Plan struct {
	Path             string
	Kind             Kind
	FormatVersion    string
	TerraformVersion string
	// Errored is set when Terraform recorded that planning failed part way.
	Errored bool

	// Resources holds every managed and data resource instance, in input
	// order. Deleted and deposed objects are included: see Resource.Exists.
	Resources []*Resource
	Config    *tfjson.Config
	// Variables are the root module's input variable values.
	Variables map[string]any
	// CheckBlocks are the results of the configuration's check blocks and
	// conditions as the plan records them.
	CheckBlocks []tfjson.CheckResultStatic
	// Warnings say what the input leaves out or cannot know, once each (a
	// directory read without some of its modules, variables without a
	// value); reports show them beside the verdict, which covers only
	// what was read.
	Warnings []string

	byType    map[string][]*Resource
	byAddress map[string]*Resource
	byConfig  map[string][]*Resource
	configs   map[string]*tfjson.ConfigResource
	modules   map[string]*tfjson.ConfigModule
	calls     map[string]*tfjson.ModuleCall

	// pool holds the inputs a pool joins (see Pool); empty for one input.
	pool []poolMember

	secretsMu    sync.Mutex
	secrets      *secretIndex // built on first use: see Scrub
	extraSecrets []any

	valuesMu sync.Mutex
	values   map[string]map[string][]*Resource // WithValue's indexes

	refsMu    sync.Mutex
	refsCache map[refsKey][]*Resource // Refs, once per resource and attributes

	memoMu sync.Mutex
	memo   map[any]any

	graphOnce sync.Once
	referrers map[*Resource][]*Resource

	// reach counts the calls that can reach beyond one resource (see
	// Reach).
	reach atomic.Int64

	// prior is the world before the plan (see Prior), built once; isPrior
	// marks a prior world, which has none of its own.
	priorOnce sync.Once
	prior     *Plan
	isPrior   bool
}

// index builds the lookup tables once the resources and configuration are in.
func (p *Plan) index() {
	p.byType = make(map[string][]*Resource)
	p.byAddress = make(map[string]*Resource, len(p.Resources))
	p.byConfig = make(map[string][]*Resource)
	p.indexConfig()
	addrs := addressIndex{modules: map[string]*sharedModule{}}
	for _, r := range p.Resources {
		ca := addrs.index(r)
		if r.Config == nil {
			r.Config = p.configs[ca]
		}
		if r.DeposedKey != "" {
			continue
		}
		p.byType[r.Type] = append(p.byType[r.Type], r)
		if _, dup := p.byAddress[r.Address]; !dup || r.Managed() {
			p.byAddress[r.Address] = r
		}
		p.byConfig[ca] = append(p.byConfig[ca], r)
	}
}

func (p *Plan) indexConfig() {
	p.configs = make(map[string]*tfjson.ConfigResource)
	p.modules = map[string]*tfjson.ConfigModule{}
	p.calls = map[string]*tfjson.ModuleCall{}
	if p.Config == nil || p.Config.RootModule == nil {
		return
	}
	var walk func(prefix string, m *tfjson.ConfigModule, depth int)
	walk = func(prefix string, m *tfjson.ConfigModule, depth int) {
		if m == nil || depth > 64 {
			return
		}
		p.modules[prefix] = m
		for _, cr := range m.Resources {
			if cr == nil {
				continue
			}
			p.configs[join(prefix, cr.Address)] = cr
		}
		for name, call := range m.ModuleCalls {
			if call == nil {
				continue
			}
			child := join(prefix, "module."+name)
			p.calls[child] = call
			walk(child, call.Module, depth+1)
		}
	}
	walk("", p.Config.RootModule, 0)
}

func join(prefix, addr string) string {
	if prefix == "" {
		return addr
	}
	return prefix + "." + addr
}

// OfType returns the resource instances of the given types that exist once
// the plan is applied, in input order per type.
func (p *Plan) OfType(types ...string) []*Resource {
	p.reach.Add(1)
	var out []*Resource
	for _, t := range types {
		for _, r := range p.byType[t] {
			if r.Exists() && r.Managed() {
				out = append(out, r)
			}
		}
	}
	return out
}

// CountOfType is how many instances of the given types the plan holds,
// deleted ones and data sources included: at least as many as OfType
// returns, without building the list or counting as a reach.
func (p *Plan) CountOfType(types ...string) int {
	n := 0
	for _, t := range types {
		n += len(p.byType[t])
	}
	return n
}

// DataOfType returns the data source instances of the given types.
func (p *Plan) DataOfType(types ...string) []*Resource {
	p.reach.Add(1)
	var out []*Resource
	for _, t := range types {
		for _, r := range p.byType[t] {
			if !r.Managed() {
				out = append(out, r)
			}
		}
	}
	return out
}

// Lookup returns the resource instance at an address.
func (p *Plan) Lookup(address string) *Resource {
	p.reach.Add(1)
	return p.byAddress[address]
}

// Instances returns every instance of a resource block, by its configuration
// address (module.app.aws_db_instance.main).
func (p *Plan) Instances(configAddress string) []*Resource {
	p.reach.Add(1)
	return p.byConfig[configAddress]
}

// Has reports whether any resource of the given types exists after apply.
func (p *Plan) Has(types ...string) bool {
	p.reach.Add(1)
	for _, t := range types {
		for _, r := range p.byType[t] {
			if r.Exists() && r.Managed() {
				return true
			}
		}
	}
	return false
}

// Reach counts the calls that can reach other resources than one a check
// is given: OfType, DataOfType, Lookup, Instances, Has, Memo, Refs,
// Referrers and WithValue. The engine reads it around a check's call: a
// finding made without any rests on its resource alone, and on a resource
// the plan leaves unchanged it is the same before the plan.
func (p *Plan) Reach() int64 { return p.reach.Load() }

// Memo returns the value computed for key in this plan, computing it on the
// first call: checks keep their per-plan indexes here (alarms by the
// resource they watch, subnets by zone) so that judging every resource stays
// linear. key should be a value of an unexported type of the caller's.
func (p *Plan) Memo(key any, compute func() any) any {
	p.reach.Add(1)
	p.memoMu.Lock()
	v, ok := p.memo[key]
	p.memoMu.Unlock()
	if ok {
		return v
	}
	v = compute()
	p.memoMu.Lock()
	defer p.memoMu.Unlock()
	if prior, ok := p.memo[key]; ok {
		return prior
	}
	if p.memo == nil {
		p.memo = map[any]any{}
	}
	p.memo[key] = v
	return v
}
