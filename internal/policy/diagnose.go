package policy

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// A custom check's diagnostics are told without HCL's details: they quote
// the values they reject (tonumber: `Cannot convert "hunter2" to number`),
// and any value reachable through self may be a secret, a neighbour's
// included. What is told instead comes from the configuration's own text:
// where, HCL's summary, and the function or attribute at that place.

// nullSummaries are the errors of a condition that reads a null value: it
// stays unknown, as reading an unset attribute does.
var nullSummaries = map[string]bool{
	"Attempt to get attribute from null value": true,
	"Attempt to index null value":              true,
	"Iteration over null value":                true,
	"Splat of null value":                      true,
	"Null condition":                           true,
	"Condition is null":                        true,
	"Null value as key":                        true,
}

// readsNull reports whether d comes of a null value the expression read
// (an attribute not set), rather than of a mistake in the expression.
func readsNull(d *hcl.Diagnostic) bool {
	if nullSummaries[d.Summary] {
		return true
	}
	// Operators, templates and functions given a null say so in the
	// detail, which is read here but never shown.
	return strings.Contains(d.Detail, "must not be null") || strings.Contains(d.Detail, "value is null") ||
		strings.Contains(d.Detail, "argument must not be null") || strings.Contains(d.Detail, "result is null")
}

// firstError is the first error of diags.
func firstError(diags hcl.Diagnostics) *hcl.Diagnostic {
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			return d
		}
	}
	return nil
}

// describe tells where d is and what went wrong without quoting a value:
// ".readiness.hcl:5,15-40: Unsupported attribute (attribute multi_azz)";
// what, when given, comes after the place.
func describe(d *hcl.Diagnostic, expr hcl.Expression, what string) string {
	s := safeSummary(d.Summary)
	if name := culprit(d, expr); name != "" {
		s += " (" + name + ")"
	}
	if what != "" {
		s = what + ": " + s
	}
	if d.Subject != nil {
		s = d.Subject.String() + ": " + s
	}
	return s
}

// safeSummary is HCL's summary, which names the kind of problem in fixed
// words; one that ever quoted something would be replaced.
func safeSummary(s string) string {
	if strings.ContainsAny(s, "\"'`") {
		return "Invalid expression"
	}
	return s
}

// culprit names, from the configuration's text, what is at the
// diagnostic's place: the function called there, or the attribute
// traversed there.
func culprit(d *hcl.Diagnostic, expr hcl.Expression) string {
	if call, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d); ok && !strings.Contains(call.CalledFunctionName(), "::") {
		return "function " + call.CalledFunctionName()
	}
	syn, ok := expr.(hclsyntax.Expression)
	if !ok || d.Subject == nil {
		return ""
	}
	var name string
	hclsyntax.VisitAll(syn, func(n hclsyntax.Node) hcl.Diagnostics {
		if name != "" {
			return nil
		}
		var steps hcl.Traversal
		switch n := n.(type) {
		case *hclsyntax.FunctionCallExpr:
			if n.NameRange == *d.Subject && !strings.Contains(n.Name, "::") {
				name = "function " + n.Name
			}
		case *hclsyntax.ScopeTraversalExpr:
			steps = n.Traversal
		case *hclsyntax.RelativeTraversalExpr:
			steps = n.Traversal
		}
		for _, step := range steps {
			if a, ok := step.(hcl.TraverseAttr); ok && a.SrcRange == *d.Subject {
				name = "attribute " + a.Name
			}
		}
		return nil
	})
	return name
}

// onSelf reports whether d is about an attribute of self itself
// (self.afterr): a mistake in any input, unlike an attribute of the
// planned values a configuration may leave unset.
func onSelf(d *hcl.Diagnostic, expr hcl.Expression) bool {
	if d.Subject == nil {
		return false
	}
	for _, t := range expr.Variables() {
		if len(t) > 1 && t.RootName() == "self" {
			if a, ok := t[1].(hcl.TraverseAttr); ok && a.SrcRange == *d.Subject {
				return true
			}
		}
	}
	return false
}
