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

	// The address as read once, when the plan is indexed (see Addr): how
	// it was read, the module (shared by the module's resources), and the
	// parts when they are not those of the fields above. A resource's
	// address must not change once its plan is indexed.
	addrRead   addrRead
	addrModule *sharedModule
	addrOdd    *Address

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
	switch r.addrRead {
	case addrAsFields, addrAsFieldsUnknownKey:
		a := Address{text: r.Address, typ: r.Type, name: r.Name, data: r.Mode == tfjson.DataResourceMode, parsed: true}
		if r.addrModule != nil {
			a.module = r.addrModule.inst
		}
		a.key, _ = KeyOf(r.Index)
		if r.addrRead == addrAsFieldsUnknownKey {
			a.key = UnknownKey
		}
		return a
	case addrOwnParts:
		return *r.addrOdd
	}
	// A resource made in code and not indexed (yet): read now.
	a, _ := (&addressIndex{}).read(r)
	return a
}

// ConfigAddress is the address of the resource block: module path and
// resource without instance keys, as module.app.aws_db_instance.main. The
// module path is that of Addr, or the module address as it is when neither
// the address nor it can be read: a configuration address that then names
// no block.
func (r *Resource) ConfigAddress() string {
	var a Address
	m := r.addrModule
	if r.addrRead == addrNotRead {
		a, m = (&addressIndex{}).read(r)
	} else {
		a = r.Addr()
	}
	path := ""
	if m != nil {
		path = m.path
	}
	return formatAddress(path, a.data, a.typ, a.name, NoKey)
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

// addrRead says how a resource's address was read when its plan was
// indexed.
type addrRead uint8

const (
	addrNotRead addrRead = iota
	// The address says what the resource's fields say (type, name, mode,
	// index): Addr builds it from them, and keeps nothing but the module.
	addrAsFields
	// The same, with the [*] key of an instance whose count is unknown.
	addrAsFieldsUnknownKey
	// The address says otherwise, or cannot be read: its own parts are
	// kept (addrOdd).
	addrOwnParts
)

// addressIndex reads the addresses of one plan's resources, each module
// instance path once: the resources of a module share it.
type addressIndex struct {
	modules map[string]*sharedModule // by module_address
}

// sharedModule is a module instance path read once, and its
// configuration path (the module address as it is, when it cannot be
// read: a configuration address with it names no block).
type sharedModule struct {
	inst ModuleInstance
	path string
}

// index reads r's address and records it in r (see Addr), returning its
// configuration address.
func (ix *addressIndex) index(r *Resource) string {
	a, m := ix.read(r)
	r.addrModule = m
	fields, _ := KeyOf(r.Index)
	asFields := a.parsed && a.typ == r.Type && a.name == r.Name && a.data == (r.Mode == tfjson.DataResourceMode)
	switch {
	case asFields && a.key == fields:
		r.addrRead, r.addrOdd = addrAsFields, nil
	case asFields && a.key.Unknown() && r.Index == nil:
		r.addrRead, r.addrOdd = addrAsFieldsUnknownKey, nil
	default:
		r.addrRead, r.addrOdd = addrOwnParts, &a
	}
	return r.ConfigAddress()
}

// read reads r's address, and gives the module it is in (nil at the
// root). An address that cannot be read is taken from r's own fields (see
// Address.Parsed): r is judged all the same.
func (ix *addressIndex) read(r *Resource) (Address, *sharedModule) {
	var buf [12]tStep
	shared := ix.modules[r.ModuleAddress]
	var known ModuleInstance
	if shared != nil {
		known = shared.inst
	}
	steps, err := readTraversalInto(buf[:0], r.Address)
	var a Address
	if err == nil {
		a, err = addressOf(r.Address, steps, known)
	}
	if err != nil {
		if shared == nil && r.ModuleAddress != "" {
			shared = &sharedModule{path: r.ModuleAddress}
			if m, err := ParseModuleInstance(r.ModuleAddress); err == nil {
				shared = &sharedModule{inst: m, path: m.Path()}
			}
			ix.remember(r.ModuleAddress, shared)
		}
		var m ModuleInstance
		if shared != nil {
			m = shared.inst
		}
		return unparsedAddress(r, m), shared
	}
	if len(a.module) == 0 {
		return a, nil
	}
	if shared == nil || !shared.inst.Equal(a.module) {
		fresh := &sharedModule{inst: a.module, path: a.module.Path()}
		if shared == nil {
			ix.remember(r.ModuleAddress, fresh)
		}
		shared = fresh
	}
	return a, shared
}

func (ix *addressIndex) remember(moduleAddress string, m *sharedModule) {
	if ix.modules != nil {
		ix.modules[moduleAddress] = m
	}
}
