package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/prodready/terraform-provider-readiness/internal/check"
)

var _ function.Function = (*checkFunction)(nil)

// checkFunction is provider::readiness::check(type, values).
type checkFunction struct{}

func newCheckFunction() function.Function { return &checkFunction{} }

// typeParameter and valuesParameter are the arguments of check and ready.
var (
	typeParameter = function.StringParameter{
		Name: "type",
		Description: "The resource type, such as `aws_db_instance`. A type that no check judges is an error, with the " +
			"nearest type that one does: a misspelled type must not pass.",
	}
	valuesParameter = function.DynamicParameter{
		Name: "values",
		Description: "The resource's values: the resource itself (`aws_db_instance.main`, in a postcondition `self`), " +
			"or an object with the attributes to judge. Parts known only after apply are allowed: what depends on them " +
			"is unknown until they are known.",
		AllowUnknownValues: true,
	}
)

func (f *checkFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "check"
}

func (f *checkFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "Judges one resource's values against the readiness checks for its type",
		Description: "Runs every readiness check that judges a single resource of the given type on the given values, as " +
			"they would run on that resource in a plan, under the `production` profile, and returns one result per check " +
			"that applies, in checklist section order. Each result has `check_id`, `title`, `section`, `category`, `severity`, " +
			"`status` (`pass`, `fail` or `unknown`), `address` (`TYPE.this`), `message` and `change` (always null: the values " +
			"have no earlier version to compare with). The checks see this one resource " +
			"alone: those that look for related resources (a cross-region replica, an alarm, a backup plan) find none, and " +
			"whole-plan checks do not run. While `values` holds parts known only after apply, the `status` and `message` of " +
			"each result the checks cannot decide yet are unknown, and when `values` is unknown as a whole so is the list: " +
			"Terraform evaluates them again once the values are known. The provider's settings do not apply: Terraform " +
			"does not give provider functions the provider's configuration.",
		Parameters: []function.Parameter{typeParameter, valuesParameter},
		Return:     function.ListReturn{ElementType: types.ObjectType{AttrTypes: resultAttrTypes}},
	}
}

func (f *checkFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
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
	objType := types.ObjectType{AttrTypes: resultAttrTypes}
	if values.IsUnknown() || values.IsUnderlyingValueUnknown() {
		resp.Error = resp.Result.Set(ctx, types.ListUnknown(objType))
		return
	}
	rep, partial, err := judgeValues(ctx, typ, values)
	if err != nil {
		resp.Error = function.NewArgumentFuncError(1, err.Error())
		return
	}
	elems := make([]attr.Value, 0, len(rep.Results))
	for _, r := range rep.Results {
		m := newResultModel(r)
		status, message := types.StringValue(m.Status), types.StringValue(m.Message)
		if partial && r.Status == check.StatusUnknown {
			// Decided once the values are known: unknown until then, so
			// that Terraform evaluates it again during apply.
			status, message = types.StringUnknown(), types.StringUnknown()
		}
		obj, diags := types.ObjectValue(resultAttrTypes, map[string]attr.Value{
			"check_id": types.StringValue(m.CheckID),
			"title":    types.StringValue(m.Title),
			"section":  types.StringValue(m.Section),
			"category": types.StringValue(m.Category),
			"severity": types.StringValue(m.Severity),
			"status":   status,
			"address":  types.StringValue(m.Address),
			"message":  message,
			"change":   m.Change,
		})
		if diags.HasError() {
			resp.Error = function.FuncErrorFromDiags(ctx, diags)
			return
		}
		elems = append(elems, obj)
	}
	list, diags := types.ListValue(objType, elems)
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, list)
}
