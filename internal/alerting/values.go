package alerting

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Values read here come from two places: planned attributes (model.Object
// for maps and objects, []any for lists) and documents embedded in
// strings (YAML rule files, JSON query models), decoded to map[string]any.
// The accessors below read both alike.

// get returns a member of an object or map, or nil.
func get(v any, key string) any {
	switch o := v.(type) {
	case model.Object:
		x, _ := o.Get(key)
		return x
	case map[string]any:
		return o[key]
	}
	return nil
}

// getPath follows keys through nested objects.
func getPath(v any, keys ...string) any {
	for _, k := range keys {
		v = get(v, k)
	}
	return v
}

// list returns a list, or nil.
func list(v any) []any {
	l, _ := v.([]any)
	return l
}

// str returns a string, or "".
func str(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case float64:
		return strconv.FormatFloat(s, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(s)
	}
	return ""
}

// fields lists an object's or map's members as name-value pairs, in the
// plan's order (maps decoded from documents in no particular order).
func fields(v any) []model.Field {
	switch o := v.(type) {
	case model.Object:
		return o
	case map[string]any:
		out := make([]model.Field, 0, len(o))
		for k, x := range o {
			out = append(out, model.Field{Name: k, Value: x})
		}
		return out
	}
	return nil
}

// stringMap reads an object of strings (labels, annotations, tags).
func stringMap(v any) map[string]string {
	out := map[string]string{}
	for _, f := range fields(v) {
		if s, ok := f.Value.(string); ok {
			out[f.Name] = s
		}
	}
	return out
}

// errTooDeep: a document nests deeper than any rule file or values file
// does; it is not read (the YAML decoder recurses per level).
var errTooDeep = errors.New("document nests too deeply")

// maxDepth bounds how deep an embedded document may nest.
const maxDepth = 64

// decodeYAML decodes a YAML (or JSON) document to Go values.
func decodeYAML(src string) (any, error) {
	if tooDeep(src) {
		return nil, errTooDeep
	}
	ty, err := ctyyaml.Standard.ImpliedType([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("read YAML: %w", err)
	}
	v, err := ctyyaml.Standard.Unmarshal([]byte(src), ty)
	if err != nil {
		return nil, fmt.Errorf("read YAML: %w", err)
	}
	if v.IsNull() {
		return nil, nil
	}
	b, err := ctyjson.Marshal(v, v.Type())
	if err != nil {
		return nil, fmt.Errorf("read YAML: %w", err)
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("read YAML: %w", err)
	}
	return out, nil
}

// decodeJSON decodes a JSON document (a Grafana query model).
func decodeJSON(src string) (any, error) {
	if tooDeep(src) {
		return nil, errTooDeep
	}
	var out any
	if err := json.Unmarshal([]byte(src), &out); err != nil {
		return nil, fmt.Errorf("read JSON: %w", err)
	}
	return out, nil
}

// tooDeep bounds nesting generously: by brackets for flow style and by
// indentation for block style.
func tooDeep(src string) bool {
	depth := 0
	for _, c := range src {
		switch c {
		case '{', '[':
			depth++
			if depth > maxDepth {
				return true
			}
		case '}', ']':
			depth--
		}
	}
	for _, line := range strings.Split(src, "\n") {
		if len(line)-len(strings.TrimLeft(line, " -")) > 2*maxDepth {
			return true
		}
	}
	return false
}
