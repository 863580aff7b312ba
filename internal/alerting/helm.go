package alerting

import (
	"strconv"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// values is what a helm_release says of its chart values: its values
// documents merged in order, then its set entries.
type values struct {
	doc any
	// unknown: a values document or a set entry is known only after apply.
	unknown bool
}

// helmValues merges a release's values (a list of YAML documents, later
// ones winning) and set entries (name a.b.c, value; helm provider 2.x
// blocks and 3.x objects alike). A document that cannot be read leaves the
// values unknown.
func helmValues(r *model.Resource) values {
	out := values{doc: map[string]any{}}
	if r.Attr("values").Unknown {
		out.unknown = true
	}
	for i, e := range r.Attr("values").List() {
		s, ok := e.(string)
		if !ok || r.Attr("values", i).Unknown {
			out.unknown = true
			continue
		}
		doc, err := decodeYAML(s)
		if err != nil {
			out.unknown = true
			continue
		}
		out.doc = merge(out.doc, doc)
	}
	set := r.Attr("set")
	if set.Unknown {
		out.unknown = true
	}
	for i := range set.List() {
		name, _ := r.Attr("set", i, "name").Str()
		v := r.Attr("set", i, "value")
		if v.Unknown {
			out.unknown = true
			continue
		}
		if name != "" {
			out.doc = assign(out.doc, splitSetName(name), v.Value)
		}
	}
	return out
}

// merge deep-merges b into a (maps merge, anything else is replaced).
func merge(a, b any) any {
	am, ok1 := a.(map[string]any)
	bm, ok2 := b.(map[string]any)
	if !ok1 || !ok2 {
		if b == nil {
			return a
		}
		return b
	}
	for k, v := range bm {
		am[k] = merge(am[k], v)
	}
	return am
}

// assign sets a value at a path of map keys, making maps on the way.
func assign(doc any, path []string, v any) any {
	m, ok := doc.(map[string]any)
	if !ok {
		m = map[string]any{}
	}
	if len(path) == 0 {
		return v
	}
	m[path[0]] = assign(m[path[0]], path[1:], v)
	return m
}

// splitSetName splits a set entry's name at dots, keeping escaped ones
// (a\.b is one key).
func splitSetName(name string) []string {
	var out []string
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		switch {
		case name[i] == '\\' && i+1 < len(name):
			i++
			b.WriteByte(name[i])
		case name[i] == '.':
			out = append(out, b.String())
			b.Reset()
		default:
			b.WriteByte(name[i])
		}
	}
	return append(out, b.String())
}

// flagAt reads a boolean chart value (true, or the strings set writes),
// with the chart's default when unset.
func (v values) flagAt(dflt bool, path ...string) (val, known bool) {
	x := getPath(v.doc, path...)
	switch x := x.(type) {
	case bool:
		return x, true
	case string:
		if b, err := strconv.ParseBool(x); err == nil {
			return b, true
		}
	case nil:
		return dflt, !v.unknown
	}
	return dflt, false
}
