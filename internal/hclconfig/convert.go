package hclconfig

import (
	"github.com/zclconf/go-cty/cty"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// toModel turns a cty value into the model's compact values as a plan
// would hold them, with its after_unknown and after_sensitive trees: true
// where the value is unknown or sensitive, nested objects and lists where
// something below is, nil where nothing is. As in plans, an unknown
// attribute of an object is left out of the value, and an unknown element
// of a list is null.
func toModel(v cty.Value) (value, unknown, sensitive any) {
	plain, pvm := v.UnmarkDeepWithPaths()
	for _, pm := range pvm {
		if _, ok := pm.Marks[sensitiveMark]; ok {
			sensitive = setMark(sensitive, pm.Path)
		}
	}
	value, unknown = plainValue(plain)
	return value, unknown, sensitive
}

func plainValue(v cty.Value) (value, unknown any) {
	switch {
	case !v.IsKnown():
		return nil, true
	case v.IsNull():
		return nil, nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return v.AsString(), nil
	case ty == cty.Bool:
		return v.True(), nil
	case ty == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		return f, nil
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		list := make([]any, 0, v.LengthInt())
		var marks []any
		some := false
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			ev, eu := plainValue(e)
			list = append(list, ev)
			if eu != nil {
				some = true
			}
			marks = append(marks, orFalse(eu))
		}
		if some {
			return list, marks
		}
		return list, nil
	case ty.IsMapType() || ty.IsObjectType():
		obj := model.Object{}
		var marks model.Object
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			name := k.AsString()
			ev, eu := plainValue(e)
			if eu != nil {
				marks = append(marks, model.Field{Name: name, Value: eu})
			}
			if eu == true {
				continue // unknown: left out, as plans do
			}
			obj = append(obj, model.Field{Name: name, Value: ev})
		}
		if marks != nil {
			return obj, marks
		}
		return obj, nil
	}
	return nil, true // capsules and the like: nothing a plan would show
}

func orFalse(v any) any {
	if v == nil {
		return false
	}
	return v
}

// setMark sets true at path in a marks tree.
func setMark(tree any, path cty.Path) any {
	if len(path) == 0 {
		return true
	}
	if b, ok := tree.(bool); ok && b {
		return tree
	}
	switch st := path[0].(type) {
	case cty.GetAttrStep:
		return setField(tree, st.Name, path[1:])
	case cty.IndexStep:
		if st.Key.Type() == cty.String {
			return setField(tree, st.Key.AsString(), path[1:])
		}
		if st.Key.Type() == cty.Number && st.Key.IsKnown() {
			i, _ := st.Key.AsBigFloat().Int64()
			list, _ := tree.([]any)
			for int64(len(list)) <= i {
				list = append(list, false)
			}
			list[i] = setMark(list[i], path[1:])
			return list
		}
	}
	return true
}

func setField(tree any, name string, rest cty.Path) any {
	obj, _ := tree.(model.Object)
	for i := range obj {
		if obj[i].Name == name {
			obj[i].Value = setMark(obj[i].Value, rest)
			return obj
		}
	}
	return append(obj, model.Field{Name: name, Value: setMark(nil, rest)})
}
