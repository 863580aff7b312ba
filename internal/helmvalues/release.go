package helmvalues

import (
	"strconv"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// OfRelease merges a helm_release's values documents, then its set,
// set_list and set_sensitive entries, in the Helm provider's order. A
// document or an attribute known only after apply, and a set entry whose
// name is, is an opaque layer; an invalid document is opaque too (Lookup
// says why). set_sensitive entries, and anything the plan marks
// sensitive, are sensitive layers.
func OfRelease(r *model.Resource) *Values {
	v := New()
	docs := r.Attr("values")
	if docs.Unknown {
		v.AddUnknown(Source{Attr: "values"}, "known only after apply")
	}
	for i := range docs.List() {
		a := r.Attr("values", i)
		src := Source{Attr: "values", Index: i, Sensitive: a.Sensitive}
		if s, ok := a.Value.(string); ok && !a.Unknown {
			_ = v.AddYAML(s, src) // an invalid document is opaque: Lookup says so
		} else if a.Unknown {
			v.AddUnknown(src, "known only after apply")
		}
	}
	for _, attr := range []string{"set", "set_list", "set_sensitive"} {
		entries := r.Attr(attr)
		if entries.Unknown {
			v.AddUnknown(Source{Attr: attr}, "known only after apply")
			continue
		}
		for i := range entries.List() {
			name, value := r.Attr(attr, i, "name"), r.Attr(attr, i, "value")
			src := Source{Attr: attr, Index: i, Sensitive: attr == "set_sensitive" || value.Sensitive || name.Sensitive}
			n, ok := name.Str()
			if !ok {
				v.AddUnknown(src, "its name is known only after apply")
				continue
			}
			src.Name = n
			if attr == "set_list" {
				_ = v.SetList(n, value.Strings(), value.Unknown || r.HasUnknown(attr, i, "value"), src)
				continue
			}
			typ, _ := r.Attr(attr, i, "type").Str()
			s, _ := value.Str()
			_ = v.Set(n, s, typ, value.Unknown, src)
		}
	}
	return v
}

// Bool reads the value at path as a chart's boolean switch; see
// Result.Bool.
func (v *Values) Bool(dflt bool, path ...any) (val, known bool) {
	return v.Lookup(path...).Bool(dflt)
}

// Bool reads a lookup's result as a chart's boolean switch: dflt (what the
// chart's values.yaml gives it) when no layer sets it, a boolean as set,
// and a string strconv.ParseBool reads ("true", "false") as it reads it.
// known is false (and val is dflt) when a layer the plan cannot show may
// set it, for an explicit null (a chart's template reads it as false, a
// dependency's condition as unset) and for any other value.
func (r Result) Bool(dflt bool) (val, known bool) {
	switch {
	case r.Unknown:
		return dflt, false
	case !r.Found:
		return dflt, true
	}
	switch x := r.Value.(type) {
	case bool:
		return x, true
	case string:
		if b, err := strconv.ParseBool(x); err == nil {
			return b, true
		}
	}
	return dflt, false
}
