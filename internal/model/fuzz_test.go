package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"
)

// FuzzDecode holds the reader to encoding/json: on the same bytes, the
// parser accepts what json.Unmarshal into any accepts and gives the same
// values, but for what RFC 8259 leaves to the reader and this one refuses
// (duplicate member names, strings that are not UTF-8 or hold an unpaired
// surrogate) and nesting deeper than maxDepth. The plan decoder, from
// bytes and from a stream alike, never accepts what the parser refuses,
// reads resource changes as encoding/json does, and never panics.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(smallPlan))
	f.Add([]byte(`{"format_version":"1.0","values":{"root_module":{"resources":[]}}}`))
	f.Add([]byte(`{"format_version":"0.1","resource_changes":[{"address":"a.b","type":"a","change":{"actions":["no-op"],"after":{"x":"\u00e9"}}}]}`))
	f.Add([]byte(`{"format_version":"1.2","resource_changes":[{"address":"a.b","type":"a","change":{"after":{"x":` +
		strings.Repeat("[", 1001) + strings.Repeat("]", 1001) + `}}}]}`))
	for _, s := range []string{`01`, `1.`, `{"a":1,"a":2}`, `{"a":1,"\u0061":2}`, "\"\xff\"", `"\ud800"`, `"\ud83d\ude00"`, `1e999`, `-0`, ` [1, 2.5e3, "x"] `} {
		f.Add([]byte(s))
	}
	seeds, _ := filepath.Glob("../../checks/testdata/*/*.json")
	seeds = append(seeds, "testdata/tfstate_v4/terraform.tfstate")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && len(data) < 64<<10 {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := parseValue(newParser(data))
		gotStream, streamErr := parseValue(newStreamParser(iotest.HalfReader(bytes.NewReader(data))))
		if fmt.Sprint(err) != fmt.Sprint(streamErr) {
			t.Fatalf("bytes and stream disagree: %v / %v", err, streamErr)
		}
		var want any
		wantErr := json.Unmarshal(data, &want)
		refused := wantErr != nil
		if !refused {
			if why := deliberatelyRefused(data); why != "" {
				refused = true
				if err == nil {
					t.Fatalf("accepted %s", why)
				}
			}
		}
		switch {
		case refused && err == nil:
			t.Fatalf("accepted what encoding/json refuses (%v)", wantErr)
		case !refused && err != nil:
			t.Fatalf("refused what encoding/json accepts: %v", err)
		case err == nil:
			if diff := equivalenceDiff(want, plain(got)); diff != "" {
				t.Fatalf("values differ from encoding/json's (-encoding/json +parser):\n%s", diff)
			}
			if diff := equivalenceDiff(got, gotStream); diff != "" {
				t.Fatalf("bytes and stream read different values:\n%s", diff)
			}
		}

		p, err := Decode("fuzz.json", data)
		streamed, streamErr := DecodeReader("fuzz.json", iotest.HalfReader(bytes.NewReader(data)))
		if fmt.Sprint(err) != fmt.Sprint(streamErr) {
			t.Fatalf("bytes and stream disagree: %v / %v", err, streamErr)
		}
		if err != nil {
			return
		}
		if refused {
			t.Fatal("the plan decoder accepted what the parser refuses")
		}
		if diff := equivalenceDiff(snapshot(p), snapshot(streamed)); diff != "" {
			t.Fatalf("bytes and stream read different plans:\n%s", diff)
		}
		compareChanges(t, want, p)
		for _, r := range p.Resources {
			_ = r.ConfigAddress()
			_ = p.Refs(r)
			_ = p.Show(r, r.Attr("tags"))
			_, _ = p.Region(r)
		}
	})
}

// parseValue reads one JSON document with the parser's generic reader.
func parseValue(p *parser) (any, error) {
	v, err := p.value()
	if err == nil {
		err = p.end()
	}
	return v, err
}

// plain turns the parser's values into encoding/json's.
func plain(v any) any {
	switch v := v.(type) {
	case Object:
		m := make(map[string]any, len(v))
		for _, f := range v {
			m[f.Name] = plain(f.Value)
		}
		return m
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = plain(e)
		}
		return out
	}
	return v
}

// compareChanges compares the before and after values of a plan made of
// resource changes alone with encoding/json's reading of the same bytes.
func compareChanges(t *testing.T, doc any, p *Plan) {
	top, _ := doc.(map[string]any)
	rcs, ok := top["resource_changes"].([]any)
	if !ok || top["prior_state"] != nil || top["values"] != nil || len(rcs) > len(p.Resources) {
		return
	}
	for i, rc := range rcs {
		change, _ := rc.(map[string]any)["change"].(map[string]any)
		r := p.Resources[i]
		for _, side := range []struct {
			name string
			got  any
		}{{"before", r.Before}, {"after", r.After}} {
			if diff := equivalenceDiff(change[side.name], plain(side.got)); diff != "" {
				t.Fatalf("%s %s differs from encoding/json's:\n%s", r.Address, side.name, diff)
			}
		}
	}
}

// deliberatelyRefused says why a document encoding/json accepts is refused
// here, or "".
func deliberatelyRefused(data []byte) string {
	if !utf8.Valid(data) {
		return "invalid UTF-8"
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		if data[i+1] != 'u' {
			i++
			continue
		}
		r := hexRune(data[i+2 : i+6])
		i += 5
		switch {
		case utf16.IsSurrogate(r) && r < 0xdc00 && i+6 < len(data) && data[i+1] == '\\' && data[i+2] == 'u' &&
			utf16.DecodeRune(r, hexRune(data[i+3:i+7])) != utf8.RuneError:
			i += 6
		case utf16.IsSurrogate(r):
			return "an unpaired surrogate"
		}
	}
	// Objects on the stack hold the names read so far and whether a name
	// comes next; lists are nil.
	type object struct {
		names    map[string]bool
		wantName bool
	}
	var stack []*object
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			if len(stack) >= maxDepth {
				return "nesting too deep"
			}
			var o *object
			if tok == json.Delim('{') {
				o = &object{names: map[string]bool{}, wantName: true}
			}
			stack = append(stack, o)
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1] != nil {
				stack[len(stack)-1].wantName = true
			}
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1] == nil {
			continue
		}
		o := stack[len(stack)-1]
		if o.wantName {
			name, _ := tok.(string)
			if o.names[name] {
				return "a duplicate member name"
			}
			o.names[name] = true
		}
		o.wantName = !o.wantName
	}
}

func hexRune(b []byte) rune {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}

// planSnapshot is what a decoded plan says, without its caches.
type planSnapshot struct {
	Kind                            Kind
	FormatVersion, TerraformVersion string
	Errored                         bool
	Resources                       []*Resource
	Config                          *tfjson.Config
	Variables                       map[string]any
	CheckBlocks                     []tfjson.CheckResultStatic
	Warnings                        []string
	Secrets                         []any
	ByConfig                        map[string][]*Resource
}

func snapshot(p *Plan) planSnapshot {
	return planSnapshot{
		Kind: p.Kind, FormatVersion: p.FormatVersion, TerraformVersion: p.TerraformVersion, Errored: p.Errored,
		Resources: p.Resources, Config: p.Config, Variables: p.Variables, CheckBlocks: p.CheckBlocks,
		Warnings: p.Warnings, Secrets: p.extraSecrets, ByConfig: p.byConfig,
	}
}

// equivalenceDiff is cmp.Diff with equivalenceOpts, asked only once
// reflect.DeepEqual, which compares numbers with == as those options do,
// finds a difference: on values nested a thousand deep, go-cmp's diffing
// of slices takes time exponential in the depth (a fuzzed plan of 2 KiB
// ran for minutes), and DeepEqual is linear.
func equivalenceDiff(a, b any) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	return cmp.Diff(a, b, equivalenceOpts...)
}

var equivalenceOpts = []cmp.Option{
	cmp.Exporter(func(reflect.Type) bool { return true }),
	// -0 and 0 are one number to every check.
	cmp.Comparer(func(a, b float64) bool { return a == b }),
}
