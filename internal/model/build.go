package model

import (
	tfjson "github.com/hashicorp/terraform-json"
)

// NewPlan builds a plan from parts made in code rather than decoded from
// JSON: a Terraform configuration directory read statically, or one
// resource's values handed to a provider function. Values, AfterUnknown and
// AfterSensitive must use this package's compact forms (nil, bool, float64,
// string, []any, Object). variables are the root module's input variable
// values (nil for none). The indexes, the reference graph and secret
// scrubbing work as for a decoded plan.
func NewPlan(path string, kind Kind, resources []*Resource, config *tfjson.Config, variables map[string]any) *Plan {
	if variables == nil {
		variables = map[string]any{}
	}
	p := &Plan{
		Path:      path,
		Kind:      kind,
		Resources: resources,
		Config:    config,
		Variables: variables,
	}
	for _, r := range p.Resources {
		if r.Mode == "" {
			r.Mode = tfjson.ManagedResourceMode
		}
	}
	p.index()
	return p
}
