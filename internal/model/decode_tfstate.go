package model

import (
	"fmt"
	"math"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// A state file as Terraform keeps it (terraform.tfstate, `terraform state
// pull`) is state format version 4 since Terraform 0.12:
//
//	{"version": 4, "terraform_version": "1.8.5", "serial": 7, "lineage": "…",
//	 "outputs": {"name": {"value": …, "type": …, "sensitive": true}},
//	 "resources": [{"module": "module.db[\"primary\"]", "mode": "managed",
//	   "type": "aws_db_instance", "name": "main", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
//	   "instances": [{"index_key": 0, "deposed": "…", "attributes": {…},
//	     "sensitive_attributes": [[{"type": "get_attr", "value": "password"}]]}]}]}
//
// It becomes the model `terraform show -json` of the same state gives:
// one Resource per instance object, addressed as Terraform addresses it,
// its attributes as After (and Before) with no change, and the sensitive
// paths as the marks tree that after_sensitive would be.

// tfstateVersion is the state format version this decoder reads.
const tfstateVersion = 4

// tfstate gathers the top-level members of a state file while the document
// is read, in whatever order they come.
type tfstate struct {
	version   any  // the "version" member as read: a number in a state file
	seen      bool // lineage or serial, which every state file has
	resources []*Resource
	warnings  []string
	// err is the first mistake found in resources or outputs: it is the
	// document's error only if the document is a state file, and some
	// other JSON (an IAM policy, a package.json) may well have members
	// of those names.
	err error
}

func (s *tfstate) fail(err error) {
	if s.err == nil {
		s.err = err
	}
}

// isTfstate reports whether the document was a state file.
func (s *tfstate) isTfstate() bool {
	_, numeric := s.version.(float64)
	return numeric && s.seen
}

// check refuses the state formats of Terraform 0.11 and earlier, and later
// ones this version does not know.
func (s *tfstate) check() error {
	v := s.version.(float64)
	switch {
	case v == tfstateVersion:
		return s.err
	case v < tfstateVersion:
		return fmt.Errorf("state format version %v (Terraform 0.11 or earlier) is not read: run `terraform apply` or `terraform refresh` with Terraform 0.12 or later to upgrade it, or give the output of `terraform show -json`", v)
	default:
		return fmt.Errorf("state format version %v is newer than this version of readiness reads (%d): give the output of `terraform show -json` instead", v, tfstateVersion)
	}
}

// tfstateResources reads the "resources" member of a state file.
func (d *decoder) tfstateResources() error {
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

// tfstateInstance is one instance object of a state file's resource.
type tfstateInstance struct {
	index     any
	deposed   string
	attrs     any
	flat      bool // attributes_flat: written by Terraform 0.11
	sensitive any  // marks tree
}

func (d *decoder) tfstateResource() error {
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
		r := &Resource{
			ModuleAddress: module,
			Mode:          resMode,
			Type:          typ,
			Name:          name,
			Index:         in.index,
			ProviderName:  providerSource(provider),
			DeposedKey:    in.deposed,
			After:         in.attrs,
			Before:        in.attrs,
			Actions:       tfjson.Actions{tfjson.ActionNoop},
		}
		r.AfterSensitive, r.BeforeSensitive = in.sensitive, in.sensitive
		r.Address = instanceAddress(r)
		if in.flat {
			d.raw.warnings = append(d.raw.warnings, fmt.Sprintf(
				"%s is recorded as Terraform 0.11 wrote it (attributes_flat): its values are not read, and the checks that need them say unknown; `terraform apply` with Terraform 0.12 or later rewrites it", r.Address))
		}
		d.raw.resources = append(d.raw.resources, r)
	}
	return nil
}

// instanceAddress is the address of r as Terraform writes it, with the
// module instance path and the instance key: module.app["blue"].aws_instance.web[0].
func instanceAddress(r *Resource) string {
	key, _ := KeyOf(r.Index)
	return formatAddress(r.ModuleAddress, r.Mode == tfjson.DataResourceMode, r.Type, r.Name, key)
}

func (d *decoder) tfstateInstance() (tfstateInstance, error) {
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

// tfstateOutputs reads the root module's outputs: the values of sensitive
// ones are secrets, as the plan's sensitive outputs are.
func (d *decoder) tfstateOutputs() error {
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

// providerSource is the provider's source address in a state file's
// provider configuration address, as `terraform show -json` writes it in
// provider_name: provider["registry.terraform.io/hashicorp/aws"].west, or
// module.x.provider[...], gives registry.terraform.io/hashicorp/aws. A
// legacy provider.aws gives aws.
func providerSource(config string) string {
	if _, rest, ok := strings.Cut(config, `provider["`); ok {
		if src, _, ok := strings.Cut(rest, `"]`); ok {
			return src
		}
	}
	if i := strings.LastIndex(config, "provider."); i >= 0 {
		name, _, _ := strings.Cut(config[i+len("provider."):], ".")
		return name
	}
	return config
}

// unwrapDynamic replaces each attribute of dynamic type, which a state file
// writes as {"value": V, "type": T} (kubernetes_manifest's manifest,
// terraform_data's input), by V, as `terraform show -json` does. Without
// the provider's schema an object of exactly those two members whose type
// is a cty type is taken for one.
func unwrapDynamic(v any) any {
	switch v := v.(type) {
	case Object:
		if len(v) == 2 {
			val, okV := v.Get("value")
			typ, okT := v.Get("type")
			if okV && okT && ctyType(typ, 0) {
				return val
			}
		}
		for i := range v {
			v[i].Value = unwrapDynamic(v[i].Value)
		}
	case []any:
		for i := range v {
			v[i] = unwrapDynamic(v[i])
		}
	}
	return v
}

// ctyType reports whether t is a type as cty writes it in JSON: "string",
// "number", "bool", "dynamic", ["list", T], ["set", T], ["map", T],
// ["object", {name: T}] (with an optional list of optional attributes),
// ["tuple", [T...]].
func ctyType(t any, depth int) bool {
	if depth > 64 {
		return false
	}
	switch t := t.(type) {
	case string:
		return t == "string" || t == "number" || t == "bool" || t == "dynamic"
	case []any:
		if len(t) < 2 {
			return false
		}
		kind, _ := t[0].(string)
		switch kind {
		case "list", "set", "map":
			return len(t) == 2 && ctyType(t[1], depth+1)
		case "object":
			attrs, ok := t[1].(Object)
			if !ok || len(t) > 3 {
				return false
			}
			for _, f := range attrs {
				if !ctyType(f.Value, depth+1) {
					return false
				}
			}
			return true
		case "tuple":
			elems, ok := t[1].([]any)
			if !ok || len(t) != 2 {
				return false
			}
			for _, e := range elems {
				if !ctyType(e, depth+1) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// maxMarkedIndex bounds the list index of a sensitive path: a list of that
// many elements is built to hold the mark. A path past it marks the list.
const maxMarkedIndex = 1 << 16

// sensitiveMarks turns a state file's sensitive_attributes, a list of
// paths of steps {"type": "get_attr", "value": NAME} or {"type": "index",
// "value": {"value": KEY, "type": "number" or "string"}}, into the marks
// tree after_sensitive would be: true at each marked value. A step it
// cannot follow (an unknown type, a key of another type) marks the value
// it would have entered, so that nothing sensitive goes unmarked.
func sensitiveMarks(v any) any {
	var tree any
	for _, p := range asList(v) {
		var path Path
		for _, s := range asList(p) {
			step, ok := pathStep(s)
			if !ok {
				break
			}
			path = append(path, step)
		}
		tree = mark(tree, path)
	}
	return tree
}

func pathStep(s any) (Step, bool) {
	o, _ := s.(Object)
	kind, _ := o.Get("type")
	value, _ := o.Get("value")
	switch kind {
	case "get_attr":
		name, ok := value.(string)
		return name, ok
	case "index":
		key, _ := value.(Object)
		k, _ := key.Get("value")
		switch k := k.(type) {
		case string:
			return k, true
		case float64:
			if k == math.Trunc(k) && k >= 0 && k < maxMarkedIndex {
				return int(k), true
			}
		}
	}
	return nil, false
}

// mark sets true at path in a marks tree.
func mark(tree any, path Path) any {
	if len(path) == 0 || tree == true {
		return true
	}
	switch s := path[0].(type) {
	case string:
		obj, _ := tree.(Object)
		for i := range obj {
			if obj[i].Name == s {
				obj[i].Value = mark(obj[i].Value, path[1:])
				return obj
			}
		}
		return append(obj, Field{Name: s, Value: mark(nil, path[1:])})
	case int:
		list, _ := tree.([]any)
		for len(list) <= s {
			list = append(list, nil)
		}
		list[s] = mark(list[s], path[1:])
		return list
	}
	return true
}
