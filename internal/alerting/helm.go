package alerting

import (
	"strconv"

	"github.com/prodready/terraform-provider-readiness/internal/helmvalues"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// releaseValues merges a helm_release's values documents and set,
// set_list and set_sensitive entries in the Helm provider's order.
func releaseValues(h *model.Resource) *helmvalues.Values {
	v := helmvalues.New()
	docs := h.Attr("values")
	if docs.Unknown {
		v.AddUnknown(helmvalues.Source{Attr: "values"}, "known only after apply")
	}
	for i := range docs.List() {
		a := h.Attr("values", i)
		src := helmvalues.Source{Attr: "values", Index: i, Sensitive: a.Sensitive}
		if s, ok := a.Value.(string); ok && !a.Unknown {
			_ = v.AddYAML(s, src) // an invalid document is opaque: lookups say so
		} else if a.Unknown {
			v.AddUnknown(src, "known only after apply")
		}
	}
	for _, attr := range []string{"set", "set_list", "set_sensitive"} {
		entries := h.Attr(attr)
		if entries.Unknown {
			v.AddUnknown(helmvalues.Source{Attr: attr}, "known only after apply")
			continue
		}
		for i := range entries.List() {
			name, value := h.Attr(attr, i, "name"), h.Attr(attr, i, "value")
			src := helmvalues.Source{Attr: attr, Index: i, Sensitive: attr == "set_sensitive" || value.Sensitive || name.Sensitive}
			n, ok := name.Str()
			if !ok {
				v.AddUnknown(src, "its name is known only after apply")
				continue
			}
			src.Name = n
			if attr == "set_list" {
				_ = v.SetList(n, value.Strings(), value.Unknown || h.HasUnknown(attr, i, "value"), src)
				continue
			}
			typ, _ := h.Attr(attr, i, "type").Str()
			s, _ := value.Str()
			_ = v.Set(n, s, typ, value.Unknown, src)
		}
	}
	return v
}

// flagAt reads a boolean chart value, with the chart's default when no
// layer sets it.
func flagAt(v *helmvalues.Values, dflt bool, path ...any) (val, known bool) {
	res := v.Lookup(path...)
	if res.Unknown {
		return dflt, false
	}
	switch x := res.Value.(type) {
	case bool:
		return x, true
	case string:
		if b, err := strconv.ParseBool(x); err == nil {
			return b, true
		}
		return dflt, false
	case nil:
		return dflt, true
	}
	return dflt, false
}
