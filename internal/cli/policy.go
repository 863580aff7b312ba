package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/config"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/period"
	"github.com/prodready/terraform-provider-readiness/internal/policy"
	"github.com/prodready/terraform-provider-readiness/internal/report"
)

// loadPolicy reads the configuration (--config, or .readiness.hcl found from
// the working directory up) and the --baseline, and fills in --profile,
// --fail-on and --gate from the configuration where the command line does
// not set them. Without a configuration the policy only carries the
// baseline and the clock.
func (a *app) loadPolicy(fl *scanFlags) (*policy.Policy, error) {
	pol := &policy.Policy{}
	path, name := fl.config, fl.config
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, fmt.Errorf("find %s: %w", config.FileName, err)
		}
		if path, err = config.Find(wd); err != nil {
			return nil, err
		}
		name = path
		if rel, err := filepath.Rel(wd, path); err == nil {
			name = rel
		}
	}
	if path != "" {
		conf, diags := config.Load(path, name)
		if conf != nil {
			diags = append(diags, conf.Validate(a.cat.all())...)
		}
		if diags.HasErrors() {
			return nil, diagErrors(diags)
		}
		pol = conf.Policy
		if !fl.profileSet && conf.Profile != "" {
			fl.profile = conf.Profile
		}
		if !fl.failOnSet && conf.FailOn != "" {
			fl.failOn = conf.FailOn
		}
		if !fl.gateSet && conf.Gate != "" {
			fl.gate = conf.Gate
		}
	}
	if fl.baseline != "" {
		b, err := policy.ReadBaseline(fl.baseline)
		if err != nil {
			return nil, err
		}
		pol.Baseline = b
	}
	pol.Now = time.Now
	return pol, nil
}

// diagErrors turns HCL's error diagnostics into one error each, as
// file:line,column-column: Summary; Detail.
func diagErrors(diags hcl.Diagnostics) error {
	var errs []error
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			errs = append(errs, errors.New(config.Format(d)))
		}
	}
	return errors.Join(errs...)
}

// warnExpired names each configured waiver that has expired: it no longer
// waives anything, and the failures it covered say so in the report.
func (a *app) warnExpired(pol *policy.Policy) {
	for _, w := range pol.Expired() {
		fmt.Fprintf(a.stderr, "readiness: warning: %s\n", report.SafeLine(fmt.Sprintf("%s: the waiver of %s by %s expired on %s; renew or remove it",
			w.Source, w.Check, w.Owner, w.Expires.Format(period.DateLayout))))
	}
}

// encodeBaseline records the report's failures, those the baseline waived
// included, so that the file can be the next scan's --baseline.
func encodeBaseline(rep *engine.Report) []byte {
	entries := []policy.BaselineEntry{}
	for _, r := range rep.Results {
		if r.Status == check.StatusFail || r.InBaseline {
			entries = append(entries, policy.BaselineEntry{Input: r.Input, CheckID: r.CheckID, Address: r.Address})
		}
	}
	return policy.EncodeBaseline(entries)
}
