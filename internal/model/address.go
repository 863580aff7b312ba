package model

import (
	"errors"
	"fmt"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// Address is a resource instance address, read once as Terraform's addrs
// package reads one: the module instance path with its keys, the mode, the
// type, the name and the instance key. String returns the text exactly as
// the input wrote it.
type Address struct {
	text   string
	module ModuleInstance
	typ    string
	name   string
	key    Key
	data   bool // a data source
	parsed bool
}

// ModuleStep is one module call of a module instance path, with its key.
type ModuleStep struct {
	Name string
	Key  Key
}

// ModuleInstance is a module instance path, module.a["x"].module.b: nil
// for the root module. Its steps are shared: never change them in place.
type ModuleInstance []ModuleStep

// ParseAddress reads a resource instance address:
// module.app["blue"].aws_db_instance.main[0], data.aws_subnet.a.
func ParseAddress(text string) (Address, error) {
	steps, err := readTraversal(text)
	if err != nil {
		return Address{text: text}, fmt.Errorf("read address %q: %w", text, err)
	}
	a, err := addressOf(text, steps, nil)
	if err != nil {
		return Address{text: text}, fmt.Errorf("read address %q: %w", text, err)
	}
	return a, nil
}

// addressOf interprets the steps of a resource instance address; known,
// when they open with it, is the module instance.
func addressOf(text string, steps []tStep, known ModuleInstance) (Address, error) {
	module, rest, err := modulePrefix(steps, known)
	if err != nil {
		return Address{}, err
	}
	a := Address{text: text, module: module, parsed: true}
	if len(rest) > 0 && !rest[0].index && rest[0].name == "data" {
		a.data = true
		rest = rest[1:]
	}
	if len(rest) < 2 || rest[0].index || rest[1].index {
		return Address{}, errors.New("a resource address is [module.NAME[KEY].]...[data.]TYPE.NAME[KEY]")
	}
	a.typ, a.name = rest[0].name, rest[1].name
	rest = rest[2:]
	if len(rest) > 0 && rest[0].index {
		a.key = rest[0].key
		rest = rest[1:]
	}
	if len(rest) > 0 {
		return Address{}, errors.New("unexpected steps after the resource's name and key")
	}
	return a, nil
}

// modulePrefix reads the module.NAME[KEY] steps that open steps. When they
// are those of known, known itself is returned, so that the resources of
// a module share its path.
func modulePrefix(steps []tStep, known ModuleInstance) (ModuleInstance, []tStep, error) {
	n, i := 0, 0 // module calls, steps read
	same := true
	for i < len(steps) && !steps[i].index && steps[i].name == "module" {
		if i+1 >= len(steps) || steps[i+1].index {
			return nil, nil, errors.New("module must be followed by a module name")
		}
		s := ModuleStep{Name: steps[i+1].name}
		i += 2
		if i < len(steps) && steps[i].index {
			s.Key = steps[i].key
			i++
		}
		same = same && n < len(known) && known[n] == s
		n++
	}
	if n == 0 {
		return nil, steps, nil
	}
	if same && n == len(known) {
		return known, steps[i:], nil
	}
	m := make(ModuleInstance, 0, n)
	for j := 0; j < i; j += 2 {
		s := ModuleStep{Name: steps[j+1].name}
		if j+2 < i && steps[j+2].index {
			s.Key = steps[j+2].key
			j++
		}
		m = append(m, s)
	}
	return m, steps[i:], nil
}

// ParseModuleInstance reads a module instance address,
// module.a["x"].module.b; "" is the root module.
func ParseModuleInstance(text string) (ModuleInstance, error) {
	if text == "" {
		return nil, nil
	}
	steps, err := readTraversal(text)
	if err == nil {
		var rest []tStep
		var m ModuleInstance
		m, rest, err = modulePrefix(steps, nil)
		if err == nil && len(rest) == 0 {
			return m, nil
		}
		if err == nil {
			err = errors.New("a module instance address is module.NAME[KEY], repeated")
		}
	}
	return nil, fmt.Errorf("read module address %q: %w", text, err)
}

// NewAddress is the address of a resource instance, written as Terraform
// writes it.
func NewAddress(module ModuleInstance, mode tfjson.ResourceMode, typ, name string, key Key) Address {
	a := Address{module: module, data: mode == tfjson.DataResourceMode, typ: typ, name: name, key: key, parsed: true}
	a.text = formatAddress(module.String(), a.data, typ, name, key)
	return a
}

// formatAddress writes an instance address from its parts, the module
// instance as text.
func formatAddress(module string, data bool, typ, name string, key Key) string {
	var b strings.Builder
	if module != "" {
		b.WriteString(module)
		b.WriteByte('.')
	}
	if data {
		b.WriteString("data.")
	}
	b.WriteString(typ)
	b.WriteByte('.')
	b.WriteString(name)
	b.WriteString(key.String())
	return b.String()
}

// unparsedAddress is the address of r when its text cannot be read: the
// parts come from the input's own fields (module_address, mode, type,
// name, index), the module path from module_address read on its own if it
// can be, else taken as the text it is.
func unparsedAddress(r *Resource, module ModuleInstance) Address {
	key, _ := KeyOf(r.Index)
	return Address{text: r.Address, module: module, data: r.Mode == tfjson.DataResourceMode, typ: r.Type, name: r.Name, key: key}
}

// String returns the address exactly as the input wrote it.
func (a Address) String() string { return a.text }

// Parsed reports whether the text was read as an address. When it was not
// (a hand-written or damaged input), the other parts are the input's own
// fields, and String is still the text.
func (a Address) Parsed() bool { return a.parsed }

// Module is the module instance the resource is in; nil at the root.
func (a Address) Module() ModuleInstance { return a.module }

// Mode is managed or data.
func (a Address) Mode() tfjson.ResourceMode {
	if a.data {
		return tfjson.DataResourceMode
	}
	return tfjson.ManagedResourceMode
}

// Type is the resource type.
func (a Address) Type() string { return a.typ }

// Name is the resource's name in its module.
func (a Address) Name() string { return a.name }

// Key is the instance key.
func (a Address) Key() Key { return a.key }

// ConfigAddress is the address of the resource block: module path and
// resource without instance keys, as module.app.aws_db_instance.main.
func (a Address) ConfigAddress() string {
	return formatAddress(a.module.Path(), a.data, a.typ, a.name, NoKey)
}

// String is the module instance address: module.a["x"].module.b.
func (m ModuleInstance) String() string { return m.format(true) }

// Path is the module's configuration path, without keys: module.a.module.b.
func (m ModuleInstance) Path() string { return m.format(false) }

func (m ModuleInstance) format(withKeys bool) string {
	var b strings.Builder
	for i, s := range m {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString("module.")
		b.WriteString(s.Name)
		if withKeys {
			b.WriteString(s.Key.String())
		}
	}
	return b.String()
}

// Parent is the module instance that calls m; nil for the root and its
// direct children.
func (m ModuleInstance) Parent() ModuleInstance {
	if len(m) < 2 {
		return nil
	}
	return m[: len(m)-1 : len(m)-1]
}

// Child is the instance of the call name with key inside m.
func (m ModuleInstance) Child(name string, key Key) ModuleInstance {
	out := make(ModuleInstance, len(m), len(m)+1)
	copy(out, m)
	return append(out, ModuleStep{Name: name, Key: key})
}

// Equal reports whether m and o are the same module instance.
func (m ModuleInstance) Equal(o ModuleInstance) bool {
	if len(m) != len(o) {
		return false
	}
	for i := range m {
		if m[i] != o[i] {
			return false
		}
	}
	return true
}

// Within reports whether m is an instance of the module pattern, whose
// steps without a key stand for any key: module.a["k"].module.b[2] is
// within module.a.module.b[2].
func (m ModuleInstance) Within(pattern ModuleInstance) bool {
	if len(m) != len(pattern) {
		return false
	}
	for i, p := range pattern {
		if m[i].Name != p.Name || (!p.Key.None() && m[i].Key != p.Key) {
			return false
		}
	}
	return true
}

// AddressStep is one step of an address as written, a name and its key:
// module.a["x"].aws_s3_bucket.b[0] is module, a["x"], aws_s3_bucket, b[0].
type AddressStep struct {
	Name string
	Key  Key
}

// SplitAddress reads any address as its steps, whatever it addresses (a
// resource instance, a module call, an output, a check block). A step
// with two keys is an error.
func SplitAddress(text string) ([]AddressStep, error) {
	steps, err := readTraversal(text)
	if err != nil {
		return nil, fmt.Errorf("read address %q: %w", text, err)
	}
	out := make([]AddressStep, 0, len(steps))
	for _, s := range steps {
		switch {
		case !s.index:
			out = append(out, AddressStep{Name: s.name})
		case out[len(out)-1].Key.None():
			out[len(out)-1].Key = s.key
		default:
			return nil, fmt.Errorf("read address %q: two keys on one step", text)
		}
	}
	return out, nil
}
