package cli

import (
	"errors"
	"fmt"
	"slices"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/suggest"
)

// selectChecks applies --check and --skip-check to the configuration's
// choice of checks (checks { enabled, disabled } in .readiness.hcl). Both
// name checks as the file does: by ID, former ID, category or section.
//
//   - --check replaces the file's enabled list: only the checks it names
//     run. A check it names by ID or former ID runs even if the file's
//     disabled list names it: the command line wins, as for --profile.
//   - --skip-check removes the checks it names, after the file's disabled
//     list and whatever --check says.
//
// Every check the scan could run counts: the catalogue's (the recovery
// objective checks among them) and the file's custom checks. A name that matches none
// of them, nor a category or section, is a usage error that suggests the
// nearest; a selection that leaves no check is one too.
func (fl scanFlags) selectChecks(pol *policy.Policy, catalogue []check.Check) error {
	if len(fl.checks) == 0 && len(fl.skipChecks) == 0 {
		return nil
	}
	var metas []check.Meta
	for _, c := range catalogue {
		metas = append(metas, c.Meta)
	}
	for _, c := range pol.Custom {
		metas = append(metas, c.Meta)
	}
	if err := knownNames(metas, fl.checks, "--check"); err != nil {
		return err
	}
	if err := knownNames(metas, fl.skipChecks, "--skip-check"); err != nil {
		return err
	}
	var enabled []policy.Name
	for _, m := range metas {
		if fl.runs(pol, m) && !slices.ContainsFunc(enabled, func(n policy.Name) bool { return n.Value == m.ID }) {
			enabled = append(enabled, policy.Name{Value: m.ID})
		}
	}
	if len(enabled) == 0 {
		return usageError{errors.New("--check and --skip-check leave no check to run")}
	}
	pol.Enabled, pol.Disabled = enabled, nil
	return nil
}

// runs reports whether the command line and the file run the check m.
func (fl scanFlags) runs(pol *policy.Policy, m check.Meta) bool {
	if names(fl.skipChecks, m, true) {
		return false
	}
	disabled := names(policyNames(pol.Disabled), m, true)
	if len(fl.checks) > 0 {
		switch {
		case names(fl.checks, m, false):
			return true // named by ID: the file's disabled list gives way
		case names(fl.checks, m, true):
			return !disabled
		}
		return false
	}
	if len(pol.Enabled) > 0 && !names(policyNames(pol.Enabled), m, true) {
		return false
	}
	return !disabled
}

// names reports whether list names the check m: by ID or former ID, and
// by category or section when groups is set.
func names(list []string, m check.Meta, groups bool) bool {
	for _, n := range list {
		if n == m.ID || slices.Contains(m.Aliases, n) || groups && (n == m.Category || n == m.Section) {
			return true
		}
	}
	return false
}

func policyNames(list []policy.Name) []string {
	out := make([]string, len(list))
	for i, n := range list {
		out[i] = n.Value
	}
	return out
}

// knownNames checks that every name of flag is a check ID, a former ID, a
// category or a section.
func knownNames(metas []check.Meta, list []string, flag string) error {
	var known []string
	for _, m := range metas {
		known = append(known, m.ID)
		known = append(known, m.Aliases...)
	}
	known = append(append(known, check.Categories...), check.Sections...)
	for _, n := range list {
		if !slices.Contains(known, n) {
			return usageError{fmt.Errorf("%s %s: not a check ID, a category or a section.%s 'readiness checks' lists the checks", flag, n, suggest.DidYouMean(n, known))}
		}
	}
	return nil
}
