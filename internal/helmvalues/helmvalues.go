// Package helmvalues merges the values a helm_release gives its chart, as
// Helm does, and remembers where each value came from.
//
// A release's values come in layers, merged in the Helm provider's order:
// each document of values (YAML) in turn, deep-merged (mappings merge key by
// key, anything else replaces), then every set, set_list and set_sensitive
// entry, each parsed as Helm's --set parses name=value (dotted names,
// escaped dots a\.b, list indexes a[0].b, {x,y} lists, true/false/null and
// integers typed unless the entry's type is "string"). The chart's own
// values.yaml is not among them: a plan never holds it, so a key no layer
// sets is the chart's to decide, and Lookup says so.
//
// A layer the plan cannot show (a document or a set name known only after
// apply, a document that is not valid YAML) is opaque: it may set any key,
// so a lookup it could change is unknown. Values are plain Go values: nil,
// bool, float64, string, []any and map[string]any.
package helmvalues

import (
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"

	ctyyaml "github.com/zclconf/go-cty-yaml"
	"github.com/zclconf/go-cty/cty"
)

// Source says where a layer of values comes from, for evidence.
type Source struct {
	// Attr is the release's attribute: values, set, set_list or
	// set_sensitive.
	Attr string
	// Index is the element of that attribute.
	Index int
	// Name is the set entry's name ("" for a values document).
	Name string
	// Sensitive is set when the plan marks the layer sensitive: its values
	// may be judged but never shown.
	Sensitive bool
}

// String names the source as a Terraform user would: values[0],
// set[2] (autoscaling.enabled).
func (s Source) String() string {
	if s.Name == "" {
		return fmt.Sprintf("%s[%d]", s.Attr, s.Index)
	}
	return fmt.Sprintf("%s[%d] (%s)", s.Attr, s.Index, s.Name)
}

// Values is a release's merged values.
type Values struct {
	root    *node
	sources []Source
	// opaque lists the layers the plan cannot show, with why.
	opaque []opaqueLayer
}

type opaqueLayer struct {
	layer  int
	reason string
}

// node is one value of the merged tree, with the layer that wrote it.
type node struct {
	kind    kind
	scalar  any // nil, bool, float64 or string
	keys    map[string]*node
	order   []string // keys in the order first written
	items   []*node
	layer   int
	unknown bool
}

type kind uint8

const (
	scalarKind kind = iota
	mapKind
	listKind
)

// New returns empty values.
func New() *Values {
	return &Values{root: &node{kind: mapKind, keys: map[string]*node{}, layer: -1}}
}

// MaxDepth bounds how deep a values document may nest; MaxNodes how many
// values it may hold once its aliases are expanded. Values this large are
// no chart's: the document is opaque.
const (
	MaxDepth = 100
	MaxNodes = 100_000
)

func (v *Values) addSource(s Source) int {
	v.sources = append(v.sources, s)
	return len(v.sources) - 1
}

// AddYAML merges one values document. A document that is not valid YAML,
// or is not a mapping, makes an opaque layer (Helm fails on it at apply)
// and the error says why.
func (v *Values) AddYAML(doc string, src Source) error {
	layer := v.addSource(src)
	n, err := parseYAML(doc, layer)
	if err != nil {
		return v.markOpaque(layer, err)
	}
	if n == nil {
		return nil // an empty document
	}
	if n.kind != mapKind {
		return v.markOpaque(layer, errors.New("the document is not a mapping of values"))
	}
	merge(v.root, n)
	return nil
}

// markOpaque marks layer opaque for err, and returns err.
func (v *Values) markOpaque(layer int, err error) error {
	v.opaque = append(v.opaque, opaqueLayer{layer, err.Error()})
	return err
}

// AddUnknown adds a layer the plan cannot show: a values document, or a
// set entry whose name is, known only after apply.
func (v *Values) AddUnknown(src Source, reason string) {
	layer := v.addSource(src)
	v.opaque = append(v.opaque, opaqueLayer{layer, reason})
}

// Set applies one set or set_sensitive entry: name=value as --set (typ ""
// or "auto") or --set-string (typ "string") parses it. unknown marks a
// value known only after apply (value is then ignored).
func (v *Values) Set(name, value, typ string, unknown bool, src Source) error {
	layer := v.addSource(src)
	if typ != "" && typ != "auto" && typ != "string" {
		return v.markOpaque(layer, fmt.Errorf("unexpected type %q", typ))
	}
	path, err := ParseName(name)
	if err != nil {
		return v.markOpaque(layer, err)
	}
	if unknown {
		return v.assign(path, &node{layer: layer, unknown: true}, layer)
	}
	assignments, err := splitAssignments(value)
	if err != nil {
		return v.markOpaque(layer, err)
	}
	// name=a,b=c: Helm reads the text after an unescaped comma as more
	// assignments.
	if err := v.assign(path, typedNode(assignments[0], typ == "string", layer), layer); err != nil {
		return err
	}
	for _, a := range assignments[1:] {
		n, val, ok := cutUnescaped(a, '=')
		if !ok {
			return v.markOpaque(layer, fmt.Errorf("key %q has no value", unescape(a)))
		}
		p, err := ParseName(n)
		if err != nil {
			return v.markOpaque(layer, err)
		}
		if err := v.assign(p, typedNode(val, typ == "string", layer), layer); err != nil {
			return err
		}
	}
	return nil
}

// SetList applies one set_list entry: name={a,b}. unknown marks a list
// known only after apply.
func (v *Values) SetList(name string, items []string, unknown bool, src Source) error {
	layer := v.addSource(src)
	path, err := ParseName(name)
	if err != nil {
		return v.markOpaque(layer, err)
	}
	if unknown {
		return v.assign(path, &node{layer: layer, unknown: true}, layer)
	}
	n := &node{kind: listKind, layer: layer}
	for _, it := range items {
		n.items = append(n.items, &node{scalar: typedValue(it, false), layer: layer})
	}
	return v.assign(path, n, layer)
}

// assign writes n at path, making the mappings and lists on the way as
// Helm's strvals does.
func (v *Values) assign(path []any, n *node, layer int) error {
	cur := v.root
	for i, step := range path {
		last := i == len(path)-1
		switch s := step.(type) {
		case string:
			if cur.kind != mapKind {
				*cur = node{kind: mapKind, keys: map[string]*node{}, layer: layer}
			}
			cur.layer = layer
			if last {
				cur.put(s, n)
				return nil
			}
			next, ok := cur.keys[s]
			if !ok || next.kind == scalarKind {
				next = &node{kind: kindOf(path[i+1]), keys: map[string]*node{}, layer: layer}
				cur.put(s, next)
			}
			cur = next
		case int:
			if cur.kind != listKind {
				*cur = node{kind: listKind, layer: layer}
			}
			cur.layer = layer
			for len(cur.items) <= s {
				cur.items = append(cur.items, &node{layer: layer})
			}
			if last {
				cur.items[s] = n
				return nil
			}
			next := cur.items[s]
			if next.kind == scalarKind {
				next = &node{kind: kindOf(path[i+1]), keys: map[string]*node{}, layer: layer}
				cur.items[s] = next
			}
			cur = next
		}
	}
	return nil
}

func kindOf(step any) kind {
	if _, ok := step.(int); ok {
		return listKind
	}
	return mapKind
}

func (n *node) put(key string, v *node) {
	if _, ok := n.keys[key]; !ok {
		n.order = append(n.order, key)
	}
	n.keys[key] = v
}

// merge deep-merges src into dst, both mappings, as Helm merges values
// documents: mappings merge, anything else replaces.
func merge(dst, src *node) {
	dst.layer = src.layer
	for _, k := range src.order {
		s := src.keys[k]
		if d, ok := dst.keys[k]; ok && d.kind == mapKind && s.kind == mapKind {
			merge(d, s)
			continue
		}
		dst.put(k, s)
	}
}

// Result is what Lookup finds.
type Result struct {
	// Found is false when no layer sets the key: the chart's default
	// (which the plan does not hold) applies.
	Found bool
	// Value is the merged value (nil when unknown or not found; a found
	// nil is an explicit null, which removes the chart's default).
	Value any
	// Unknown is set when the value is known only after apply, or when an
	// opaque layer may set it; Reason then says why.
	Unknown bool
	Reason  string
	// Source is the layer that last wrote the value.
	Source Source
	// Sensitive is set when a sensitive layer wrote the value or a part
	// of it: never show it.
	Sensitive bool
}

// Lookup returns the merged value at path (string keys and int list
// indexes).
func (v *Values) Lookup(path ...any) Result {
	n := v.root
	for _, step := range path {
		if n != v.root && n.kind == scalarKind && !n.unknown {
			// A null (or any scalar) where the chart has a mapping replaces
			// the chart's mapping: nothing below it is set.
			if o, ok := v.opaqueAfter(n.layer); ok {
				return Result{Found: true, Unknown: true, Reason: o, Source: v.sources[n.layer]}
			}
			return Result{Found: true, Source: v.sources[n.layer], Sensitive: v.sources[n.layer].Sensitive}
		}
		var next *node
		switch s := step.(type) {
		case string:
			if n.kind == mapKind {
				next = n.keys[s]
			}
		case int:
			if n.kind == listKind && s >= 0 && s < len(n.items) {
				next = n.items[s]
			}
		}
		if next == nil {
			if o, ok := v.opaqueAfter(-1); ok {
				return Result{Unknown: true, Reason: o}
			}
			return Result{}
		}
		if next.unknown {
			return Result{Found: true, Unknown: true, Reason: fmt.Sprintf("%s is known only after apply", v.sources[next.layer]), Source: v.sources[next.layer]}
		}
		n = next
	}
	first, sensitive, unknownAt := v.span(n)
	if unknownAt >= 0 {
		return Result{Found: true, Unknown: true, Reason: fmt.Sprintf("%s is known only after apply", v.sources[unknownAt]), Source: v.sources[unknownAt]}
	}
	after := first
	if n.kind == mapKind {
		after = -1 // any opaque layer may add keys to a mapping
	}
	if o, ok := v.opaqueAfter(after); ok {
		return Result{Found: true, Unknown: true, Reason: o, Source: v.sources[n.layer]}
	}
	return Result{Found: true, Value: n.value(), Source: v.sources[n.layer], Sensitive: sensitive}
}

// Opaque says why some layer cannot be read, if one cannot.
func (v *Values) Opaque() (string, bool) { return v.opaqueAfter(-1) }

func (v *Values) opaqueAfter(layer int) (string, bool) {
	for _, o := range v.opaque {
		if o.layer > layer {
			return fmt.Sprintf("%s cannot be read: %s", v.sources[o.layer], o.reason), true
		}
	}
	return "", false
}

// span returns the earliest layer that wrote n or anything in it, whether
// a sensitive layer did, and the layer of a value inside it known only
// after apply (-1 if none).
func (v *Values) span(n *node) (first int, sensitive bool, unknownAt int) {
	first, unknownAt = n.layer, -1
	var walk func(*node)
	walk = func(n *node) {
		if n.layer >= 0 {
			first = min(first, n.layer)
			if v.sources[n.layer].Sensitive {
				sensitive = true
			}
		}
		if n.unknown && unknownAt < 0 {
			unknownAt = n.layer
		}
		for _, k := range n.order {
			walk(n.keys[k])
		}
		for _, it := range n.items {
			walk(it)
		}
	}
	walk(n)
	return first, sensitive, unknownAt
}

func (n *node) value() any {
	switch n.kind {
	case mapKind:
		m := make(map[string]any, len(n.keys))
		for k, c := range n.keys {
			m[k] = c.value()
		}
		return m
	case listKind:
		l := make([]any, len(n.items))
		for i, c := range n.items {
			l[i] = c.value()
		}
		return l
	}
	return n.scalar
}

// ParseName splits a --set name into steps as Helm's strvals does: dots
// separate keys, a backslash makes the next character literal (a\.b is
// one key), and [n] indexes a list.
func ParseName(name string) ([]any, error) {
	var out []any
	var key strings.Builder
	pending := false // a key has begun
	flush := func() {
		if pending {
			out = append(out, key.String())
			key.Reset()
			pending = false
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch c {
		case '\\':
			if i+1 < len(name) {
				i++
				key.WriteByte(name[i])
			} else {
				key.WriteByte(c)
			}
			pending = true
		case '.':
			if !pending && (len(out) == 0 || isKey(out[len(out)-1])) {
				return nil, fmt.Errorf("key %q has an empty part", name)
			}
			flush()
		case '[':
			flush()
			end := strings.IndexByte(name[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("key %q has an unclosed [", name)
			}
			idx, err := strconv.Atoi(name[i+1 : i+end])
			if err != nil || idx < 0 || idx > 1<<16 {
				return nil, fmt.Errorf("key %q has a bad list index %q", name, name[i+1:i+end])
			}
			out = append(out, idx)
			i += end
		case '=', ',':
			return nil, fmt.Errorf("key %q has an unescaped %q", name, c)
		default:
			key.WriteByte(c)
			pending = true
		}
	}
	flush()
	if len(out) == 0 {
		return nil, errors.New("the name is empty")
	}
	return out, nil
}

func isKey(step any) bool {
	_, ok := step.(string)
	return ok
}

// splitAssignments splits a --set value at unescaped commas outside {}.
func splitAssignments(value string) ([]string, error) {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(value); i++ {
		switch value[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, value[start:i])
				start = i + 1
			}
		}
	}
	return append(out, value[start:]), nil
}

// cutUnescaped splits s at the first unescaped sep.
func cutUnescaped(s string, sep byte) (before, after string, ok bool) {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func unescape(s string) string {
	if !strings.ContainsRune(s, '\\') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// typedNode reads one --set value: {a,b} is a list, anything else a
// scalar typed as typedValue says.
func typedNode(raw string, asString bool, layer int) *node {
	if len(raw) >= 2 && raw[0] == '{' && raw[len(raw)-1] == '}' {
		n := &node{kind: listKind, layer: layer}
		inner := raw[1 : len(raw)-1]
		if inner == "" {
			return n
		}
		var parts []string
		start := 0
		for i := 0; i < len(inner); i++ {
			switch inner[i] {
			case '\\':
				i++
			case ',':
				parts = append(parts, inner[start:i])
				start = i + 1
			}
		}
		parts = append(parts, inner[start:])
		for _, p := range parts {
			n.items = append(n.items, &node{scalar: typedValue(unescape(p), asString), layer: layer})
		}
		return n
	}
	return &node{scalar: typedValue(unescape(raw), asString), layer: layer}
}

// typedValue types a --set scalar as Helm's strvals does: true, false and
// null (any case), and integers without a leading zero; everything else
// (floats included) stays a string. --set-string keeps every value a
// string.
func typedValue(s string, asString bool) any {
	if asString {
		return s
	}
	switch {
	case strings.EqualFold(s, "true"):
		return true
	case strings.EqualFold(s, "false"):
		return false
	case strings.EqualFold(s, "null"):
		return nil
	case s == "0":
		return float64(0)
	}
	if s != "" && s[0] != '0' {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return float64(n)
		}
	}
	return s
}

// parseYAML reads one values document into a tree written by layer. It
// returns nil for an empty document.
func parseYAML(doc string, layer int) (*node, error) {
	if empty(doc) {
		return nil, nil
	}
	if tooDeep(doc) {
		return nil, fmt.Errorf("the document nests deeper than %d levels", MaxDepth)
	}
	val, err := ctyyaml.Standard.Unmarshal([]byte(doc), cty.DynamicPseudoType)
	if err != nil {
		return nil, fmt.Errorf("not valid YAML: %s", yamlError(err))
	}
	budget := MaxNodes
	n, err := fromCty(val, layer, &budget)
	if err != nil {
		return nil, err
	}
	if n.kind == scalarKind && n.scalar == nil {
		return nil, nil
	}
	return n, nil
}

// yamlError keeps the parser's position and reason, never the document's
// text (a sensitive document's values must not reach a message).
func yamlError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "on line") {
		return msg[:i]
	}
	if strings.HasPrefix(msg, "on line") {
		return msg
	}
	return "the parser rejected it"
}

// empty reports a document of nothing but blank lines, comments and
// document markers, which the parser rejects and Helm reads as no values.
func empty(doc string) bool {
	for line := range strings.SplitSeq(doc, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && line != "---" && line != "..." && !strings.HasPrefix(line, "#") {
			return false
		}
	}
	return true
}

var errTooLarge = fmt.Errorf("the document holds more than %d values", MaxNodes)

func fromCty(v cty.Value, layer int, budget *int) (*node, error) {
	*budget--
	if *budget < 0 {
		return nil, errTooLarge
	}
	if v.IsNull() || !v.IsKnown() {
		return &node{layer: layer}, nil
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return &node{scalar: v.AsString(), layer: layer}, nil
	case ty == cty.Bool:
		return &node{scalar: v.True(), layer: layer}, nil
	case ty == cty.Number:
		f, _ := v.AsBigFloat().Float64()
		if v.AsBigFloat().IsInf() {
			f = bigInf(v.AsBigFloat())
		}
		return &node{scalar: f, layer: layer}, nil
	case ty.IsObjectType() || ty.IsMapType():
		n := &node{kind: mapKind, keys: map[string]*node{}, layer: layer}
		keys := make([]string, 0, v.LengthInt())
		vals := map[string]cty.Value{}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			keys = append(keys, k.AsString())
			vals[k.AsString()] = e
		}
		slices.Sort(keys)
		for _, k := range keys {
			c, err := fromCty(vals[k], layer, budget)
			if err != nil {
				return nil, err
			}
			n.put(k, c)
		}
		return n, nil
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		n := &node{kind: listKind, layer: layer}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			c, err := fromCty(e, layer, budget)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, c)
		}
		return n, nil
	}
	return &node{layer: layer}, nil
}

func bigInf(f *big.Float) float64 {
	if f.Sign() < 0 {
		return -1e308
	}
	return 1e308
}

// tooDeep bounds how deep YAML nests before it is parsed (the parser
// follows it level by level on the stack): a line nests at most as deep
// as its indentation, its leading entries ("- - x", "? x") and the flow
// brackets open at each of its characters (a one-line JSON document, as
// jsonencode writes values, nests only as deep as its brackets).
func tooDeep(src string) bool {
	flow := 0
	for line := range strings.SplitSeq(src, "\n") {
		depth := len(line) - len(strings.TrimLeft(line, " \t"))
		rest := line[depth:]
		for strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "? ") {
			depth++
			rest = strings.TrimLeft(rest[2:], " ")
		}
		for i := 0; i < len(rest); i++ {
			switch rest[i] {
			case '[', '{':
				flow++
				if depth/2+flow > MaxDepth {
					return true
				}
			case ']', '}':
				flow = max(0, flow-1)
			}
		}
		if depth/2+flow > MaxDepth {
			return true
		}
	}
	return false
}

// Decode reads one YAML (or JSON) document into plain values, with the
// same bounds as a values document. An empty document is nil.
func Decode(doc string) (any, error) {
	n, err := parseYAML(doc, -1)
	if err != nil || n == nil {
		return nil, err
	}
	return n.value(), nil
}
