package schematest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// A Fixture is a plan or state file read for its resource instances.
type Fixture struct {
	Kind      string // "plan", "state" (terraform show -json of a state), "tfstate" (a raw state file)
	Resources []Resource
	// Problems in the file's own structure: addresses that do not match
	// their module, type, name and instance key.
	Problems []string
}

// A Resource is one resource instance as one section of a fixture writes it.
type Resource struct {
	Where    string // "aws_db_instance.main", "prior_state data.aws_subnet.a[0]"
	Mode     string // "managed" or "data"
	Type     string
	Provider string // provider type name: "aws"
	Values   []Value
}

// ErrNotPlan is returned for JSON that is neither a plan nor a state.
var ErrNotPlan = errors.New("neither a plan nor a state")

type planDoc struct {
	FormatVersion   string           `json:"format_version"`
	ResourceChanges []resourceChange `json:"resource_changes"`
	PlannedValues   *stateValues     `json:"planned_values"`
	PriorState      *struct {
		Values *stateValues `json:"values"`
	} `json:"prior_state"`
	Values *stateValues `json:"values"`
	// A raw state file (format version 4).
	Resources []rawResource `json:"resources"`
}

type resourceChange struct {
	Address       string `json:"address"`
	ModuleAddress string `json:"module_address"`
	Mode          string `json:"mode"`
	Type          string `json:"type"`
	Name          string `json:"name"`
	Index         any    `json:"index"`
	Deposed       string `json:"deposed"`
	ProviderName  string `json:"provider_name"`
	Change        struct {
		Before          any `json:"before"`
		After           any `json:"after"`
		AfterUnknown    any `json:"after_unknown"`
		BeforeSensitive any `json:"before_sensitive"`
		AfterSensitive  any `json:"after_sensitive"`
	} `json:"change"`
}

type stateValues struct {
	RootModule *stateModule `json:"root_module"`
}

type stateModule struct {
	Address      string          `json:"address"`
	Resources    []stateResource `json:"resources"`
	ChildModules []stateModule   `json:"child_modules"`
}

type stateResource struct {
	Address         string `json:"address"`
	Mode            string `json:"mode"`
	Type            string `json:"type"`
	Name            string `json:"name"`
	Index           any    `json:"index"`
	ProviderName    string `json:"provider_name"`
	Values          any    `json:"values"`
	SensitiveValues any    `json:"sensitive_values"`
}

type rawResource struct {
	Module    string `json:"module"`
	Mode      string `json:"mode"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Provider  string `json:"provider"`
	Instances []struct {
		IndexKey   any `json:"index_key"`
		Attributes any `json:"attributes"`
	} `json:"instances"`
}

// ReadFixture reads a plan (terraform show -json of a saved plan: it has
// resource_changes, planned_values or prior_state), a state (terraform show
// -json of a state: values.root_module) or a raw state file (version and
// resources). Anything else is ErrNotPlan.
func ReadFixture(data []byte) (*Fixture, error) {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, err
	}
	_, rc := probe["resource_changes"]
	_, pv := probe["planned_values"]
	_, ps := probe["prior_state"]
	_, values := probe["values"]
	_, resources := probe["resources"]
	_, version := probe["version"]
	f := &Fixture{}
	switch {
	case rc || pv || ps:
		f.Kind = "plan"
	case values:
		f.Kind = "state"
	case resources && version:
		f.Kind = "tfstate"
	default:
		return nil, ErrNotPlan
	}
	var doc planDoc
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	legacy := doc.FormatVersion == "0.1" // Terraform 0.12
	for _, c := range doc.ResourceChanges {
		f.address(c.Address, c.ModuleAddress, c.Mode, c.Type, c.Name, c.Index)
		where := c.Address
		if c.Deposed != "" {
			where += " (deposed " + c.Deposed + ")"
		}
		r := Resource{Where: where, Mode: c.Mode, Type: c.Type, Provider: providerOf(c.ProviderName, c.Type)}
		ch := c.Change
		r.Values = append(r.Values,
			Value{Name: "before", Object: ch.Before, Marks: []Marks{{Name: "before_sensitive", Tree: ch.BeforeSensitive}}},
			Value{Name: "after", Object: ch.After, Marks: []Marks{
				{Name: "after_unknown", Tree: ch.AfterUnknown, Unknown: true},
				{Name: "after_sensitive", Tree: ch.AfterSensitive},
			}})
		f.Resources = append(f.Resources, r)
	}
	if doc.PlannedValues != nil {
		f.module("planned_values", doc.PlannedValues.RootModule, "", false)
	}
	if doc.PriorState != nil && doc.PriorState.Values != nil {
		f.module("prior_state", doc.PriorState.Values.RootModule, "", legacy)
	}
	if f.Kind == "state" && doc.Values != nil {
		f.module("values", doc.Values.RootModule, "", false)
	}
	for _, r := range doc.Resources {
		for _, in := range r.Instances {
			addr := r.Module
			if addr != "" {
				addr += "."
			}
			addr += resourceAddress(r.Mode, r.Type, r.Name, in.IndexKey)
			f.Resources = append(f.Resources, Resource{
				Where: addr, Mode: r.Mode, Type: r.Type, Provider: providerOf(r.Provider, r.Type),
				Values: []Value{{Name: "attributes", Object: in.Attributes}},
			})
		}
	}
	return f, nil
}

// module reads a module of planned_values or a state's values. Terraform
// 0.12 writes prior_state addresses relative to their module and without
// their instance key.
func (f *Fixture) module(section string, m *stateModule, parent string, relative bool) {
	if m == nil {
		return
	}
	if parent != "" && !strings.HasPrefix(m.Address, parent+".") {
		f.Problems = append(f.Problems, fmt.Sprintf("%s: module %s inside %s", section, m.Address, parent))
	}
	for _, r := range m.Resources {
		if relative {
			if want := resourceAddress(r.Mode, r.Type, r.Name, nil); r.Address != want {
				f.Problems = append(f.Problems, fmt.Sprintf("%s: %s: Terraform 0.12 writes this address as %s", section, r.Address, want))
			}
		} else {
			f.address(r.Address, m.Address, r.Mode, r.Type, r.Name, r.Index)
		}
		where := r.Address
		if relative && m.Address != "" {
			where = m.Address + "." + where
		}
		if relative && r.Index != nil {
			where += instanceKey(r.Index)
		}
		f.Resources = append(f.Resources, Resource{
			Where: section + " " + where, Mode: r.Mode, Type: r.Type, Provider: providerOf(r.ProviderName, r.Type),
			Values: []Value{{Name: "values", Object: r.Values, Marks: []Marks{{Name: "sensitive_values", Tree: r.SensitiveValues}}}},
		})
	}
	for i := range m.ChildModules {
		f.module(section, &m.ChildModules[i], m.Address, relative)
	}
}

// address records a problem when an address is not its module's address,
// mode, type, name and instance key, as Terraform writes it.
func (f *Fixture) address(addr, module, mode, typ, name string, index any) {
	want := resourceAddress(mode, typ, name, index)
	if module != "" {
		want = module + "." + want
	}
	if addr != want {
		f.Problems = append(f.Problems, fmt.Sprintf("%s: address, but its module_address, mode, type, name and index make %s", addr, want))
	}
}

func resourceAddress(mode, typ, name string, index any) string {
	a := typ + "." + name
	if mode == "data" {
		a = "data." + a
	}
	return a + instanceKey(index)
}

func instanceKey(index any) string {
	switch k := index.(type) {
	case nil:
		return ""
	case json.Number:
		return "[" + k.String() + "]"
	case float64:
		return "[" + strconv.FormatFloat(k, 'f', -1, 64) + "]"
	case string:
		return "[" + hclQuoted(k) + "]"
	}
	return fmt.Sprintf("[%v]", index)
}

// hclQuoted quotes an instance key as Terraform's addrs.StringKey does
// (toHCLQuotedString in internal/addrs/instance_key.go, Terraform 1.8.5).
func hclQuoted(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch r {
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '$', '%':
			b.WriteRune(r)
			if strings.HasPrefix(s[i+1:], "{") {
				b.WriteRune(r)
			}
		default:
			switch {
			case unicode.IsPrint(r):
				b.WriteRune(r)
			case r < 65536:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// providerOf returns a provider's type name from a plan's provider_name
// ("registry.terraform.io/hashicorp/aws", or "aws" from Terraform 0.12), a
// raw state's provider (`provider["registry.terraform.io/hashicorp/aws"].east`),
// or else the resource type's prefix, as Terraform infers it.
func providerOf(name, typ string) string {
	if i := strings.IndexByte(name, '"'); i >= 0 {
		name = name[i+1:]
		name = name[:max(0, strings.IndexByte(name, '"'))]
	}
	name = strings.TrimPrefix(name, "provider.")
	if i := strings.IndexByte(name, '.'); i >= 0 && !strings.Contains(name, "/") {
		name = name[:i] // provider.aws.east
	}
	name = name[strings.LastIndex(name, "/")+1:]
	if name == "" {
		name, _, _ = strings.Cut(typ, "_")
	}
	return name
}
