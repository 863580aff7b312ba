package model

// A value decoded from plan JSON is one of: nil, bool, float64, string,
// []any or Object. Objects keep their fields in document order in a slice,
// which costs far less memory than a map on plans with 50,000 resources.

// Object is a JSON object.
type Object []Field

// Field is one member of an Object.
type Field struct {
	Name  string
	Value any
}

// Get returns the member called name and whether it is present. A present
// member may hold nil (JSON null).
func (o Object) Get(name string) (any, bool) {
	if readHook.Load() != nil {
		readMember(o, name)
	}
	for i := range o {
		if o[i].Name == name {
			return o[i].Value, true
		}
	}
	return nil, false
}

// Step is one step of a Path: a string (object member) or an int (list
// element).
type Step = any

// Path addresses a value inside a resource, as in
// Path{"root_block_device", 0, "encrypted"}.
type Path []Step

// String renders a path the way Terraform users write it:
// root_block_device[0].encrypted.
func (p Path) String() string {
	if len(p) == 1 {
		if s, ok := p[0].(string); ok {
			return s // the commonest path, without a copy
		}
	}
	var buf [64]byte
	b := buf[:0]
	for _, s := range p {
		switch s := s.(type) {
		case int:
			b = append(b, '[')
			b = appendInt(b, s)
			b = append(b, ']')
		case string:
			if len(b) > 0 {
				b = append(b, '.')
			}
			b = append(b, s...)
		}
	}
	return string(b)
}

func appendInt(b []byte, n int) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return append(b, tmp[i:]...)
}

// step descends one step into v.
func step(v any, s Step) (any, bool) {
	switch s := s.(type) {
	case string:
		if o, ok := v.(Object); ok {
			return o.Get(s)
		}
	case int:
		if l, ok := v.([]any); ok && s >= 0 && s < len(l) {
			return l[s], true
		}
	}
	return nil, false
}

// Lookup follows path from v. It returns the value and whether every step
// was present.
func Lookup(v any, path Path) (any, bool) {
	for _, s := range path {
		var ok bool
		if v, ok = step(v, s); !ok {
			return nil, false
		}
	}
	return v, true
}

// markedAt reports whether a marks tree (after_unknown or after_sensitive:
// true at a marked node, nested objects and lists elsewhere) marks path or
// any prefix of it.
func markedAt(marks any, path Path) bool {
	v := marks
	for _, s := range path {
		if b, ok := v.(bool); ok {
			return b
		}
		var ok bool
		if v, ok = step(v, s); !ok {
			return false
		}
	}
	b, _ := v.(bool)
	return b
}

// anyMarked reports whether marks marks anything at or below path.
func anyMarked(marks any, path Path) bool {
	v := marks
	for _, s := range path {
		if b, ok := v.(bool); ok {
			return b
		}
		var ok bool
		if v, ok = step(v, s); !ok {
			return false
		}
	}
	return containsTrue(v)
}

func containsTrue(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case []any:
		for _, e := range v {
			if containsTrue(e) {
				return true
			}
		}
	case Object:
		for _, f := range v {
			if containsTrue(f.Value) {
				return true
			}
		}
	}
	return false
}
