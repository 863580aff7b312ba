package model

import (
	"errors"
	"fmt"
)

// Ref is a reference written in a configuration expression, as the plan's
// configuration lists them (aws_subnet.a[0].id, module.vpc.private_subnets,
// var.subnets), read as Terraform's addrs.ParseRef reads one: what it
// refers to, and how many steps (attributes, keys) follow that.
type Ref struct {
	Kind RefKind
	// Type is the resource type of a RefResource or RefData.
	Type string
	// Name is the resource's name, the module call's, or the attribute of
	// var, local, each, count, path or terraform (var.NAME).
	Name string
	// Key is the resource instance key or the module call's key.
	Key Key
	// Output is the output of a module call a RefModule names, "" for the
	// whole call.
	Output string
	// Rest counts the steps after what the reference names: var.x[0].id
	// has two, module.vpc.ids one (after the output ids).
	Rest int
	// Last is the name the reference ends on (id in aws_subnet.a[0].id,
	// private_subnets in module.vpc.private_subnets), "" when it ends on a
	// key.
	Last string
}

// RefKind says what a reference refers to.
type RefKind uint8

// Reference kinds. RefUnreadable is text that is not a reference
// Terraform could write.
const (
	RefUnreadable RefKind = iota
	RefResource
	RefData
	RefModule
	RefVar
	RefLocal
	RefEach
	RefCount
	RefPath
	RefTerraform
	RefSelf
)

// ParseRef reads a reference. Text that is not one gives a Ref of kind
// RefUnreadable and the error.
func ParseRef(text string) (Ref, error) {
	var buf [12]tStep
	steps, err := readTraversalInto(buf[:0], text)
	if err == nil {
		var r Ref
		if r, err = refOf(steps); err == nil {
			r.Last = steps[len(steps)-1].name
			return r, nil
		}
	}
	return Ref{}, fmt.Errorf("read reference %q: %w", text, err)
}

// namedRoots are the roots followed by one name.
var namedRoots = map[string]RefKind{"var": RefVar, "local": RefLocal, "each": RefEach, "count": RefCount, "path": RefPath, "terraform": RefTerraform}

// refOf interprets the steps of a reference.
func refOf(steps []tStep) (Ref, error) {
	// name reads the attribute at steps[i].
	name := func(i int) (string, bool) {
		if i < len(steps) && !steps[i].index {
			return steps[i].name, true
		}
		return "", false
	}
	var r Ref
	root := steps[0].name
	switch root {
	case "self":
		return Ref{Kind: RefSelf, Rest: len(steps) - 1}, nil
	case "var", "local", "each", "count", "path", "terraform":
		n, ok := name(1)
		if !ok {
			return Ref{}, fmt.Errorf("%s must be followed by a name", root)
		}
		return Ref{Kind: namedRoots[root], Name: n, Rest: len(steps) - 2}, nil
	case "module":
		n, ok := name(1)
		if !ok {
			return Ref{}, errors.New("module must be followed by a module name")
		}
		r = Ref{Kind: RefModule, Name: n}
		i := 2
		if i < len(steps) && steps[i].index {
			r.Key = steps[i].key
			i++
		}
		if out, ok := name(i); ok {
			r.Output = out
			i++
		}
		r.Rest = len(steps) - i
		return r, nil
	}
	i := 0
	r.Kind = RefResource
	if root == "data" {
		r.Kind = RefData
		i = 1
	}
	typ, ok1 := name(i)
	n, ok2 := name(i + 1)
	if !ok1 || !ok2 {
		return Ref{}, errors.New("a resource reference is [data.]TYPE.NAME")
	}
	r.Type, r.Name = typ, n
	i += 2
	if i < len(steps) && steps[i].index {
		r.Key = steps[i].key
		i++
	}
	r.Rest = len(steps) - i
	return r, nil
}

// ConfigAddress is the address of the resource block a RefResource or
// RefData names, in the module instance in (keys dropped).
func (r Ref) ConfigAddress(in ModuleInstance) string {
	return formatAddress(in.Path(), r.Kind == RefData, r.Type, r.Name, NoKey)
}
