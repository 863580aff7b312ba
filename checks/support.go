package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/model"
)

// Helpers shared by the checks of every domain: evidence and findings,
// known values, paths, and small collection helpers. Reading a value with
// the API's default is in support_values.go; links between resources in
// support_links.go.

// ev is the evidence for one attribute of r's planned values, redacted.
func ev(p *model.Plan, r *model.Resource, path ...model.Step) check.Evidence {
	return check.Evidence{Attribute: model.Path(path).String(), Value: p.Show(r, r.Attr(path...))}
}

// evAt is the evidence for an attribute of another resource than the one
// judged, named by its full address.
func evAt(p *model.Plan, r *model.Resource, path ...model.Step) check.Evidence {
	return check.Evidence{
		Attribute: r.Address + "." + model.Path(path).String(),
		Value:     p.Show(r, r.Attr(path...)),
	}
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

// strAt returns a known string attribute of r, or "" when unknown or null.
func strAt(r *model.Resource, path ...model.Step) string {
	s, _ := r.Attr(path...).Str()
	return s
}

// subPath appends steps to a path prefix without sharing its backing array.
func subPath(prefix []model.Step, steps ...model.Step) []model.Step {
	return append(append([]model.Step(nil), prefix...), steps...)
}

// unknownInside reports whether an after_unknown subtree marks anything.
func unknownInside(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case []any:
		for _, e := range v {
			if unknownInside(e) {
				return true
			}
		}
	case model.Object:
		for _, f := range v {
			if unknownInside(f.Value) {
				return true
			}
		}
	}
	return false
}

// typeAliases maps the resource types the AWS provider also offers under an
// older name to the current name: aws_alb is aws_lb.
var typeAliases = map[string]string{
	"aws_alb":                         "aws_lb",
	"aws_alb_listener":                "aws_lb_listener",
	"aws_alb_listener_certificate":    "aws_lb_listener_certificate",
	"aws_alb_listener_rule":           "aws_lb_listener_rule",
	"aws_alb_target_group":            "aws_lb_target_group",
	"aws_alb_target_group_attachment": "aws_lb_target_group_attachment",
}

// sameType reports whether two resource types are one resource, under the
// same name or under a name and its alias.
func sameType(a, b string) bool {
	if c, ok := typeAliases[a]; ok {
		a = c
	}
	if c, ok := typeAliases[b]; ok {
		b = c
	}
	return a == b
}

// typeSet merges strings and string lists into one sorted list without
// duplicates.
func typeSet(lists ...any) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, l := range lists {
		switch l := l.(type) {
		case string:
			add(l)
		case []string:
			for _, s := range l {
				add(s)
			}
		}
	}
	sort.Strings(out)
	return out
}

// ofTypes returns the resources of rs of the given types, type by type in
// the order given, as Plan.OfType does over a whole plan.
func ofTypes(rs []*model.Resource, types []string) []*model.Resource {
	byType := map[string][]*model.Resource{}
	for _, r := range rs {
		byType[r.Type] = append(byType[r.Type], r)
	}
	var out []*model.Resource
	for _, t := range types {
		out = append(out, byType[t]...)
	}
	return out
}

// mapKeys returns a map's keys, sorted.
func mapKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// pickInOrder returns the picked elements of all in their order.
func pickInOrder[T any](all []T, picked map[int]bool) []T {
	ordinals := make([]int, 0, len(picked))
	for i := range picked {
		ordinals = append(ordinals, i)
	}
	sort.Ints(ordinals)
	out := make([]T, 0, len(ordinals))
	for _, i := range ordinals {
		out = append(out, all[i])
	}
	return out
}

// admitsAnyAddress reports whether an address prefix admits every address.
func admitsAnyAddress(prefix string) bool {
	switch strings.ToLower(strings.TrimSpace(prefix)) {
	case "0.0.0.0/0", "::/0", "0.0.0.0", "*", "internet", "any":
		return true
	}
	return false
}

// A firstMatch finds the first resource of some types (in plan order) that
// test accepts: a plan-wide fact, such as "the plan installs the
// cluster-autoscaler", that a check judging many resources consults. Declare
// each as a package variable: it is looked for once per plan.
type firstMatch struct {
	types []string
	test  func(*model.Resource) bool
}

// in returns the first match in p, or nil.
func (f *firstMatch) in(p *model.Plan) *model.Resource {
	return p.Memo(f, func() any {
		for _, r := range p.OfType(f.types...) {
			if f.test(r) {
				return r
			}
		}
		return (*model.Resource)(nil)
	}).(*model.Resource)
}

type blockZonesKey struct {
	block, attr string
	count       model.Count
}

// blockZones gathers the zones of every instance of r's resource block (its
// configuration address, in every module instance) that exists after apply,
// for checks that judge an instance by the spread of its block. zones reads
// one instance's zones from attr, false when they are not known; undecided
// is then the first instance whose zones are not known. uncounted is set
// when the spread (one zone or more, two or more) depends on instances
// whose number is unknown apart from r's (countVaries: a module instance
// keyed [*] beside known ones): without them it would be judged otherwise,
// so the check says unknown, for the reason uncounted.Count gives. The
// answer is computed once per block, attribute and r's Count, so zones must
// read them the same way for every resource of a type.
func blockZones(p *model.Plan, r *model.Resource, attr string, zones func(*model.Resource) ([]string, bool)) (sorted []string, undecided, uncounted *model.Resource) {
	type result struct {
		zones                []string
		undecided, uncounted *model.Resource
	}
	out := p.Memo(blockZonesKey{r.ConfigAddress(), attr, r.Count}, func() any {
		seen, fixed := map[string]bool{}, map[string]bool{}
		type varied struct {
			sib   *model.Resource
			zones []string
		}
		var varying []varied
		for _, sib := range p.Instances(r.ConfigAddress()) {
			if !sib.Exists() {
				continue
			}
			zs, ok := zones(sib)
			if !ok {
				return result{undecided: sib}
			}
			varies := countVaries(r, sib)
			if varies {
				varying = append(varying, varied{sib, zs})
			}
			for _, z := range zs {
				seen[z] = true
				if !varies {
					fixed[z] = true
				}
			}
		}
		res := result{zones: mapKeys(seen)}
		if len(fixed) >= 2 {
			return res // two zones however many the others are
		}
		for _, v := range varying {
			for _, z := range v.zones {
				if !fixed[z] && res.uncounted == nil {
					res.uncounted = v.sib // a zone only they would add
				}
			}
		}
		return res
	}).(result)
	return out.zones, out.undecided, out.uncounted
}

// Blocks the plan's configuration may not show. Plan JSON leaves dynamic
// blocks out of the configuration it records, so a block missing from it
// while its planned value is unknown or holds blocks may be set by one
// (model.CannotTell). A check never passes or skips on that: where reading
// it as unset would pass or skip, it says cannot tell; where unset would
// fail, the failure stands and says what it assumed (assumeUnset), and
// the .tf files (--config-dir, or a directory scan) decide.

// dynamicNote says why a block missing from the plan's configuration may be
// set after all.
func dynamicNote(what string) string {
	return what + " is missing from the configuration the plan records, where a dynamic block would not show: " +
		"scan the plan with its .tf files (--config-dir) to decide"
}

// maybeDynamic reports whether r's block is missing from the plan's
// configuration although a dynamic block may set it.
func maybeDynamic(r *model.Resource, path ...model.Step) bool {
	return r.Config != nil && r.ConfiguredBlock(path...) == model.CannotTell
}

// assumeUnset marks evidence read as unset although a dynamic block may
// set it: the engine turns a pass resting on it into unknown.
func assumeUnset(e check.Evidence, block string) check.Evidence {
	e.Assumption = dynamicNote(block)
	return e
}

// cannotTell is the finding for a block the plan cannot say is set, where
// reading it as unset would pass or skip the resource.
func cannotTell(r *model.Resource, block string, e ...check.Evidence) check.Finding {
	if r.Config == nil {
		return unknown(fmt.Sprintf("the plan holds no configuration for this resource: whether it sets %s cannot be told", block), e...)
	}
	return unknown(dynamicNote(block), e...)
}
