package budget

import (
	"github.com/zclconf/go-cty/cty"
)

// size is what a value costs: a step per element or attribute, and the
// bytes of its strings (and of its keys).
type size struct{ steps, bytes int }

func (s size) plus(o size) size { return size{add(s.steps, o.steps), add(s.bytes, o.bytes)} }

// count is the number of elements or attributes of a known collection,
// tuple or object, and 0 for anything else.
func count(v cty.Value) int {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() {
		return 0
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType():
		return len(ty.AttributeTypes())
	case ty.IsListType(), ty.IsSetType(), ty.IsMapType(), ty.IsTupleType():
		return v.LengthInt()
	}
	return 0
}

// text is the length of a known string, and 0 for anything else.
func text(v cty.Value) int {
	v, _ = v.Unmark()
	if !v.IsKnown() || v.IsNull() || v.Type() != cty.String {
		return 0
	}
	return len(v.AsString())
}

// shallow measures a value and its direct elements: the size of what a
// function builds when it only arranges values it was given (reverse,
// sort, keys, split).
func shallow(v cty.Value) size {
	s := size{bytes: text(v)}
	v, _ = v.Unmark()
	if n := count(v); n > 0 {
		s.steps = n
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			s.bytes = add(s.bytes, text(e))
			if k.Type() == cty.String {
				s.bytes = add(s.bytes, text(k))
			}
		}
	}
	return s
}

// deep measures a whole value, stopping once it exceeds limit: the size
// of what a function builds anew (jsondecode, a type conversion).
func deep(v cty.Value, limit size) size {
	var s size
	var walk func(v cty.Value)
	walk = func(v cty.Value) {
		if s.steps > limit.steps || s.bytes > limit.bytes {
			return
		}
		v, _ = v.Unmark()
		s.bytes = add(s.bytes, text(v))
		if count(v) == 0 {
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			s.steps++
			if k.Type() == cty.String {
				s.bytes = add(s.bytes, text(k))
			}
			walk(e)
		}
	}
	walk(v)
	return s
}

// leaves counts what flatten would return: the elements of nested lists,
// sets and tuples, stopping past limit.
func leaves(v cty.Value, limit int) int {
	n := 0
	var walk func(v cty.Value)
	walk = func(v cty.Value) {
		v, _ = v.Unmark()
		ty := v.Type()
		if n > limit || !v.IsKnown() || v.IsNull() || !(ty.IsListType() || ty.IsSetType() || ty.IsTupleType()) {
			n++
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			walk(e)
		}
	}
	v, _ = v.Unmark()
	if count(v) == 0 {
		return 0
	}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		walk(e)
	}
	return n
}

// remaining is what is left of the budget.
func (b *Budget) remaining() size {
	return size{max(0, b.limits.Steps-b.steps), max(0, b.limits.Bytes-b.bytes)}
}
