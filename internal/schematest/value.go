package schematest

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/zclconf/go-cty/cty"
)

// A Problem is one way a value or a marks tree differs from its schema.
type Problem struct {
	Path string // "after.settings[0].tier"
	What string
}

func (p Problem) String() string { return p.Path + ": " + p.What }

// A Value is one object of a resource instance as a fixture writes it
// (a change's before or after, a state's values), decoded with
// json.Decoder.UseNumber, with the marks trees written beside it.
type Value struct {
	Name   string // "after"
	Object any    // nil when the fixture writes null
	Marks  []Marks
}

// Marks is a tree of true/false marks over a value: after_unknown,
// before_sensitive, after_sensitive, sensitive_values.
type Marks struct {
	Name    string // "after_unknown"
	Tree    any
	Unknown bool // marks values known only after apply, which the value leaves out
}

// Check returns every difference between v and its type's schema: members
// that are no attribute or block of the type, blocks not written as
// terraform show -json writes their nesting mode, primitive values of the
// wrong JSON kind, and marks on paths the schema does not have. A value may
// leave attributes out (a fixture is trimmed to what its tests need).
//
// mode is "data" for a data source: Terraform does not normalise what a
// data source reads, so its list and set blocks may be null (real plans 004
// and 006: aws_vpc's filter), where a managed resource's are [] when empty.
func Check(mode, typ string, s *tfjson.Schema, v Value) []Problem {
	c := &checker{typ: typ, data: mode == "data"}
	var unknown any
	for _, m := range v.Marks {
		if m.Unknown {
			unknown = m.Tree
		}
	}
	if v.Object != nil {
		c.block(s.Block, v.Name, v.Object, unknown)
	}
	for _, m := range v.Marks {
		c.marks = m
		switch m.Tree.(type) {
		case nil, bool:
			// false for a null value, or the whole object
		default:
			c.blockMarks(s.Block, m.Name, m.Tree, v.Object, v.Object != nil)
		}
		if !m.Unknown && m.Tree != nil && v.Object != nil {
			c.sensitive(s.Block, m.Name, v.Object, m.Tree)
		}
	}
	return c.problems
}

type checker struct {
	typ      string
	data     bool
	marks    Marks
	problems []Problem
}

func (c *checker) problem(path, format string, args ...any) {
	c.problems = append(c.problems, Problem{Path: path, What: fmt.Sprintf(format, args...)})
}

func (c *checker) notInSchema(path string) {
	c.problem(path, "not an attribute or block of %s", c.typ)
}

func attrPath(path, name string) string { return path + "." + name }
func indexPath(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}
func keyPath(path, key string) string { return path + "[" + strconv.Quote(key) + "]" }

// kind names a JSON value's kind, with a short quote of it.
func kind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("a bool (%t)", v)
	case json.Number:
		return "a number (" + shorten(v.String()) + ")"
	case float64:
		return fmt.Sprintf("a number (%v)", v)
	case string:
		return "a string (" + strconv.Quote(shorten(v)) + ")"
	case []any:
		return fmt.Sprintf("an array of %d", len(v))
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:37]) + "..."
	}
	return s
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

func child(marks any, key string) any {
	if m, ok := marks.(map[string]any); ok {
		return m[key]
	}
	return marks
}

func elem(marks any, i int) any {
	if m, ok := marks.([]any); ok && i < len(m) {
		return m[i]
	}
	return marks
}

// block checks an object written for a block (or a nested attribute's
// object), given the after_unknown marks over it.
func (c *checker) block(b *tfjson.SchemaBlock, path string, v, unknown any) {
	obj, ok := v.(map[string]any)
	if !ok {
		c.problem(path, "%s, not an object", kind(v))
		return
	}
	for _, k := range sortedKeys(obj) {
		p := attrPath(path, k)
		if a, ok := b.Attributes[k]; ok {
			c.attribute(a, p, obj[k], child(unknown, k))
		} else if bt, ok := b.NestedBlocks[k]; ok {
			c.nestedBlock(bt, p, obj[k], child(unknown, k))
		} else {
			c.notInSchema(p)
		}
	}
}

func (c *checker) attribute(a *tfjson.SchemaAttribute, path string, v, unknown any) {
	if nt := a.AttributeNestedType; nt != nil {
		if v == nil {
			return
		}
		c.nested(string(nt.NestingMode), "nested attribute", &tfjson.SchemaBlock{Attributes: nt.Attributes}, 0, path, v, unknown)
		return
	}
	c.value(a.AttributeType, path, v, unknown)
}

func (c *checker) nestedBlock(bt *tfjson.SchemaBlockType, path string, v, unknown any) {
	mode := string(bt.NestingMode)
	if v == nil {
		switch bt.NestingMode {
		case tfjson.SchemaNestingModeSingle:
		case tfjson.SchemaNestingModeGroup:
			c.problem(path, "null, but Terraform writes a group block as an object, never null")
		default:
			if c.data {
				return
			}
			// Terraform's own rule (objchange.AssertPlanValid).
			empty := "[]"
			if bt.NestingMode == tfjson.SchemaNestingModeMap {
				empty = "{}"
			}
			c.problem(path, "null, but Terraform writes a %s block with no blocks as %s, never null", mode, empty)
		}
		return
	}
	c.nested(mode, mode+" block", bt.Block, bt.MaxItems, path, v, unknown)
}

// nested checks a block's, or a nested attribute's, value by nesting mode:
// an object for single and group, a JSON array of objects for list and set,
// an object of objects for map.
func (c *checker) nested(mode, what string, b *tfjson.SchemaBlock, maxItems uint64, path string, v, unknown any) {
	switch mode {
	case "single", "group":
		c.block(b, path, v, unknown)
	case "list", "set":
		arr, ok := v.([]any)
		if !ok {
			c.problem(path, "%s, but a %s is a JSON array of objects", kind(v), what)
			return
		}
		if maxItems > 0 && uint64(len(arr)) > maxItems {
			c.problem(path, "%d blocks, but the schema allows at most %d", len(arr), maxItems)
		}
		for i, e := range arr {
			u := elem(unknown, i)
			if e == nil {
				if u != true {
					c.problem(indexPath(path, i), "null, but a %s's elements are objects (null only for an element after_unknown marks)", what)
				}
				continue
			}
			c.block(b, indexPath(path, i), e, u)
		}
	case "map":
		obj, ok := v.(map[string]any)
		if !ok {
			c.problem(path, "%s, but a %s is an object of objects", kind(v), what)
			return
		}
		for _, k := range sortedKeys(obj) {
			c.block(b, keyPath(path, k), obj[k], child(unknown, k))
		}
	default:
		c.problem(path, "nesting mode %q unknown to this test", mode)
	}
}

// value checks an attribute's value against its type. Null is every type's
// value when unset (and, in a change's after, an unknown element of a list).
func (c *checker) value(ty cty.Type, path string, v, unknown any) {
	if v == nil || ty == cty.DynamicPseudoType || ty == cty.NilType {
		return
	}
	wrong := func(want string) { c.problem(path, "%s, but the attribute is %s", kind(v), want) }
	switch {
	case ty == cty.String:
		if _, ok := v.(string); !ok {
			wrong("a string")
		}
	case ty == cty.Number:
		switch v.(type) {
		case json.Number, float64:
		default:
			wrong("a number")
		}
	case ty == cty.Bool:
		if _, ok := v.(bool); !ok {
			wrong("a bool")
		}
	case ty.IsListType() || ty.IsSetType():
		arr, ok := v.([]any)
		if !ok {
			wrong("a " + ty.FriendlyName())
			return
		}
		for i, e := range arr {
			c.value(ty.ElementType(), indexPath(path, i), e, elem(unknown, i))
		}
	case ty.IsTupleType():
		arr, ok := v.([]any)
		types := ty.TupleElementTypes()
		if !ok || len(arr) != len(types) {
			wrong(fmt.Sprintf("a tuple of %d", len(types)))
			return
		}
		for i, e := range arr {
			c.value(types[i], indexPath(path, i), e, elem(unknown, i))
		}
	case ty.IsMapType():
		obj, ok := v.(map[string]any)
		if !ok {
			wrong("a " + ty.FriendlyName())
			return
		}
		for _, k := range sortedKeys(obj) {
			c.value(ty.ElementType(), keyPath(path, k), obj[k], child(unknown, k))
		}
	case ty.IsObjectType():
		obj, ok := v.(map[string]any)
		if !ok {
			wrong("an object")
			return
		}
		for _, k := range sortedKeys(obj) {
			if !ty.HasAttribute(k) {
				c.problem(attrPath(path, k), "not an attribute of this object (%s)", ty.FriendlyName())
				continue
			}
			c.value(ty.AttributeType(k), attrPath(path, k), obj[k], child(unknown, k))
		}
	}
}

// A marks tree names the values it marks by the same path as the value:
// true or false for a whole value, else an object for blocks, objects and
// maps, an array for lists, sets and tuples (one mark per element).

func (c *checker) blockMarks(b *tfjson.SchemaBlock, path string, m, v any, present bool) {
	obj, ok := m.(map[string]any)
	if !ok {
		c.leafMark(path, m, v, present, "an object")
		return
	}
	vobj, _ := v.(map[string]any)
	for _, k := range sortedKeys(obj) {
		p := attrPath(path, k)
		x, has := vobj[k]
		if a, ok := b.Attributes[k]; ok {
			if nt := a.AttributeNestedType; nt != nil {
				c.nestedMarks(string(nt.NestingMode), &tfjson.SchemaBlock{Attributes: nt.Attributes}, p, obj[k], x, has)
			} else {
				c.typeMarks(a.AttributeType, p, obj[k], x, has)
			}
		} else if bt, ok := b.NestedBlocks[k]; ok {
			c.nestedMarks(string(bt.NestingMode), bt.Block, p, obj[k], x, has)
		} else {
			c.notInSchema(p)
		}
	}
}

// leafMark accepts true or false (the whole value) where a primitive's
// mark, or a collection of marks (want: "an array", "an object"), stands.
func (c *checker) leafMark(path string, m, v any, present bool, want string) {
	b, ok := m.(bool)
	switch {
	case !ok && want == "":
		c.problem(path, "%s, but a mark here is true or false", kind(m))
		return
	case !ok:
		c.problem(path, "%s, but a mark here is true, false or %s", kind(m), want)
		return
	}
	if b && c.marks.Unknown && present && v != nil {
		c.problem(path, "marked unknown, but the value is known (%s): terraform show -json leaves unknown values out", kind(v))
	}
}

func (c *checker) nestedMarks(mode string, b *tfjson.SchemaBlock, path string, m, v any, present bool) {
	switch mode {
	case "single", "group":
		c.blockMarks(b, path, m, v, present)
	case "list", "set":
		arr, ok := m.([]any)
		if !ok {
			c.leafMark(path, m, v, present, "an array")
			return
		}
		c.enoughMarks(path, arr, v, present, mode == "set")
		varr, _ := v.([]any)
		for i, e := range arr {
			var x any
			if i < len(varr) {
				x = varr[i]
			}
			c.blockMarks(b, indexPath(path, i), e, x, i < len(varr))
		}
	case "map":
		obj, ok := m.(map[string]any)
		if !ok {
			c.leafMark(path, m, v, present, "an object")
			return
		}
		vobj, _ := v.(map[string]any)
		for _, k := range sortedKeys(obj) {
			x, has := vobj[k]
			c.blockMarks(b, keyPath(path, k), obj[k], x, has)
		}
	}
}

// enoughMarks: an array of marks has one mark per element of the value
// (Terraform's unknownAsBool and sensitiveAsBool), none for a value that
// is null or unknown. A set may have more marks than elements: Terraform
// leaves a set's unknown elements out of after (real plan 003).
func (c *checker) enoughMarks(path string, marks []any, v any, present, set bool) {
	varr, ok := v.([]any)
	switch {
	case ok && (len(marks) < len(varr) || !set && len(marks) != len(varr)):
		c.problem(path, "%d marks for %d elements", len(marks), len(varr))
	case !ok && len(marks) > 0 && !present:
		c.problem(path, "%d marks, but the value is unknown (terraform show -json marks no element of an unknown collection)", len(marks))
	case !ok && len(marks) > 0:
		c.problem(path, "%d marks, but the value is %s", len(marks), kind(v))
	}
}

func (c *checker) typeMarks(ty cty.Type, path string, m, v any, present bool) {
	if ty == cty.DynamicPseudoType || ty == cty.NilType {
		return
	}
	switch {
	case ty.IsPrimitiveType():
		c.leafMark(path, m, v, present, "")
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		arr, ok := m.([]any)
		if !ok {
			c.leafMark(path, m, v, present, "an array")
			return
		}
		c.enoughMarks(path, arr, v, present, ty.IsSetType())
		varr, _ := v.([]any)
		for i, e := range arr {
			var x any
			if i < len(varr) {
				x = varr[i]
			}
			et := cty.DynamicPseudoType
			switch {
			case ty.IsTupleType() && i < ty.Length():
				et = ty.TupleElementType(i)
			case !ty.IsTupleType():
				et = ty.ElementType()
			}
			c.typeMarks(et, indexPath(path, i), e, x, i < len(varr))
		}
	case ty.IsMapType() || ty.IsObjectType():
		obj, ok := m.(map[string]any)
		if !ok {
			c.leafMark(path, m, v, present, "an object")
			return
		}
		vobj, _ := v.(map[string]any)
		for _, k := range sortedKeys(obj) {
			x, has := vobj[k]
			if ty.IsMapType() {
				c.typeMarks(ty.ElementType(), keyPath(path, k), obj[k], x, has)
				continue
			}
			if !ty.HasAttribute(k) {
				c.problem(attrPath(path, k), "not an attribute of this object (%s)", ty.FriendlyName())
				continue
			}
			c.typeMarks(ty.AttributeType(k), attrPath(path, k), obj[k], x, has)
		}
	}
}

// sensitive reports the attributes the schema calls sensitive that a
// value holds (null or not) and its sensitive marks do not mark: Terraform
// marks each of them true in before_sensitive, after_sensitive and
// sensitive_values (configschema.Block.ValueMarks), and redaction relies on
// it.
func (c *checker) sensitive(b *tfjson.SchemaBlock, path string, v, marks any) {
	if marks == true {
		return
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return
	}
	for _, k := range sortedKeys(obj) {
		m := child(marks, k)
		if m == true {
			continue
		}
		var inner *tfjson.SchemaBlock
		var mode tfjson.SchemaNestingMode
		if a, ok := b.Attributes[k]; ok {
			if a.Sensitive {
				c.problem(attrPath(path, k), "not marked, but the attribute is sensitive")
			}
			if nt := a.AttributeNestedType; nt != nil {
				inner, mode = &tfjson.SchemaBlock{Attributes: nt.Attributes}, nt.NestingMode
			}
		} else if bt, ok := b.NestedBlocks[k]; ok {
			inner, mode = bt.Block, bt.NestingMode
		}
		if inner == nil {
			continue
		}
		p := attrPath(path, k)
		switch x := obj[k].(type) {
		case []any:
			for i, e := range x {
				c.sensitive(inner, indexPath(p, i), e, elem(m, i))
			}
		case map[string]any:
			if mode == tfjson.SchemaNestingModeMap {
				for _, kk := range sortedKeys(x) {
					c.sensitive(inner, keyPath(p, kk), x[kk], child(m, kk))
				}
			} else {
				c.sensitive(inner, p, x, m)
			}
		}
	}
}
