package policy

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

func TestFunctions(t *testing.T) {
	t.Parallel()
	ctx := &hcl.EvalContext{
		Functions: Functions(),
		Variables: map[string]cty.Value{
			"obj":    cty.ObjectVal(map[string]cty.Value{"a": cty.True, "b": cty.StringVal("x")}),
			"secret": cty.StringVal("hunter2").Mark(sensitive),
			"later":  cty.DynamicVal,
		},
	}
	tests := map[string]cty.Value{
		`length(obj)`:                    cty.NumberIntVal(2),
		`length("héllo")`:                cty.NumberIntVal(5),
		`length([1, 2, 3])`:              cty.NumberIntVal(3),
		`length({a = 1})`:                cty.NumberIntVal(1),
		`alltrue([true, obj.a])`:         cty.True,
		`alltrue([true, false])`:         cty.False,
		`anytrue([false, true])`:         cty.True,
		`anytrue([])`:                    cty.False,
		`startswith("db.r6g", "db.")`:    cty.True,
		`endswith("db.r6g", "g")`:        cty.True,
		`strcontains("db.r6g", "r6")`:    cty.True,
		`can(regex("^db", "db.t3"))`:     cty.True,
		`try(obj.missing, "fallback")`:   cty.StringVal("fallback"),
		`tonumber("3")`:                  cty.NumberIntVal(3),
		`contains(["a", "b"], "b")`:      cty.True,
		`lookup({a = "x"}, "b", "none")`: cty.StringVal("none"),
		`secret == "hunter2"`:            cty.True.Mark(sensitive),
		`length(secret)`:                 cty.NumberIntVal(7).Mark(sensitive),
	}
	for src, want := range tests {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "t.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", src, diags)
		}
		got, diags := expr.Value(ctx)
		if diags.HasErrors() {
			t.Errorf("%s: %v", src, diags)
			continue
		}
		if !got.RawEquals(want) {
			t.Errorf("%s = %#v, want %#v", src, got, want)
		}
	}
	for _, src := range []string{`length(later)`, `later == true`} {
		expr, _ := hclsyntax.ParseExpression([]byte(src), "t.hcl", hcl.InitialPos)
		got, diags := expr.Value(ctx)
		if diags.HasErrors() || got.IsKnown() {
			t.Errorf("%s = %#v, %v; want unknown", src, got, diags)
		}
	}
}
