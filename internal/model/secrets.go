package model

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"

	tfjson "github.com/hashicorp/terraform-json"
)

// Redacted replaces every sensitive value in any output.
const Redacted = "(sensitive)"

// AddSecret makes every string inside v sensitive for Scrub, for readers
// that know values Terraform would mark although the model's marks do not
// show them (a sensitive() value in a configuration directory).
func (p *Plan) AddSecret(v any) {
	p.secretsMu.Lock()
	defer p.secretsMu.Unlock()
	p.extraSecrets = append(p.extraSecrets, v)
	p.secrets = nil
}

// secretIndex returns the plan-wide index of sensitive strings, built on
// first use.
func (p *Plan) secretIndex() *secretIndex {
	p.secretsMu.Lock()
	defer p.secretsMu.Unlock()
	if p.secrets == nil {
		p.secrets = p.collectSecrets()
	}
	return p.secrets
}

// collectSecrets indexes every value the plan says is sensitive: the marked
// leaves of every resource instance's after and before values (data sources
// of the prior state included), the values of sensitive root variables, the
// defaults of sensitive variables and constants given to them in every
// module, constants of sensitive outputs, and what AddSecret added.
func (p *Plan) collectSecrets() *secretIndex {
	ix := &secretIndex{}
	for _, r := range p.Resources {
		walkMarked(r.After, r.AfterSensitive, ix.addLeaf)
		walkMarked(r.Before, r.BeforeSensitive, ix.addLeaf)
	}
	ix.near = p.wordsNear()
	for _, v := range p.extraSecrets {
		ix.add(v)
	}
	if p.Config == nil || p.Config.RootModule == nil {
		return ix
	}
	for name, v := range p.Config.RootModule.Variables {
		if v != nil && v.Sensitive {
			ix.add(p.Variables[name])
		}
	}
	for _, m := range p.modules {
		for _, v := range m.Variables {
			if v != nil && v.Sensitive {
				ix.add(fromJSON(v.Default))
			}
		}
		for _, o := range m.Outputs {
			if o != nil && o.Sensitive && o.Expression != nil {
				ix.add(constantOf(o.Expression.ExpressionData))
			}
		}
	}
	for _, call := range p.calls {
		if call.Module == nil {
			continue
		}
		for name, v := range call.Module.Variables {
			if e := call.Expressions[name]; v != nil && v.Sensitive && e != nil {
				ix.add(constantOf(e.ExpressionData))
			}
		}
	}
	return ix
}

// addLeaf indexes one marked leaf: strings long enough to find anywhere.
// Short strings, numbers and booleans are found per resource (ScrubFor).
func (ix *secretIndex) addLeaf(v any) {
	if s, ok := v.(string); ok && len(s) >= minSecret {
		ix.add(s)
	}
}

// constantOf is an expression's constant value in the model's compact form,
// or nil.
func constantOf(e *tfjson.ExpressionData) any {
	if e == nil || e.ConstantValue == nil || e.ConstantValue == tfjson.UnknownConstantValue {
		return nil
	}
	return fromJSON(e.ConstantValue)
}

// fromJSON turns a value decoded by encoding/json into the model's compact
// form (as far as strings go: the index reads nothing else).
func fromJSON(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(Object, 0, len(v))
		for k, e := range v {
			out = append(out, Field{Name: k, Value: fromJSON(e)})
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = fromJSON(e)
		}
		return out
	}
	return v
}

// Scrub replaces every value the plan marks sensitive in text (a message,
// evidence, an error) with "(sensitive)": strings of four or more bytes
// wherever they appear, in any ASCII case and JSON-escaped, and the short
// strings of sensitive variables where they stand as words.
func (p *Plan) Scrub(text string) string {
	if text == "" {
		return text
	}
	ix := p.secretIndex()
	if ix.empty() {
		return text
	}
	return replaceSpans(text, ix.spans(text, nil))
}

// ScrubFor is Scrub for text about resource r: it also replaces, where they
// stand as words, the short strings, numbers and booleans that r's values
// mark sensitive, and those of the resources r refers to and that refer to
// r, which checks read beside it. r may be nil.
func (p *Plan) ScrubFor(r *Resource, text string) string {
	if text == "" {
		return text
	}
	ix := p.secretIndex()
	words := ix.near[r]
	if ix.empty() && len(words) == 0 {
		return text
	}
	return replaceSpans(text, wordSpans(text, words, ix.spans(text, nil)))
}

// wordsNear gathers, for each resource whose findings may show them, the
// short marked values of the resources in reach: its own, and those of the
// resources it refers to and that refer to it. Only resources with such
// values cost anything: most plans have none.
func (p *Plan) wordsNear() map[*Resource][]string {
	near := map[*Resource][]string{}
	for _, m := range p.Resources {
		words := m.sensitiveWords()
		if len(words) == 0 {
			continue
		}
		near[m] = append(near[m], words...)
		for _, n := range p.Refs(m) {
			near[n] = append(near[n], words...)
		}
		for _, n := range p.Referrers(m) {
			near[n] = append(near[n], words...)
		}
	}
	for r, words := range near {
		slices.Sort(words)
		near[r] = slices.Compact(words)
	}
	return near
}

// sensitiveWords lists the marked leaves of r's values that are too short
// to find anywhere, as a message would print them.
func (r *Resource) sensitiveWords() []string {
	if r.AfterSensitive == nil && r.BeforeSensitive == nil {
		return nil
	}
	var out []string
	add := func(v any) { out = append(out, leafWords(v)...) }
	walkMarked(r.After, r.AfterSensitive, add)
	walkMarked(r.Before, r.BeforeSensitive, add)
	return out
}

// Show renders an attribute for evidence: its value as JSON, with every part
// the plan marks sensitive (and every sensitive variable's value) replaced
// by "(sensitive)", or "(known after apply)".
func (p *Plan) Show(r *Resource, a Attr) string {
	switch {
	case a.Sensitive:
		return Redacted
	case a.Unknown:
		return KnownAfterApply
	case !a.Present:
		return "(not set)"
	}
	sens, _ := Lookup(r.AfterSensitive, a.Path)
	unknowns, _ := Lookup(r.AfterUnknown, a.Path)
	return p.Scrub(Render(redact(withUnknowns(a.Value, unknowns), sens)))
}

// KnownAfterApply stands for a value inside evidence that is known only
// after apply.
const KnownAfterApply = "(known after apply)"

// withUnknowns writes "(known after apply)" where the after_unknown marks say
// a value is unknown, including omitted object members.
func withUnknowns(v, marks any) any { return overlay(v, marks, KnownAfterApply, true) }

// redact replaces the parts of v that marks (an after_sensitive subtree)
// flags with "(sensitive)".
func redact(v, marks any) any { return overlay(v, marks, Redacted, false) }

// overlay replaces every part of v that a marks tree flags true with word;
// with addMissing, marked object members absent from v are added as word
// (Terraform omits unknown members from planned values).
func overlay(v, marks any, word string, addMissing bool) any {
	if marks == nil {
		return v
	}
	if b, ok := marks.(bool); ok {
		if b {
			return word
		}
		return v
	}
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			m, _ := step(marks, i)
			out[i] = overlay(e, m, word, addMissing)
		}
		return out
	case Object:
		out := make(Object, 0, len(v))
		for _, f := range v {
			m, _ := step(marks, f.Name)
			out = append(out, Field{Name: f.Name, Value: overlay(f.Value, m, word, addMissing)})
		}
		if mo, ok := marks.(Object); ok && addMissing {
			for _, f := range mo {
				if b, _ := f.Value.(bool); b {
					if _, present := v.Get(f.Name); !present {
						out = append(out, Field{Name: f.Name, Value: word})
					}
				}
			}
		}
		return out
	}
	return v
}

// Render writes a value as compact JSON (without escaping <, > and &,
// which only matter inside HTML, where the HTML report escapes them).
func Render(v any) string {
	r := renderers.Get().(*renderer)
	defer renderers.Put(r)
	r.buf.Reset()
	if err := r.enc.Encode(toJSON(v)); err != nil {
		return "(unprintable)"
	}
	return string(bytes.TrimSuffix(r.buf.Bytes(), []byte("\n")))
}

// renderer is a JSON encoder that does not escape HTML, with its buffer,
// kept for reuse: Render runs for every piece of evidence.
type renderer struct {
	buf bytes.Buffer
	enc *json.Encoder
}

var renderers = sync.Pool{New: func() any {
	r := &renderer{}
	r.enc = json.NewEncoder(&r.buf)
	r.enc.SetEscapeHTML(false)
	return r
}}

// toJSON turns Objects into ordered JSON.
func toJSON(v any) any {
	switch v := v.(type) {
	case Object:
		return orderedObject(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = toJSON(e)
		}
		return out
	}
	return v
}

type orderedObject Object

func (o orderedObject) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, _ := json.Marshal(f.Name)
		b = append(b, k...)
		b = append(b, ':')
		v, err := json.Marshal(toJSON(f.Value))
		if err != nil {
			return nil, err
		}
		b = append(b, v...)
	}
	return append(b, '}'), nil
}
