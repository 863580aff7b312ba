package checks

import (
	"fmt"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers shared by the checks: evidence and findings.

// ev is the evidence for one attribute of r's planned values, redacted.
func ev(p *model.Plan, r *model.Resource, path ...model.Step) check.Evidence {
	return check.Evidence{Attribute: model.Path(path).String(), Value: p.Show(r, r.Attr(path...))}
}

// evText is evidence that is not an attribute value (a count, a link).
func evText(attribute, format string, args ...any) check.Evidence {
	return check.Evidence{Attribute: attribute, Value: fmt.Sprintf(format, args...)}
}

func pass(msg string, e ...check.Evidence) check.Finding {
	return check.Finding{Status: check.StatusPass, Message: msg, Evidence: e}
}

func fail(msg string, e ...check.Evidence) check.Finding {
	return check.Finding{Status: check.StatusFail, Message: msg, Evidence: e}
}

func unknown(msg string, e ...check.Evidence) check.Finding {
	return check.Finding{Status: check.StatusUnknown, Message: msg, Evidence: e}
}

// flag judges a boolean attribute that must be true (or false when want is
// false). A null value means the provider's default, given by dflt. An
// attribute absent from the plan (not in the provider's schema at the
// version that wrote it, at any depth) is unknown, and so is a value known
// only after apply.
func flag(p *model.Plan, r *model.Resource, want, dflt bool, passMsg, failMsg string, path ...model.Step) check.Finding {
	a := r.Attr(path...)
	e := ev(p, r, path...)
	switch {
	case a.Unknown:
		return unknown(fmt.Sprintf("%s is known only after apply", model.Path(path)), e)
	case !a.Present:
		// Plans write every attribute of the schema, null when unset: a
		// missing one is not in the provider version that wrote the plan.
		return unknown(fmt.Sprintf("the plan does not hold %s", model.Path(path)), e)
	}
	v, ok := a.Bool()
	if !ok {
		if a.Value != nil {
			return unknown(fmt.Sprintf("%s is not a boolean", model.Path(path)), e)
		}
		v = dflt
		e.Value += fmt.Sprintf(" (unset: defaults to %t)", dflt)
	}
	if v == want {
		return pass(passMsg, e)
	}
	return fail(failMsg, e)
}

// parentPresent reports whether the object holding the last step of path is
// in the plan: a missing attribute inside a present block is unset, while a
// missing top-level attribute may not exist in the provider's schema.
func parentPresent(r *model.Resource, path []model.Step) bool {
	if len(path) <= 1 {
		return false
	}
	a := r.Attr(path[:len(path)-1]...)
	return a.Present && a.Value != nil
}

// addresses lists resources' addresses for evidence.
func addresses(rs []*model.Resource) string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Address
	}
	return strings.Join(out, ", ")
}
