package hclconfig

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"time"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/convert"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// The collection and string functions Terraform defines itself rather
// than taking from cty's standard library, written after their documented
// behaviour: https://developer.hashicorp.com/terraform/language/functions.

func notNull(rb *cty.RefinementBuilder) *cty.RefinementBuilder { return rb.NotNull() }

// lookupFunc is lookup(map, key, default): the element of a map or the
// attribute of an object, else the default; without a default a missing
// key is an error, which try() turns into its fallback.
var lookupFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "inputMap", Type: cty.DynamicPseudoType, AllowMarked: true, AllowUnknown: true},
		{Name: "key", Type: cty.String, AllowMarked: true, AllowUnknown: true},
	},
	VarParam: &function.Parameter{Name: "default", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true, AllowMarked: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 3 {
			return cty.NilType, fmt.Errorf("lookup() takes two or three arguments, got %d", len(args))
		}
		ty := args[0].Type()
		switch {
		case ty.IsObjectType():
			if !args[1].IsKnown() {
				return cty.DynamicPseudoType, nil
			}
			key, _ := args[1].Unmark()
			if ty.HasAttribute(key.AsString()) {
				return ty.AttributeType(key.AsString()), nil
			}
			if len(args) == 3 {
				return args[2].Type(), nil
			}
			return cty.NilType, function.NewArgErrorf(0, "the given object has no attribute %q", key.AsString())
		case ty.IsMapType():
			if len(args) == 3 {
				if _, err := convert.Convert(args[2], ty.ElementType()); err != nil {
					return cty.NilType, function.NewArgErrorf(2, "the default value must have the same type as the map elements")
				}
			}
			return ty.ElementType(), nil
		}
		return cty.NilType, function.NewArgErrorf(0, "lookup() requires a map as the first argument")
	},
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		m, mapMarks := args[0].Unmark()
		key, keyMarks := args[1].Unmark()
		marks := []cty.ValueMarks{mapMarks, keyMarks}
		if !m.IsKnown() || !key.IsKnown() {
			return cty.UnknownVal(ret).WithMarks(marks...), nil
		}
		k := key.AsString()
		switch {
		case m.Type().IsObjectType() && m.Type().HasAttribute(k):
			return m.GetAttr(k).WithMarks(marks...), nil
		case m.Type().IsMapType() && m.HasIndex(cty.StringVal(k)) == cty.True:
			return m.Index(cty.StringVal(k)).WithMarks(marks...), nil
		}
		if len(args) == 3 {
			def, err := convert.Convert(args[2], ret)
			if err != nil {
				return cty.NilVal, err
			}
			return def.WithMarks(marks...), nil
		}
		if len(keyMarks) > 0 {
			return cty.NilVal, errors.New("lookup failed to find a sensitive key")
		}
		return cty.NilVal, fmt.Errorf("lookup failed to find key %q", k)
	},
})

// coalesceFunc is coalesce(vals...): the first argument that is neither
// null nor an empty string, all converted to one type.
var coalesceFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "vals", Type: cty.DynamicPseudoType, AllowUnknown: true, AllowDynamicType: true, AllowNull: true},
	Type: func(args []cty.Value) (cty.Type, error) {
		types := make([]cty.Type, len(args))
		for i, a := range args {
			types[i] = a.Type()
		}
		ty, _ := convert.UnifyUnsafe(types)
		if ty == cty.NilType {
			return cty.NilType, errors.New("all arguments must have the same type")
		}
		return ty, nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		for _, a := range args {
			v, err := convert.Convert(a, ret)
			if err != nil {
				return cty.NilVal, err
			}
			switch {
			case !v.IsKnown():
				return cty.UnknownVal(ret), nil
			case v.IsNull(), ret == cty.String && v.RawEquals(cty.StringVal("")):
				continue
			}
			return v, nil
		}
		return cty.NilVal, errors.New("no non-null, non-empty-string arguments")
	},
})

// oneFunc is one(list): the only element of a list, set or tuple of one,
// null for none, an error for more.
var oneFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type: func(args []cty.Value) (cty.Type, error) {
		ty := args[0].Type()
		switch {
		case ty.IsListType() || ty.IsSetType():
			return ty.ElementType(), nil
		case ty.IsTupleType() && len(ty.TupleElementTypes()) == 0:
			return cty.DynamicPseudoType, nil
		case ty.IsTupleType() && len(ty.TupleElementTypes()) == 1:
			return ty.TupleElementTypes()[0], nil
		}
		return cty.NilType, errOneElement
	},
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		v := args[0]
		n := v.Length()
		if !n.IsKnown() {
			return cty.UnknownVal(ret), nil
		}
		switch v.LengthInt() {
		case 0:
			return cty.NullVal(ret), nil
		case 1:
			it := v.ElementIterator()
			it.Next()
			_, e := it.Element()
			return e, nil
		}
		return cty.NilVal, errOneElement
	},
})

var errOneElement = function.NewArgErrorf(0, "must be a list, set, or tuple value with either zero or one elements")

// allTrueFunc is alltrue(list): true when every element is true (and for
// none); a null element is false; an unknown one before any false makes
// the result unknown.
var allTrueFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			switch {
			case !e.IsKnown():
				return cty.UnknownVal(cty.Bool), nil
			case e.IsNull() || e.False():
				return cty.False, nil
			}
		}
		return cty.True, nil
	},
})

// anyTrueFunc is anytrue(list): true when some element is true; unknown
// when none is but some are unknown; null elements count as false.
var anyTrueFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.List(cty.Bool)}},
	Type:         function.StaticReturnType(cty.Bool),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		unknown := false
		for it := args[0].ElementIterator(); it.Next(); {
			_, e := it.Element()
			switch {
			case !e.IsKnown():
				unknown = true
			case !e.IsNull() && e.True():
				return cty.True, nil
			}
		}
		if unknown {
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.False, nil
	},
})

// sumFunc is sum(list): the sum of a non-empty list, set or tuple of
// numbers.
var sumFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "list", Type: cty.DynamicPseudoType}},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (ret cty.Value, err error) {
		v := args[0]
		ty := v.Type()
		if !ty.IsListType() && !ty.IsSetType() && !ty.IsTupleType() {
			return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple. Received %s", ty.FriendlyName())
		}
		if v.LengthInt() == 0 {
			return cty.NilVal, function.NewArgErrorf(0, "cannot sum an empty list")
		}
		if !v.IsWhollyKnown() {
			return cty.UnknownVal(cty.Number), nil
		}
		defer func() {
			// big.Float panics adding opposite infinities.
			if r := recover(); r != nil {
				if _, ok := r.(big.ErrNaN); !ok {
					panic(r)
				}
				ret, err = cty.NilVal, errors.New("can't compute sum of opposing infinities")
			}
		}()
		var total cty.Value
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n, err := convert.Convert(e, cty.Number)
			if err != nil || n.IsNull() {
				return cty.NilVal, function.NewArgErrorf(0, "argument must be list, set, or tuple of number values")
			}
			if total == cty.NilVal {
				total = n
				continue
			}
			total = total.Add(n)
		}
		return total, nil
	},
})

// indexFunc is index(list, value): the position of the first element equal
// to value.
var indexFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "list", Type: cty.DynamicPseudoType},
		{Name: "value", Type: cty.DynamicPseudoType},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ty := args[0].Type()
		if !ty.IsListType() && !ty.IsTupleType() {
			return cty.NilVal, errors.New("argument must be a list or tuple")
		}
		if args[0].LengthInt() == 0 {
			return cty.NilVal, errors.New("cannot search an empty list")
		}
		for it := args[0].ElementIterator(); it.Next(); {
			i, e := it.Element()
			eq, err := stdlib.Equal(e, args[1])
			if err != nil {
				return cty.NilVal, err
			}
			if !eq.IsKnown() {
				return cty.UnknownVal(cty.Number), nil
			}
			if eq.True() {
				return i, nil
			}
		}
		return cty.NilVal, errors.New("item not found")
	},
})

// matchkeysFunc is matchkeys(values, keys, searchset): the values whose
// key, at the same index, is in searchset.
var matchkeysFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "values", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "keys", Type: cty.List(cty.DynamicPseudoType)},
		{Name: "searchset", Type: cty.List(cty.DynamicPseudoType)},
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()}); ty == cty.NilType {
			return cty.NilType, errors.New("keys and searchset must be of the same type")
		}
		return args[0].Type(), nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		values := args[0]
		empty := cty.ListValEmpty(ret.ElementType())
		if values.LengthInt() != args[1].LengthInt() {
			return cty.NilVal, errors.New("length of keys and values should be equal")
		}
		ty, _ := convert.UnifyUnsafe([]cty.Type{args[1].Type(), args[2].Type()})
		keys, _ := convert.Convert(args[1], ty)
		search, _ := convert.Convert(args[2], ty)
		if search.LengthInt() == 0 {
			return empty, nil
		}
		if !values.IsWhollyKnown() || !keys.IsWhollyKnown() {
			return cty.UnknownVal(ret), nil
		}
		var out []cty.Value
		for it := keys.ElementIterator(); it.Next(); {
			i, k := it.Element()
			for st := search.ElementIterator(); st.Next(); {
				_, s := st.Element()
				eq, err := stdlib.Equal(k, s)
				if err != nil {
					return cty.NilVal, err
				}
				if !eq.IsKnown() {
					return empty, nil
				}
				if eq.True() {
					out = append(out, values.Index(i))
					break
				}
			}
		}
		if len(out) == 0 {
			return empty, nil
		}
		return cty.ListVal(out), nil
	},
})

// transposeFunc is transpose(map): a map of lists of strings with its
// keys and values swapped, each list sorted.
var transposeFunc = function.New(&function.Spec{
	Params:       []function.Parameter{{Name: "values", Type: cty.Map(cty.List(cty.String))}},
	Type:         function.StaticReturnType(cty.Map(cty.List(cty.String))),
	RefineResult: notNull,
	Impl: func(args []cty.Value, ret cty.Type) (cty.Value, error) {
		if !args[0].IsWhollyKnown() {
			return cty.UnknownVal(ret), nil
		}
		swapped := map[string][]string{}
		for it := args[0].ElementIterator(); it.Next(); {
			k, list := it.Element()
			if list.IsNull() {
				return cty.NilVal, errors.New("input must be a map of lists of strings")
			}
			for lt := list.ElementIterator(); lt.Next(); {
				_, v := lt.Element()
				if v.IsNull() {
					return cty.NilVal, errors.New("input must be a map of lists of strings")
				}
				swapped[v.AsString()] = append(swapped[v.AsString()], k.AsString())
			}
		}
		if len(swapped) == 0 {
			return cty.MapValEmpty(cty.List(cty.String)), nil
		}
		out := make(map[string]cty.Value, len(swapped))
		for k, vs := range swapped {
			sort.Strings(vs)
			list := make([]cty.Value, len(vs))
			for i, v := range vs {
				list[i] = cty.StringVal(v)
			}
			out[k] = cty.ListVal(list)
		}
		return cty.MapVal(out), nil
	},
})

// stringTestFunc is startswith, endswith or strcontains: test(str, arg).
func stringTestFunc(arg string, test func(s, arg string) bool) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{
			{Name: "str", Type: cty.String},
			{Name: arg, Type: cty.String},
		},
		Type:         function.StaticReturnType(cty.Bool),
		RefineResult: notNull,
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return cty.BoolVal(test(args[0].AsString(), args[1].AsString())), nil
		},
	})
}

// timecmpFunc is timecmp(a, b): -1, 0 or 1 as RFC 3339 timestamp a is
// before, the same instant as, or after b.
var timecmpFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "timestamp_a", Type: cty.String},
		{Name: "timestamp_b", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.Number),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		var ts [2]time.Time
		for i := range ts {
			t, err := time.Parse(time.RFC3339, args[i].AsString())
			if err != nil {
				return cty.NilVal, function.NewArgErrorf(i, "not a valid RFC3339 timestamp: %s", err)
			}
			ts[i] = t
		}
		return cty.NumberIntVal(int64(ts[0].Compare(ts[1]))), nil
	},
})

// elementFunc is element(list, index) as Terraform 1.8 has it: cty's, which
// later learnt to count back from the end, refusing a negative index.
var elementFunc = function.New(&function.Spec{
	Params: stdlib.ElementFunc.Params(),
	Type: func(args []cty.Value) (cty.Type, error) {
		if err := nonNegative(args[1]); err != nil {
			return cty.NilType, err
		}
		return stdlib.ElementFunc.ReturnTypeForValues(args)
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return stdlib.ElementFunc.Call(args)
	},
})

func nonNegative(index cty.Value) error {
	index, _ = index.Unmark()
	if index.IsKnown() && !index.IsNull() && index.Type() == cty.Number && index.AsBigFloat().Sign() < 0 {
		return function.NewArgErrorf(1, "cannot use element function with a negative index")
	}
	return nil
}
