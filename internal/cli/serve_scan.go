package cli

import (
	"context"
	"fmt"

	"github.com/prodready/terraform-provider-readiness/internal/check"
	"github.com/prodready/terraform-provider-readiness/internal/engine"
	"github.com/prodready/terraform-provider-readiness/internal/input"
	"github.com/prodready/terraform-provider-readiness/internal/model"
	"github.com/prodready/terraform-provider-readiness/internal/profile"
	"github.com/prodready/terraform-provider-readiness/internal/runtask"
)

// planScanner returns the scan of `readiness serve`: one plan's JSON judged
// as `readiness scan plan.json` judges it with the configuration at path
// (or the one found from the working directory up when path is ""): its
// profile, threshold, gate, checks, waivers and custom checks.
//
// The configuration is read once now, so that a broken one stops serve
// before it listens, and again for each plan: a policy keeps caches about
// the plan it judges, and an edited file takes effect without a restart.
func (a *app) planScanner(path string) (runtask.ScanFunc, error) {
	load := func() (engine.Options, error) {
		fl := scanFlags{config: path, failOn: "high", profile: profile.Default, gate: string(engine.GateAll)}
		pol, err := a.loadPolicy(&fl)
		if err != nil {
			return engine.Options{}, err
		}
		failOn, err := check.ParseThreshold(fl.failOn)
		if err != nil {
			return engine.Options{}, err
		}
		prof, err := profile.Lookup(fl.profile)
		if err != nil {
			return engine.Options{}, err
		}
		gate, err := engine.ParseGate(fl.gate)
		if err != nil {
			return engine.Options{}, err
		}
		return engine.Options{Profile: prof, FailOn: failOn, Gate: gate, Policy: pol}, nil
	}
	if _, err := load(); err != nil {
		return nil, err
	}
	return func(_ context.Context, plan []byte) (*engine.Report, error) {
		opts, err := load()
		if err != nil {
			return nil, fmt.Errorf("load the configuration: %w", err)
		}
		p, err := input.Parse("plan.json", plan)
		if err != nil {
			return nil, err
		}
		return engine.Run([]*model.Plan{p}, a.cat.all(), opts), nil
	}, nil
}
