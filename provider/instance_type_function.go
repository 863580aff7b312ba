package provider

import (
	"context"
	"sort"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ function.Function = (*instanceTypeFunction)(nil)

// instanceTypeFunction is provider::readiness::instance_type(name).
type instanceTypeFunction struct{}

func newInstanceTypeFunction() function.Function { return &instanceTypeFunction{} }

func (f *instanceTypeFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "instance_type"
}

func (f *instanceTypeFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	names := make([]string, 0, len(instanceTypeDescriptions))
	for n := range instanceTypeDescriptions {
		names = append(names, n)
	}
	sort.Strings(names)
	var attrs strings.Builder
	for _, n := range names {
		attrs.WriteString("\n- `" + n + "`: " + instanceTypeDescriptions[n])
	}
	resp.Definition = function.Definition{
		Summary: "Describes an instance type, machine type or VM size",
		Description: "Looks the name up in the catalogue the instance checks use, as the `readiness_instance_type` data " +
			"source does, and returns an object with these attributes:" + attrs.String() +
			"\n\nA name the catalogue does not hold is an error; use `try()` to fall back.",
		Parameters: []function.Parameter{function.StringParameter{
			Name:        "name",
			Description: "The instance type, machine type or VM size, such as `m7g.large`, `db.r6g.xlarge`, `n2-standard-4` or `Standard_D4s_v5`. Matched without regard to case.",
		}},
		Return: function.ObjectReturn{AttributeTypes: instanceTypeAttrTypes},
	}
}

func (f *instanceTypeFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var name string
	resp.Error = req.Arguments.Get(ctx, &name)
	if resp.Error != nil {
		return
	}
	m, ok := lookupInstanceType(name)
	if !ok {
		resp.Error = function.NewArgumentFuncError(0, "Unknown Instance Type: "+unknownInstanceTypeDetail(name))
		return
	}
	obj, diags := types.ObjectValueFrom(ctx, instanceTypeAttrTypes, m)
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, obj)
}
