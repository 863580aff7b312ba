package budget

import (
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// The functions Instrument's calls name. "::" keeps them apart from any
// function a team may call: a name with it is a provider function, which
// custom checks cannot call.
const (
	iterateName = "budget::iterate" // a collection iterated: a step per element
	elementName = "budget::element" // an element of a tuple or object built: a step
	partName    = "budget::part"    // a part of a template: its bytes
	tickName    = "budget::tick"    // a for expression's body or condition: the time
)

var instrumenting sync.Mutex

// Instrument rewrites expr in place so that evaluating it with a Budget's
// Functions charges the budget: a for expression's collection, condition and
// value, a splat's source, the elements of tuple and object constructors
// and the parts of templates pass through the budget's functions. It leaves
// anything but native syntax alone, and an expression already rewritten as
// it is; concurrent calls are safe, but the expression must not be
// evaluated while it is first rewritten.
//
// The rewritten expression evaluates to the same values and diagnostics,
// and has the same variables.
func Instrument(expr hcl.Expression) {
	syn, ok := expr.(hclsyntax.Expression)
	if !ok {
		return
	}
	instrumenting.Lock()
	defer instrumenting.Unlock()
	hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
		switch n := n.(type) {
		case *hclsyntax.ForExpr:
			n.CollExpr = through(iterateName, n.CollExpr)
			n.ValExpr = through(tickName, n.ValExpr)
			if n.CondExpr != nil {
				n.CondExpr = through(tickName, n.CondExpr)
			}
		case *hclsyntax.SplatExpr:
			n.Source = through(iterateName, n.Source)
		case *hclsyntax.TupleConsExpr:
			for i, e := range n.Exprs {
				n.Exprs[i] = through(elementName, e)
			}
		case *hclsyntax.ObjectConsExpr:
			for i, item := range n.Items {
				n.Items[i].ValueExpr = through(elementName, item.ValueExpr)
			}
		case *hclsyntax.TemplateExpr:
			for i, p := range n.Parts {
				n.Parts[i] = through(partName, p)
			}
		}
		return nil
	})
}

// through wraps e in a call to the budget function name, unless it is
// wrapped already.
func through(name string, e hclsyntax.Expression) hclsyntax.Expression {
	if call, ok := e.(*hclsyntax.FunctionCallExpr); ok && call.Name == name {
		return e
	}
	return &hclsyntax.FunctionCallExpr{
		Name:            name,
		Args:            []hclsyntax.Expression{e},
		NameRange:       e.StartRange(),
		OpenParenRange:  e.StartRange(),
		CloseParenRange: e.Range(),
	}
}

// Functions returns the functions of an evaluation context charged to b:
// fns, with those that build values wrapped so that they check their
// result fits before they run and charge it after, and the functions
// Instrument's calls name. Build them once and Start b before each
// evaluation.
func (b *Budget) Functions(fns map[string]function.Function) map[string]function.Function {
	out := map[string]function.Function{
		iterateName: b.passThrough(func(v cty.Value) error { return b.charge(count(v), 0) }),
		elementName: b.passThrough(func(cty.Value) error { return b.charge(1, 0) }),
		partName:    b.passThrough(func(v cty.Value) error { return b.charge(0, text(v)) }),
		tickName:    b.passThrough(func(cty.Value) error { return b.charge(0, 0) }),
	}
	for name, f := range fns {
		if r, ok := rules[name]; ok {
			f = b.wrap(f, r)
		}
		out[name] = f
	}
	return out
}

// passThrough is a function of one argument, any value at all, that
// returns it unchanged once spend accepts it.
func (b *Budget) passThrough(spend func(cty.Value) error) function.Function {
	return function.New(&function.Spec{
		Params: []function.Parameter{{
			Name: "value", Type: cty.DynamicPseudoType,
			AllowDynamicType: true, AllowUnknown: true, AllowNull: true, AllowMarked: true,
		}},
		Type: func(args []cty.Value) (cty.Type, error) { return args[0].Type(), nil },
		Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
			return args[0], spend(args[0])
		},
	})
}
