package hclconfig

import (
	"errors"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/customdecode"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// try and can as Terraform has them (HCL's tryfunc), except that an
// argument calling a function this reader lacks (a provider function, one
// newer than Terraform 1.8) is unknown rather than an error: Terraform
// would evaluate it, so neither the fallback nor false would be what
// Terraform decides. The functions this reader has but cannot evaluate
// return unknown values, which try and can pass on as Terraform's do:
// try(unknown, fallback) is unknown, never the fallback.

var tryFunc = function.New(&function.Spec{
	VarParam: &function.Parameter{Name: "expressions", Type: customdecode.ExpressionClosureType},
	Type: func(args []cty.Value) (cty.Type, error) {
		v, err := try(args)
		if err != nil {
			return cty.NilType, err
		}
		return v.Type(), nil
	},
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		return try(args)
	},
})

var canFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "expression", Type: customdecode.ExpressionClosureType}},
	Type:   function.StaticReturnType(cty.Bool),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		closure := customdecode.ExpressionClosureFromVal(args[0])
		if lacksFunction(closure) {
			return cty.UnknownVal(cty.Bool), nil
		}
		v, diags := closure.Value()
		switch {
		case diags.HasErrors():
			return cty.False, nil
		case !v.IsWhollyKnown():
			return cty.UnknownVal(cty.Bool), nil
		}
		return cty.True, nil
	},
})

// try returns the first argument that evaluates without error; unknown
// when that one is not wholly known, or calls a function this reader lacks.
func try(args []cty.Value) (cty.Value, error) {
	if len(args) == 0 {
		return cty.NilVal, errors.New("at least one argument is required")
	}
	var msgs []string
	for _, a := range args {
		closure := customdecode.ExpressionClosureFromVal(a)
		if lacksFunction(closure) {
			return cty.DynamicVal, nil
		}
		v, diags := closure.Value()
		if diags.HasErrors() {
			for _, d := range diags {
				msgs = append(msgs, "- "+d.Summary+": "+d.Detail)
			}
			continue
		}
		if !v.IsWhollyKnown() {
			return cty.DynamicVal, nil
		}
		return v, nil
	}
	return cty.NilVal, errors.New("no expression succeeded:\n" + strings.Join(msgs, "\n") + "\n\nAt least one expression must produce a successful result")
}

// lacksFunction reports whether an expression calls a function its
// evaluation context does not have.
func lacksFunction(c *customdecode.ExpressionClosure) bool {
	syn, ok := c.Expression.(hclsyntax.Expression)
	if !ok {
		return false
	}
	lacks := false
	hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
		if call, ok := n.(*hclsyntax.FunctionCallExpr); ok && !hasFunction(c.EvalContext, call.Name) {
			lacks = true
		}
		return nil
	})
	return lacks
}

func hasFunction(ctx *hcl.EvalContext, name string) bool {
	for ; ctx != nil; ctx = ctx.Parent() {
		if _, ok := ctx.Functions[name]; ok {
			return true
		}
	}
	return false
}
