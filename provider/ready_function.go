package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

var _ function.Function = (*readyFunction)(nil)

// readyFunction is provider::readiness::ready(type, values).
type readyFunction struct{}

func newReadyFunction() function.Function { return &readyFunction{} }

// readyThreshold is the severity at and above which a failure makes ready
// false: the CLI's and the provider's default fail_on.
var readyThreshold = check.AtLeast(check.SeverityHigh)

func (f *readyFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "ready"
}

func (f *readyFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Whether one resource's values pass the readiness checks for its type",
		Description: "Runs the same checks as `provider::readiness::check` and returns `false` when any of them fails at " +
			"severity `high` or `critical` (the default `fail_on`, under the `production` profile), and `true` otherwise: " +
			"failures of `medium` and `low` severity and `unknown` results do not count. While `values` holds parts known " +
			"only after apply, a `high` or `critical` check that cannot decide yet could still fail, so the result is " +
			"unknown then (unless something already fails), and a precondition or postcondition using it is checked once " +
			"the values are known.",
		Parameters: []function.Parameter{typeParameter, valuesParameter},
		Return:     function.BoolReturn{},
	}
}

func (f *readyFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var typ string
	var values types.Dynamic
	resp.Error = req.Arguments.Get(ctx, &typ, &values)
	if resp.Error != nil {
		return
	}
	if err := judgedType(typ); err != nil {
		resp.Error = function.NewArgumentFuncError(0, err.Error())
		return
	}
	rep, partial, err := judgeValues(ctx, typ, values)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(1, err.Error())
		return
	}
	ready := types.BoolValue(true)
	for _, r := range rep.Results {
		if !readyThreshold.Blocks(r.Severity) {
			continue
		}
		switch {
		case r.Status == check.StatusFail:
			resp.Error = resp.Result.Set(ctx, types.BoolValue(false))
			return
		case r.Status == check.StatusUnknown && partial:
			ready = types.BoolUnknown()
		}
	}
	resp.Error = resp.Result.Set(ctx, ready)
}
