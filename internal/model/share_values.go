package model

import "math"

// shareUnchanged returns after with every part equal to the same part of
// before replaced by before's, so that a resource the plan leaves alone,
// or changes in a few attributes, holds its values once, not twice: most
// of a real plan's resources are unchanged (no-op), and their before and
// after values are the same. equal reports whether after equals before
// as a whole, in which case before itself is returned.
//
// after must be freshly read and the caller's alone: its objects and lists
// are changed in place. Values are never changed once read, so that before
// and after may share them.
func shareUnchanged(before, after any) (shared any, equal bool) {
	switch a := after.(type) {
	case Object:
		b, ok := before.(Object)
		if !ok {
			return after, false
		}
		equal = len(a) == len(b)
		var byName map[string]int // b's members, once they are out of step
		for i := range a {
			var was any
			found := false
			if i < len(b) && b[i].Name == a[i].Name {
				was, found = b[i].Value, true
			} else {
				equal = false
				if byName == nil {
					byName = make(map[string]int, len(b))
					for j := len(b) - 1; j >= 0; j-- { // the first of a name wins, as in Get
						byName[b[j].Name] = j
					}
				}
				var j int
				if j, found = byName[a[i].Name]; found {
					was = b[j].Value
				}
			}
			if !found {
				equal = false
				continue
			}
			v, same := shareUnchanged(was, a[i].Value)
			a[i].Value = v
			equal = equal && same
		}
		if equal {
			return before, true
		}
		return after, false
	case []any:
		b, ok := before.([]any)
		if !ok {
			return after, false
		}
		equal = len(a) == len(b)
		for i := range a {
			if i >= len(b) {
				break
			}
			v, same := shareUnchanged(b[i], a[i])
			a[i] = v
			equal = equal && same
		}
		if equal {
			return before, true
		}
		return after, false
	case string:
		if b, ok := before.(string); ok && b == a {
			return before, true
		}
	case float64:
		if b, ok := before.(float64); ok && math.Float64bits(b) == math.Float64bits(a) { // -0 is not 0
			return before, true
		}
	case bool:
		if b, ok := before.(bool); ok && b == a {
			return before, true
		}
	case nil:
		return nil, before == nil
	}
	return after, false
}
