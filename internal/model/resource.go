package model

import (
	"strconv"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// Resource is one resource instance: a managed resource or a data source,
// with its planned change.
type Resource struct {
	// Address is the full instance address exactly as the plan writes it,
	// e.g. module.app["blue"].aws_db_instance.main[0].
	Address string
	// ModuleAddress is the module instance path, "" at the root.
	ModuleAddress string
	Mode          tfjson.ResourceMode
	Type          string
	Name          string
	// Index is the count (float64) or for_each (string) key, or nil.
	Index        any
	ProviderName string
	DeposedKey   string
	Actions      tfjson.Actions
	// ActionReason is Terraform's reason for the action, such as
	// replace_because_cannot_update (plans from Terraform 1.2 on).
	ActionReason string
	// ReplacePaths lists the attribute paths that force a replacement.
	ReplacePaths []Path

	// addr is Address read once, when the plan is indexed, and
	// configAddr its configuration address.
	addr       Address
	configAddr string

	Before, After                   any
	AfterUnknown                    any
	BeforeSensitive, AfterSensitive any

	// Config is the resource block in the plan's configuration, or nil.
	Config *tfjson.ConfigResource
	// ConfigComplete is set when Config is known to hold every argument and
	// block the .tf source sets, dynamic blocks included (a directory read
	// statically, or a plan whose .tf files were read beside it), so that
	// an argument missing from it is not set.
	ConfigComplete bool
	// Count is what the input knows of how many instances the resource's
	// block has: always known in a plan; unknown for the one [*] instance
	// of a block whose count or for_each a directory scan cannot evaluate.
	Count Count
	// Static is set when the values come from the configuration alone (a
	// directory read without a plan): an argument it leaves out is null,
	// as Terraform would plan it, not missing from the provider's schema.
	Static bool
}

// Addr is the resource's address, read once when its plan was indexed
// (see Address).
func (r *Resource) Addr() Address {
	if r.addr.text == r.Address && r.addr.typ != "" {
		return r.addr
	}
	// A resource made in code and not indexed (yet): read now.
	return readAddress(r)
}

// ConfigAddress is the address of the resource block: module path and
// resource without instance keys, as module.app.aws_db_instance.main.
func (r *Resource) ConfigAddress() string {
	if r.addr.text == r.Address && r.configAddr != "" {
		return r.configAddr
	}
	_, ca := (&addressIndex{}).read(r)
	return ca
}

// Managed reports whether r is a managed resource (not a data source).
func (r *Resource) Managed() bool { return r.Mode != tfjson.DataResourceMode }

// Exists reports whether the resource instance exists once the plan is
// applied: it is not deleted, and it is not a deposed object.
func (r *Resource) Exists() bool {
	if r.DeposedKey != "" {
		return false
	}
	return !r.Actions.Delete() && !r.Actions.Forget()
}

// Destroyed reports whether the plan destroys the current object: a delete,
// or a replace in either order.
func (r *Resource) Destroyed() bool {
	return r.Actions.Delete() || r.Actions.Replace()
}

// Attr is one attribute of a resource's planned (after) value.
type Attr struct {
	Path Path
	// Value is the planned value; nil when null, absent or unknown.
	Value any
	// Present is false when the attribute is absent from the plan (not in the
	// provider's schema at that version, or omitted because unknown). Of a
	// Static resource every attribute is present: left out, it is null.
	Present bool
	// Unknown is true when the value is known only after apply.
	Unknown bool
	// Sensitive is true when the plan marks the value sensitive.
	Sensitive bool
}

// Attr returns the planned value at path with what the plan says of it.
func (r *Resource) Attr(path ...Step) Attr {
	if readHook.Load() != nil {
		readAttr(r, path)
	}
	v, ok := Lookup(r.After, path)
	a := Attr{Path: Path(path), Value: v, Present: ok || r.Static}
	a.Unknown = markedAt(r.AfterUnknown, a.Path)
	a.Sensitive = markedAt(r.AfterSensitive, a.Path)
	if a.Unknown {
		a.Value = nil
	}
	return a
}

// HasUnknown reports whether the value at path, or anything inside it, is
// known only after apply.
func (r *Resource) HasUnknown(path ...Step) bool {
	if readHook.Load() != nil {
		readAttr(r, path)
	}
	return anyMarked(r.AfterUnknown, Path(path))
}

// Known reports whether the value is known at plan time (null counts as
// known). A value inside which something is unknown is known at its own
// level: use Resource.HasUnknown for that.
func (a Attr) Known() bool { return !a.Unknown }

// Null reports a known null or absent value.
func (a Attr) Null() bool { return !a.Unknown && a.Value == nil }

// Bool returns a known boolean value. Booleans written as strings ("true")
// by older providers count too.
func (a Attr) Bool() (bool, bool) {
	switch v := a.Value.(type) {
	case bool:
		return v, !a.Unknown
	case string:
		if b, err := strconv.ParseBool(v); err == nil {
			return b, !a.Unknown
		}
	}
	return false, false
}

// Number returns a known number. Numbers written as strings count too.
func (a Attr) Number() (float64, bool) {
	switch v := a.Value.(type) {
	case float64:
		return v, !a.Unknown
	case string:
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return f, !a.Unknown
		}
	}
	return 0, false
}

// Str returns a known string value.
func (a Attr) Str() (string, bool) {
	s, ok := a.Value.(string)
	return s, ok && !a.Unknown
}

// List returns a known list (or set) value; nil for anything else.
func (a Attr) List() []any {
	l, _ := a.Value.([]any)
	return l
}

// Object returns a known object (or map) value.
func (a Attr) Object() Object {
	o, _ := a.Value.(Object)
	return o
}

// Strings returns the string elements of a known list.
func (a Attr) Strings() []string {
	var out []string
	for _, e := range a.List() {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// StripKeys returns an address without its instance keys:
// module.a["x"].aws_s3_bucket.b[0] becomes module.a.aws_s3_bucket.b. Text
// that cannot be read as an address is returned as it is.
func StripKeys(addr string) string {
	steps, err := SplitAddress(addr)
	if err != nil {
		return addr
	}
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Name)
	}
	return b.String()
}

// addressIndex reads the addresses of one plan's resources, each module
// instance path once: the resources of a module share it.
type addressIndex struct {
	modules map[string]sharedModule // by module_address
}

// sharedModule is a module instance path read once, and its
// configuration path.
type sharedModule struct {
	inst ModuleInstance
	path string
}

// read reads r's address and gives its configuration address. An address
// that cannot be read is taken from r's own fields (see Address.Parsed):
// r is judged all the same; a module address that cannot be read either
// stays as it is in the configuration address, which then names no block.
func (ix *addressIndex) read(r *Resource) (Address, string) {
	var buf [12]tStep
	shared, known := ix.modules[r.ModuleAddress]
	steps, err := readTraversalInto(buf[:0], r.Address)
	var a Address
	if err == nil {
		a, err = addressOf(r.Address, steps, shared.inst)
	}
	if err != nil {
		if !known {
			m, err := ParseModuleInstance(r.ModuleAddress)
			if err != nil {
				a = unparsedAddress(r, nil)
				return a, formatAddress(r.ModuleAddress, a.data, a.typ, a.name, NoKey)
			}
			shared = sharedModule{inst: m, path: m.Path()}
		}
		a = unparsedAddress(r, shared.inst)
		return a, formatAddress(shared.path, a.data, a.typ, a.name, NoKey)
	}
	if len(a.module) == 0 {
		return a, formatAddress("", a.data, a.typ, a.name, NoKey)
	}
	if !known || !shared.inst.Equal(a.module) {
		shared = sharedModule{inst: a.module, path: a.module.Path()}
		if !known && ix.modules != nil {
			ix.modules[r.ModuleAddress] = shared
		}
	}
	return a, formatAddress(shared.path, a.data, a.typ, a.name, NoKey)
}

// readAddress reads r's address on its own.
func readAddress(r *Resource) Address {
	a, _ := (&addressIndex{}).read(r)
	return a
}
