package model

import (
	"strings"
	"testing"
)

// TestSharedExpressions: equal simple expressions are one copy; anything
// that differs, or is not simple, is not shared.
func TestSharedExpressions(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		a, b   string // expressions, as plan JSON writes them
		shared bool
	}{
		"the same constant":                  {a: `{"constant_value": true}`, b: `{"constant_value": true}`, shared: true},
		"the same references":                {a: `{"references": ["var.a", "var"]}`, b: `{"references": ["var.a", "var"]}`, shared: true},
		"true and the string true":           {a: `{"constant_value": true}`, b: `{"constant_value": "true"}`},
		"1 and the string 1":                 {a: `{"constant_value": 1}`, b: `{"constant_value": "1"}`},
		"null and no constant read alike":    {a: `{"constant_value": null}`, b: `{}`, shared: true},
		"strings split elsewhere":            {a: `{"constant_value": "a", "references": ["b"]}`, b: `{"constant_value": "ab"}`},
		"references in another order":        {a: `{"references": ["var.a", "var.b"]}`, b: `{"references": ["var.b", "var.a"]}`},
		"a reference joined":                 {a: `{"references": ["var.a", "var.b"]}`, b: `{"references": ["var.a\u0000var.b"]}`},
		"no references and none listed":      {a: `{"constant_value": 1}`, b: `{"constant_value": 1, "references": []}`, shared: true},
		"a reference and a string":           {a: `{"references": ["s1:x"]}`, b: `{"constant_value": "x", "references": ["x"]}`},
		"an object constant is never shared": {a: `{"constant_value": {"a": 1}}`, b: `{"constant_value": {"a": 1}}`},
		"a list constant is never shared":    {a: `{"constant_value": [1]}`, b: `{"constant_value": [1]}`},
		"a long text is never shared":        {a: `{"constant_value": "` + strings.Repeat("x", maxSharedString+1) + `"}`, b: `{"constant_value": "` + strings.Repeat("x", maxSharedString+1) + `"}`},
		"a text as long as may be shared":    {a: `{"constant_value": "` + strings.Repeat("x", maxSharedString) + `"}`, b: `{"constant_value": "` + strings.Repeat("x", maxSharedString) + `"}`, shared: true},
		"nested blocks are never shared":     {a: `[{"x": {"constant_value": 1}}]`, b: `[{"x": {"constant_value": 1}}]`},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc := `{"format_version": "1.2", "configuration": {"root_module": {"resources": [
  {"address": "aws_s3_bucket.a", "mode": "managed", "type": "aws_s3_bucket", "name": "a", "expressions": {"x": ` + tc.a + `}},
  {"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b", "expressions": {"x": ` + tc.b + `}}
]}}}`
			p, err := Decode("plan.json", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			resources := p.Config.RootModule.Resources
			a, b := resources[0].Expressions["x"], resources[1].Expressions["x"]
			if a == nil || b == nil {
				t.Fatalf("expressions not read: %v %v", a, b)
			}
			if got := a == b; got != tc.shared {
				t.Errorf("shared = %v, want %v (a %+v, b %+v)", got, tc.shared, *a.ExpressionData, *b.ExpressionData)
			}
		})
	}
}
