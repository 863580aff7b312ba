package model

import (
	"encoding/json"
	"strings"
)

// Redacted replaces every sensitive value in any output.
const Redacted = "(sensitive)"

// collectSecrets gathers the values that must never be printed but that
// older plans do not mark in after_sensitive: sensitive input variables.
func (p *Plan) collectSecrets() {
	if p.Config == nil || p.Config.RootModule == nil {
		return
	}
	for name, v := range p.Config.RootModule.Variables {
		if v == nil || !v.Sensitive {
			continue
		}
		p.addSecret(p.Variables[name])
	}
}

func (p *Plan) addSecret(v any) {
	switch v := v.(type) {
	case string:
		if len(v) >= 4 {
			p.secrets = append(p.secrets, v)
		}
	case []any:
		for _, e := range v {
			p.addSecret(e)
		}
	case Object:
		for _, f := range v {
			p.addSecret(f.Value)
		}
	}
}

// Scrub removes the values of sensitive variables from text.
func (p *Plan) Scrub(text string) string {
	for _, s := range p.secrets {
		if strings.Contains(text, s) {
			text = strings.ReplaceAll(text, s, Redacted)
		}
	}
	return text
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

// Render writes a value as compact JSON.
func Render(v any) string {
	b, err := json.Marshal(toJSON(v))
	if err != nil {
		return "(unprintable)"
	}
	return string(b)
}

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
